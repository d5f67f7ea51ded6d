package io.seams.shop.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Listeners of other modules' events run asynchronously, after the publishing transaction has
 * committed, each in a transaction of its own, on the pools {@code events.EventExecution} sets up;
 * scheduled jobs (such as resubmitting failed event publications) run in the background. Time comes from one {@link Clock}, so tests can move it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Listeners run on other threads; this carries the trace context and the caller's identity
     * (the observation and MDC context) to them, and so into the events they publish.
     */
    @Bean
    TaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }
}
