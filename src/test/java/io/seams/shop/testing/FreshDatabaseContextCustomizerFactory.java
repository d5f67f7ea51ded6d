package io.seams.shop.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at a database of its own (see {@link TestDatabases}), so tests
 * run against real PostgreSQL and never see each other's data. Contexts are still cached: one
 * database per distinct context, not per test.
 */
class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new FreshDatabase();
    }

    private static final class FreshDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var database = TestDatabases.fresh();
            TestDatabases.closedAfterSpringApplications();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "seams-test-database",
                            Map.of(
                                    "spring.datasource.url",
                                    database.url(),
                                    "spring.datasource.username",
                                    database.username(),
                                    "spring.datasource.password",
                                    database.password(),
                                    // Every test context gets an SMTP server of its own, on a free port.
                                    "seams.mail.embedded.port",
                                    "0",
                                    "seams.security.embedded-authorization-server.accounts-directory",
                                    Tokens.accountsDirectory())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FreshDatabase;
        }

        @Override
        public int hashCode() {
            return FreshDatabase.class.hashCode();
        }
    }
}
