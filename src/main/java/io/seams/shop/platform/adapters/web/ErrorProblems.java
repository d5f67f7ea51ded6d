package io.seams.shop.platform.adapters.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page as an RFC 9457 problem. Errors Spring MVC handles are problems already
 * ({@link ApiProblems}); this answers what ends on the servlet container's error page instead —
 * a request the firewall rejects (a {@code ..} or {@code ;} in the path), an error a filter sends.
 * It never says more than the status — no message, no exception, no stack trace — unless a filter of
 * Seams' own explains the refusal in {@link #DETAIL}. Not part of the API description: it is no
 * operation of the shop's.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController {

    /**
     * The request attribute in which one of Seams' filters puts the detail of the problem it
     * refuses a request with ({@link #refuse}); the container's own messages are never shown.
     */
    static final String DETAIL = ErrorProblems.class.getName() + ".detail";

    /** Ends the request with the error page's problem for {@code status}, saying {@code detail}. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        request.setAttribute(DETAIL, detail);
        response.sendError(status.value());
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code)
                : null;
        if (status == null) {
            // Called directly rather than as an error page: there is nothing to report.
            status = HttpStatus.BAD_REQUEST;
        }
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path ? path : "/";
        var problem = problem(status, uri, request.getAttribute(DETAIL) instanceof String detail ? detail : null);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The problem of a request refused with {@code status}, whether on this error page or by Tomcat
     * before any servlet ran ({@link ServerErrorProblems}): a {@code type} like every other answer's,
     * and the path that was sent as its {@code instance} (the request that failed, not this error
     * page, which Spring MVC would name otherwise).
     */
    static ProblemDetail problem(HttpStatus status, String uri, @Nullable String detail) {
        var problem = status.is5xxServerError()
                ? Problems.problem(
                        status,
                        "internal-error",
                        "Internal error",
                        "Something went wrong on our side; the request may be retried.")
                : Problems.problem(
                        status,
                        status == HttpStatus.BAD_REQUEST
                                ? "malformed-request"
                                : status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        status == HttpStatus.BAD_REQUEST ? "Malformed request" : status.getReasonPhrase(),
                        detail != null ? detail : "The request could not be processed as sent.");
        problem.setInstance(instanceOf(uri));
        return problem;
    }

    private static URI instanceOf(String uri) {
        try {
            var asSent = new URI(uri);
            return asSent.getRawAuthority() == null ? asSent : quoted(asSent.getRawPath());
        } catch (URISyntaxException notAUri) {
            return quoted(uri);
        }
    }

    /** The path with what a URI may not hold percent-encoded. */
    private static URI quoted(String path) {
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException unparseable) {
            return URI.create("/");
        }
    }
}
