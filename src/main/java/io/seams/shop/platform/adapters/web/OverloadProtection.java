package io.seams.shop.platform.adapters.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.seams.shop.platform.events.ListenerBacklog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Overload is refused, not queued: while the event listeners are behind by more than {@code
 * seams.web.overload.max-backlog-age}, a request that would start new work (any change under
 * {@code /api/}, operations excepted) answers {@code 503} with a problem and {@code Retry-After},
 * before it is authenticated or anything is written. Reads go on, and accepted work is never
 * dropped: it is only late, and the refusal keeps it from becoming later.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class OverloadProtection extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ListenerBacklog backlog;
    private final Duration maxBacklogAge;
    private final Counter refused;

    OverloadProtection(
            ListenerBacklog backlog,
            @Value("${seams.web.overload.max-backlog-age:PT2S}") Duration maxBacklogAge,
            MeterRegistry meters) {
        this.backlog = backlog;
        this.maxBacklogAge = maxBacklogAge;
        this.refused = Counter.builder("seams.requests.refused")
                .tag("reason", "overload")
                .description("Requests refused with a 503 because accepted work was behind")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return READS.contains(request.getMethod()) || !path.startsWith("/api/") || path.startsWith("/api/operations/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var behind = backlog.oldestWait();
        if (behind.compareTo(maxBacklogAge) <= 0) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        // Whole seconds (RFC 9110); by then the backlog has had as long again to drain.
        var retryAfter = Math.max(1, (behind.toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"urn:seams:problem:overloaded","title":"Too much work in progress","status":503,\
                "detail":"Seams is %d ms behind with work it has accepted; nothing was done with this request.\
                 Retry after %d s.","retryAfterSeconds":%d}""".formatted(behind.toMillis(), retryAfter, retryAfter));
    }
}
