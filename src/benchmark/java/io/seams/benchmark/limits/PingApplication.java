package io.seams.benchmark.limits;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * L2 of the benchmark: the cheapest HTTP request the server stack can answer. A Spring Boot
 * application on the same stack as Seams (embedded Tomcat, Spring MVC) with one endpoint, {@code
 * GET /ping}, and nothing else: no security, no database. Run in a JVM of its own, with the same
 * options as a Seams process.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class
})
@RestController
public class PingApplication {

    @GetMapping("/ping")
    String ping() {
        return "pong";
    }

    public static void main(String[] arguments) {
        SpringApplication.run(PingApplication.class, arguments);
    }
}
