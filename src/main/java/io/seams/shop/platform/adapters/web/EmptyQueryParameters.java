package io.seams.shop.platform.adapters.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter an operation declares is either left out or given a value. Spring alone reads
 * {@code GET /api/audit?orderId=} as no filter at all (the whole trail) and {@code ?limit=} as the
 * default; the API description allows no empty value, so such a request is a {@code 400} naming the
 * parameter. Parameters the operation does not declare are ignored, as they always were.
 */
@Configuration(proxyBeanMethods = false)
class EmptyQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Last, so the interceptors before it (the audit trail's) see the refused request too.
        registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod operation) {
            var empty = declared.computeIfAbsent(operation.getMethod(), EmptyQueryParameters::declaredNames).stream()
                    .filter(name -> request.getParameterValues(name) != null
                            && Arrays.asList(request.getParameterValues(name)).contains(""))
                    .sorted()
                    .map(name -> Map.of("field", name, "message", "has no value: give one, or leave the parameter out"))
                    .toList();
            if (!empty.isEmpty()) {
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(empty), null);
            }
        }
        return true;
    }

    /** The query parameters each operation declares, read once per operation rather than per request. */
    private final Map<Method, List<String>> declared = new ConcurrentHashMap<>();

    private static List<String> declaredNames(Method operation) {
        return Arrays.stream(operation.getParameters())
                .flatMap(parameter -> declaredName(parameter).stream())
                .toList();
    }

    /** The query parameter's name, for a method parameter annotated {@code @RequestParam}. */
    private static Optional<String> declaredName(Parameter parameter) {
        var annotation = MergedAnnotations.from(parameter).get(RequestParam.class);
        if (!annotation.isPresent()) {
            return Optional.empty();
        }
        var name = annotation.getString("name");
        return Optional.of(name.isEmpty() ? parameter.getName() : name);
    }
}
