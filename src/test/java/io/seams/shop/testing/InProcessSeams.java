package io.seams.shop.testing;

import io.seams.shop.SeamsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Seams started in the test's own JVM outside the Spring test context, for tests that need more
 * than one instance or to drive its life themselves: on a database of its own, on free ports, with
 * the demo accounts where {@link Tokens} reads them. Add properties and {@code run()} it.
 */
public final class InProcessSeams {

    private InProcessSeams() {}

    /** A builder for Seams on {@code database}; HTTP and SMTP on free ports. */
    public static SpringApplicationBuilder on(TestDatabases.Database database) {
        TestDatabases.closedAfterSpringApplications();
        return new SpringApplicationBuilder(SeamsApplication.class)
                .properties(
                        "server.port=0",
                        "seams.mail.embedded.port=0",
                        "seams.security.embedded-authorization-server.accounts-directory=" + Tokens.accountsDirectory(),
                        "spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password());
    }
}
