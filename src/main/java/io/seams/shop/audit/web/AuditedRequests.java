package io.seams.shop.audit.web;

import io.seams.shop.audit.application.RecordRequest;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request that asks the API to change something (not reads) goes into the audit trail once
 * answered: who (the token's subject), what (method and endpoint), how it ended (the status), and
 * the order or customer it named. Bodies are never recorded. Which of the two an id names follows
 * from the module whose controller answered (by the package of its {@link OrderId} or {@link
 * CustomerId}), not from the text of the URL.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class AuditedRequests implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditedRequests.class);

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RecordRequest recorder;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception e) {
        if (!CHANGES.contains(request.getMethod())
                || response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            // Reads change nothing; a 503 means the database or a module was away and nothing was
            // done (writing the entry would only make the caller wait for the database again).
            return;
        }
        var pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        var id = Optional.ofNullable(variables).map(vars -> vars.get("id")).flatMap(AuditedRequests::uuid);
        Optional<UUID> order = Optional.empty();
        Optional<UUID> customer = Optional.empty();
        if (answeredByModuleOf(OrderId.class, handler)) {
            order = id.or(() -> createdId(response));
        } else if (answeredByModuleOf(CustomerId.class, handler)) {
            customer = id.or(() -> createdId(response));
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var actor = authentication instanceof JwtAuthenticationToken token ? token.getName() : "anonymous";
        try {
            recorder.record(actor, request.getMethod() + " " + pattern, response.getStatus(), order, customer);
        } catch (DataAccessException unreachable) {
            // The database went away after the request was answered: say so in the log instead.
            log.warn(
                    "Could not record {} {} by {} (status {}) in the audit trail: {}",
                    request.getMethod(),
                    pattern,
                    actor,
                    response.getStatus(),
                    unreachable.getMessage());
        }
    }

    /** Whether the handler belongs to the module whose API holds the given type. */
    private static boolean answeredByModuleOf(Class<?> apiType, Object handler) {
        return handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().startsWith(apiType.getPackageName() + ".");
    }

    /** The id at the end of the Location of what a POST created. */
    private static Optional<UUID> createdId(HttpServletResponse response) {
        return Optional.ofNullable(response.getHeader(HttpHeaders.LOCATION))
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .flatMap(AuditedRequests::uuid);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
