package io.seams.shop.platform.distribution.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** An embedded service runs where the module that needs it is hosted, unless its switch says otherwise. */
class NeededByHostedModuleTests {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(MailServer.class);

    @Test
    void runsInTheMonolith() {
        context.run(started -> assertThat(started).hasBean("mailServer"));
    }

    @Test
    void runsWhereItsModuleIsHosted() {
        context.withPropertyValues("seams.topology.modules=orders,notifications")
                .run(started -> assertThat(started).hasBean("mailServer"));
    }

    @Test
    void doesNotRunInAProcessHostingOtherModules() {
        context.withPropertyValues("seams.topology.modules=payments")
                .run(started -> assertThat(started).doesNotHaveBean("mailServer"));
    }

    @Test
    void itsSwitchWins() {
        context.withPropertyValues("seams.topology.modules=payments", "test.mail.enabled=true")
                .run(started -> assertThat(started).hasBean("mailServer"));
        context.withPropertyValues("test.mail.enabled=false")
                .run(started -> assertThat(started).doesNotHaveBean("mailServer"));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(NeededByNotifications.class)
    static class MailServer {

        @Bean
        String mailServer() {
            return "smtp";
        }
    }

    static class NeededByNotifications extends NeededByHostedModule {

        NeededByNotifications() {
            super("test.mail.enabled", "notifications");
        }
    }
}
