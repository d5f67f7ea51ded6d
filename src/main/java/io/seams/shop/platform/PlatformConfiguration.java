package io.seams.shop.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Listeners of other modules' events run asynchronously, after the publishing transaction has
 * committed, each in a transaction of its own; scheduled jobs (such as resubmitting failed event
 * publications) run in the background. Time comes from one {@link Clock}, so tests can move it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
