package io.seams.shop.platform.adapters.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error answer that would leave without a body gets the error page's problem instead. Code that
 * is not Seams' own answers some errors with a status alone: Spring Boot's actuator a health
 * component or metric it does not know (or hides from the caller) with an empty {@code 404}, the
 * dev authorization server a token request without credentials with an empty {@code 401}. A client
 * then has nothing to read; with this it reads a problem like every other, with the path as its
 * {@code instance}. An error answer with a body (a health check that is down says what is down)
 * keeps it.
 */
@Component
// Outermost but for the size limit: around the security filters, whose endpoints answer like this too.
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class BodilessErrors extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var watched = new Watched(response);
        chain.doFilter(request, watched);
        var status = HttpStatus.resolve(watched.getStatus());
        if (status != null && status.isError() && !watched.answered && !response.isCommitted()) {
            if (status == HttpStatus.NOT_FOUND) {
                ErrorProblems.refuse(request, response, status, "Nothing was found at this path.");
            } else {
                response.sendError(status.value());
            }
        }
    }

    /** A response that remembers whether anything wrote to it or sent an error page. */
    private static final class Watched extends HttpServletResponseWrapper {

        private boolean answered;

        Watched(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            answered = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            answered = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int status) throws IOException {
            answered = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            answered = true;
            super.sendError(status, message);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (getStatus() >= 400 && !answered) {
                // Flushing would send the status alone; the filter answers once the chain is done.
                return;
            }
            super.flushBuffer();
        }
    }
}
