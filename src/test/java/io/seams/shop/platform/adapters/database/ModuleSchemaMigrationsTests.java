package io.seams.shop.platform.adapters.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every module owns one schema, migrated by its own migrations into its own history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ModuleSchemaMigrationsTests {

    static final List<String> SCHEMAS = List.of(
            "audit",
            "catalog",
            "customers",
            "events",
            "inventory",
            "notifications",
            "orders",
            "payments",
            "shipping",
            "tracking");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModuleSchemaMigrations migrations;

    @Test
    void eachModuleWithMigrationsGetsASchemaOfItsOwn() throws IOException {
        assertThat(migrations.schemas()).containsExactlyElementsOf(SCHEMAS);
    }

    @Test
    void eachSchemaKeepsItsOwnFlywayHistory() {
        var histories = jdbc.sql("""
                        SELECT table_schema FROM information_schema.tables
                        WHERE table_name = 'flyway_schema_history' ORDER BY table_schema""").query(String.class).list();

        assertThat(histories).containsExactlyElementsOf(SCHEMAS);
        assertThat(jdbc.sql("SELECT count(*) FROM orders.flyway_schema_history WHERE success")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void noForeignKeyCrossesASchemaBoundary() {
        var crossing = jdbc.sql("""
                        SELECT src.nspname || '.' || con.conname
                        FROM pg_constraint con
                        JOIN pg_class source_table ON source_table.oid = con.conrelid
                        JOIN pg_namespace src ON src.oid = source_table.relnamespace
                        JOIN pg_class target_table ON target_table.oid = con.confrelid
                        JOIN pg_namespace dst ON dst.oid = target_table.relnamespace
                        WHERE con.contype = 'f' AND src.nspname <> dst.nspname""").query(String.class).list();

        assertThat(crossing).isEmpty();
    }

    @Test
    void nothingLandsInThePublicSchema() {
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
