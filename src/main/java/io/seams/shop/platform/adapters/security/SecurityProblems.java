package io.seams.shop.platform.adapters.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problems, with the {@code WWW-Authenticate} header OAuth2 clients
 * expect. The detail says what is missing, never why a token failed in a way that helps forge one.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    SecurityProblems(JsonMapper json, ApplicationEventPublisher events) {
        this.json = json;
        this.events = events;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        bearer.commence(request, response, exception);
        refused(request, response);
        write(
                request,
                response,
                "unauthenticated",
                "Unauthenticated",
                "This needs a valid bearer token (Authorization: Bearer ...); see docs/security.md");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        denied.handle(request, response, exception);
        refused(request, response);
        write(request, response, "forbidden", "Forbidden", "Your role does not allow this");
    }

    private void refused(HttpServletRequest request, HttpServletResponse response) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var actor = authentication instanceof JwtAuthenticationToken token ? token.getName() : "anonymous";
        events.publishEvent(
                new AccessRefused(actor, request.getMethod(), request.getRequestURI(), response.getStatus()));
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, String type, String title, String detail)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "urn:seams:problem:" + type);
        problem.put("title", title);
        problem.put("status", response.getStatus());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        // JSON is UTF-8 and its media type has no charset parameter, as every other problem's.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
