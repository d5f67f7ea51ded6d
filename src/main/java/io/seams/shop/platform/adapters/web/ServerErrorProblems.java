package io.seams.shop.platform.adapters.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat itself refuses before Spring sees them — an encoded NUL or a malformed
 * escape in the path, an invalid header — get the same RFC 9457 problem as everything else,
 * instead of Tomcat's HTML error page.
 */
@Component
class ServerErrorProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (var valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve());
            // Tomcat adds its own valve at start unless the host names this one.
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        // After Spring Boot's own customizer, which installs the plain error report valve.
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A JSON string of text that holds no control character (a URI, a title). */
    private static String quoted(@Nullable String text) {
        return "\"" + String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Public: Tomcat creates it by its class name. */
    public static final class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            var resolved = HttpStatus.resolve(status);
            var problem = ErrorProblems.problem(
                    resolved == null ? HttpStatus.BAD_REQUEST : resolved,
                    request.getRequestURI() == null ? "/" : request.getRequestURI(),
                    "The server could not process this request as sent.");
            var body = "{\"type\":%s,\"title\":%s,\"status\":%d,\"detail\":%s,\"instance\":%s}"
                    .formatted(
                            quoted(String.valueOf(problem.getType())),
                            quoted(problem.getTitle()),
                            status,
                            quoted(problem.getDetail()),
                            quoted(String.valueOf(problem.getInstance())));
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away or the response cannot take a body: the status says enough.
            }
        }
    }
}
