package io.seams.shop.platform.adapters.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Problem details (RFC 9457) with a stable {@code type} per kind of problem. Controllers throw the
 * returned exceptions to answer with the problem; the domain itself never throws them.
 */
public final class Problems {

    private Problems() {}

    /** A stable, dereferenceable-free identifier for a kind of problem, e.g. {@code urn:seams:problem:not-found}. */
    public static URI type(String slug) {
        return URI.create("urn:seams:problem:" + slug);
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String title, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** The problem as an exception: thrown from a controller (or an advice or interceptor), it is the answer. */
    public static ErrorResponseException refusal(
            HttpStatus status, String slug, String title, @Nullable String detail) {
        return new ErrorResponseException(status, problem(status, slug, title, detail), null);
    }

    /** The resource does not exist (or, later, is not the caller's to see). */
    public static ErrorResponseException notFound(String resource, Object id) {
        var problem = problem(
                HttpStatus.NOT_FOUND, "not-found", resource + " not found", "No %s with id %s".formatted(resource, id));
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /** A 400 naming each field (or parameter) and what is wrong with it, in {@code errors} and the detail. */
    public static ProblemDetail invalid(List<Map<String, String>> errors) {
        var detail = errors.stream()
                .map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; "));
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A 400 naming one field (or parameter, or header) and what is wrong with it. */
    public static ErrorResponseException badRequest(String field, String message) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST, invalid(List.of(Map.of("field", field, "message", message))), null);
    }

    /** The caller may not do this, whatever the resource's state. */
    public static ErrorResponseException forbidden(String detail) {
        return refusal(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** The resource's current state does not allow what was asked. */
    public static ErrorResponseException conflict(String slug, String title, @Nullable String detail) {
        return refusal(HttpStatus.CONFLICT, slug, title, detail);
    }

    /** The request is well-formed but breaks a business rule; {@code properties} name what broke it. */
    public static ErrorResponseException unprocessable(
            String slug, String title, String detail, Map<String, Object> properties) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail);
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }
}
