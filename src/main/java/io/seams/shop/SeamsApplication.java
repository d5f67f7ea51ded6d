package io.seams.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Seams: an online shop's order fulfilment as one deployable made of well-bounded modules.
 *
 * <p>{@code platform} is a shared module: every module test boots it, because it holds the
 * infrastructure (database, migrations, error handling) that every business module relies on.
 */
@Modulithic(systemName = "Seams", sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class SeamsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeamsApplication.class, args);
    }
}
