package io.seams.shop.platform.adapters.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of a request into an RFC 9457 problem detail with a stable {@code type}.
 * Spring MVC's own exceptions (wrong method, media type, missing parameter, ...) keep their
 * standard status and detail; malformed and invalid bodies and parameters name the offending field;
 * anything unexpected is logged once and answered with a 500 that reveals nothing of the internals.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(error -> error.getField()))
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (org.springframework.core.NestedExceptionUtils.getRootCause(ex)
                instanceof RequestSizeLimit.TooLarge tooLarge) {
            var problem = Problems.problem(
                    HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large", tooLarge.getMessage());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        var problem = Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request body", null);
        var cause = ex.getCause();
        if (cause instanceof Utf8JsonBodies.NotUtf8 notUtf8) {
            problem.setDetail(notUtf8.getMessage());
        } else if (cause instanceof InputCoercionException range && range.getLocation() != null) {
            problem.setDetail("A number in the request body is out of range (line %d, column %d)"
                    .formatted(
                            range.getLocation().getLineNr(), range.getLocation().getColumnNr()));
        } else if (cause instanceof StreamReadException syntax && syntax.getLocation() != null) {
            problem.setDetail("The request body is not valid JSON (line %d, column %d)"
                    .formatted(
                            syntax.getLocation().getLineNr(),
                            syntax.getLocation().getColumnNr()));
        } else if (cause instanceof DatabindException shape && !shape.getPath().isEmpty()) {
            var field = fieldPath(shape.getPath());
            problem.setDetail("The value of '%s' has the wrong type or format".formatted(field));
            problem.setProperty("field", field);
        } else if (cause instanceof DatabindException) {
            problem.setDetail("The request body does not have the expected shape");
        } else {
            problem.setDetail("The request body is missing or cannot be read");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A path variable, query parameter or header that cannot be read as its type ({@code
     * /api/orders/not-a-uuid}): named in {@code errors} like a field of a body, and not echoed.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var name =
                ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        var problem = Problems.invalid(List.of(
                Map.of("field", String.valueOf(name), "message", "is not a " + formatOf(ex.getRequiredType()))));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A path nothing in this process serves: said so, not as Spring MVC puts it ("No static resource
     * api/orders/…"), which names how it looked rather than what the client asked for.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = Problems.problem(
                HttpStatus.NOT_FOUND,
                "no-such-endpoint",
                "No such endpoint",
                "Nothing in this process answers %s at this path".formatted(ex.getHttpMethod()));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    /** A required query parameter that is left out, named in {@code errors}. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var problem = Problems.invalid(List.of(Map.of("field", ex.getParameterName(), "message", "is required")));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String formatOf(@Nullable Class<?> type) {
        if (type == UUID.class) {
            return "UUID (36 characters, such as 3f2c8a4e-9b1d-4c7e-8f00-5a6b7c8d9e0f)";
        }
        return type != null && Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(type))
                ? "whole number"
                : "value of its type";
    }

    /**
     * A constraint on a query or path parameter ({@code @Min}, {@code @Max}, ...) does not hold:
     * names every parameter that broke one, like {@link #handleMethodArgumentNotValid} does for
     * bodies.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                "message",
                                String.valueOf(error.getDefaultMessage()))))
                .sorted(Comparator.comparing(error -> error.get("field")))
                .toList();
        return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Every answer Spring MVC gives on its own (a parameter missing or of the wrong type, a method
     * or media type not supported, no such resource) carries a stable {@code type} too, like the
     * answers Seams writes: {@code invalid-request} for a 400, {@code no-such-endpoint} for a path
     * nothing serves, the status's name otherwise (e.g. {@code urn:seams:problem:method-not-allowed}).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            var status = HttpStatus.resolve(statusCode.value());
            if (status == HttpStatus.BAD_REQUEST) {
                problem.setType(Problems.type("invalid-request"));
                problem.setTitle("Invalid request");
            } else if (status == HttpStatus.NOT_FOUND) {
                // Nothing of this process answers the path (a module hosted elsewhere, a typo): not
                // the not-found of a resource an endpoint looked for.
                problem.setType(Problems.type("no-such-endpoint"));
                problem.setTitle("No such endpoint");
            } else if (status != null) {
                problem.setType(
                        Problems.type(status.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Form or query parameters that cannot be decoded, or that the firewall refuses (control characters). */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
    ProblemDetail undecodableParameters(RuntimeException ex) {
        return Problems.problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                "The request's parameters cannot be decoded or contain characters that are not allowed");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentModification(OptimisticLockingFailureException ex) {
        return Problems.problem(
                HttpStatus.CONFLICT,
                "concurrent-modification",
                "Concurrent modification",
                "The resource was changed by another request at the same time; read it again and retry");
    }

    @ExceptionHandler(RestClientException.class)
    ProblemDetail moduleUnavailable(RestClientException ex, WebRequest request) {
        log.warn("A module {} needs is unavailable: {}", request.getDescription(false), ex.getMessage());
        return Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "module-unavailable",
                "Service unavailable",
                "A part of the shop this request needs is not reachable right now; nothing was done, try again later");
    }

    /**
     * The database cannot be reached (no connection within the pool's timeout, or it went away
     * mid-request): nothing was committed, so the client may simply retry.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, WebRequest request) {
        log.warn("The database is unreachable for {}: {}", request.getDescription(false), ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "database-unavailable",
                        "Service unavailable",
                        "The shop's database is not reachable right now; nothing was done, try again shortly"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure handling {}", request.getDescription(false), ex);
        return Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The request could not be completed; it has been logged");
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        var field = new StringBuilder();
        for (var reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
