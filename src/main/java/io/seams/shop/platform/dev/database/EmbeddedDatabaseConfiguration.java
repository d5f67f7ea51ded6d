package io.seams.shop.platform.dev.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs Seams on a real, embedded PostgreSQL when no datasource is configured, so that a newcomer
 * needs nothing but a JDK. Its data directory survives restarts. As soon as
 * {@code spring.datasource.url} is set (or {@code seams.database.embedded.enabled=false}, as in
 * the {@code prod} profile) this configuration steps aside and Spring Boot's own datasource
 * takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        return EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Spring stops the server (destroyMethod) after every bean using it has closed; a
                // JVM hook of its own would race the context's shutdown and cut connections in use.
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws SQLException {
        createDatabaseIfMissing(postgres.getPostgresDatabase(), properties.database());
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", properties.database()))
                .username("postgres")
                .build();
    }

    private static void createDatabaseIfMissing(DataSource server, String database) {
        var jdbc = JdbcClient.create(server);
        boolean exists = jdbc.sql("SELECT count(*) FROM pg_database WHERE datname = ?")
                        .param(database)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            // CREATE DATABASE takes no bind parameters; the name comes from configuration, not from users.
            jdbc.sql("CREATE DATABASE \"" + database.replace("\"", "") + "\"").update();
        }
    }

    static class NoDatasourceConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            if (environment.containsProperty("spring.datasource.url")) {
                return ConditionOutcome.noMatch("spring.datasource.url is set");
            }
            if (!environment.getProperty("seams.database.embedded.enabled", Boolean.class, true)) {
                return ConditionOutcome.noMatch("seams.database.embedded.enabled is false");
            }
            return ConditionOutcome.match("no datasource is configured");
        }
    }
}
