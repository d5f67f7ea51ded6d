package io.seams.shop.platform.adapters.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request gives an operation the inputs it declares, each once, before the operation runs:
 *
 * <ul>
 *   <li>A declared query parameter is left out or given a value. Spring alone reads {@code GET
 *       /api/audit?orderId=} as no filter at all (the whole trail) and {@code ?limit=} as the
 *       default; the description allows no empty value.
 *   <li>A parameter or header that takes one value is given once. Spring alone reads {@code
 *       ?limit=1&limit=2} as 1, and two {@code Idempotency-Key} headers as one key {@code "a,b"}.
 *   <li>An operation that takes no body is sent none: {@code POST /api/customers/{id}/erasure} with a
 *       body is a request the client did not mean as sent, and erasing is not undone.
 * </ul>
 *
 * Each is a {@code 400} naming what is wrong; nothing runs. Parameters and headers the operation
 * does not declare are ignored, as they always were.
 */
@Configuration(proxyBeanMethods = false)
class DeclaredInputs implements WebMvcConfigurer, HandlerInterceptor {

    /** What one operation declares, read once per operation rather than per request. */
    private record Declared(
            List<String> singleParameters, List<String> multiParameters, List<String> singleHeaders, boolean body) {

        static Declared of(HandlerMethod operation) {
            var single = new ArrayList<String>();
            var multi = new ArrayList<String>();
            var headers = new ArrayList<String>();
            var body = false;
            for (var parameter : operation.getMethodParameters()) {
                var query = parameter.getParameterAnnotation(RequestParam.class);
                var header = parameter.getParameterAnnotation(RequestHeader.class);
                if (query != null && !takesAll(parameter)) {
                    (takesSeveral(parameter) ? multi : single).add(nameOf(query.name(), parameter));
                } else if (header != null && !takesAll(parameter) && !takesSeveral(parameter)) {
                    headers.add(nameOf(header.name(), parameter));
                }
                body |= parameter.hasParameterAnnotation(RequestBody.class);
            }
            return new Declared(List.copyOf(single), List.copyOf(multi), List.copyOf(headers), body);
        }

        private static String nameOf(String declared, MethodParameter parameter) {
            return declared.isEmpty() ? String.valueOf(parameter.getParameterName()) : declared;
        }

        private static boolean takesSeveral(MethodParameter parameter) {
            var type = parameter.nestedIfOptional().getNestedParameterType();
            return type.isArray() || Collection.class.isAssignableFrom(type);
        }

        /** {@code @RequestParam Map} or {@code @RequestHeader HttpHeaders}: every one there is, by any name. */
        private static boolean takesAll(MethodParameter parameter) {
            var type = parameter.nestedIfOptional().getNestedParameterType();
            return Map.class.isAssignableFrom(type) || HttpHeaders.class.isAssignableFrom(type);
        }
    }

    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Last, so the interceptors before it (the audit trail's) see the refused request too.
        registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod operation) || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        var inputs = declared.computeIfAbsent(operation.getMethod(), method -> Declared.of(operation));
        var errors = new ArrayList<Map<String, String>>();
        for (var name : inputs.singleParameters()) {
            var values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                errors.add(error(name, "is given %d times: give it once".formatted(values.length)));
            } else if (values != null && values[0].isEmpty()) {
                errors.add(error(name, "has no value: give one, or leave the parameter out"));
            }
        }
        for (var name : inputs.multiParameters()) {
            var values = request.getParameterValues(name);
            if (values != null && Arrays.asList(values).contains("")) {
                errors.add(error(name, "has no value: give one, or leave the parameter out"));
            }
        }
        for (var name : inputs.singleHeaders()) {
            var given = Collections.list(request.getHeaders(name)).size();
            if (given > 1) {
                errors.add(error(name, "is given %d times: give it once".formatted(given)));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(error -> error.get("field")));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(errors), null);
        }
        if (!inputs.body() && hasBody(request)) {
            throw Problems.refusal(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "Malformed request",
                    "This operation takes no request body: send the request without one");
        }
        return true;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** Whether the request carries content: a length above 0, or chunks with at least one byte. */
    private static boolean hasBody(HttpServletRequest request) throws IOException {
        var length = request.getContentLengthLong();
        return length > 0
                || (length < 0
                        && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                        && request.getInputStream().read() >= 0);
    }
}
