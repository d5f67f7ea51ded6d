package io.seams.shop.platform.adapters.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
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
 * It never says more than the status: no message, no exception, no stack trace. Not part of the
 * API description: it is no operation of the shop's.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code)
                : null;
        if (status == null) {
            // Called directly rather than as an error page: there is nothing to report.
            status = HttpStatus.BAD_REQUEST;
        }
        var problem = ProblemDetail.forStatus(status);
        problem.setDetail(
                status.is5xxServerError()
                        ? "Something went wrong on our side; the request may be retried."
                        : "The request could not be processed as sent.");
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
