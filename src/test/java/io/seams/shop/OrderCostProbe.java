package io.seams.shop;

import static org.awaitility.Awaitility.await;

import io.seams.shop.testing.InProcessSeams;
import io.seams.shop.testing.TestDatabases;
import io.seams.shop.testing.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one order costs the database, counted: Seams on an embedded PostgreSQL of its own, orders
 * placed over HTTP, PostgreSQL's statement log ({@code log_statement = all}) read back, and the
 * transactions and statements per order printed with every statement and transaction shape.
 * Exact and machine-independent, unlike CPU time (also printed, for what it is worth on a busy
 * machine: the JVM's figure includes the load this test generates). Not part of the build's tests
 * (its name does not end in Tests); run it on its own:
 *
 * <pre>./mvnw -o test -Dtest=OrderCostProbe -Dsurefire.failIfNoSpecifiedTests=false [-Dprobe.warm=300 -Dprobe.orders=20 -Dprobe.load=600]</pre>
 */
class OrderCostProbe {

    static final Pattern LINE = Pattern.compile("^(\\d+) ?LOG:  (?:statement|execute [^:]*): (.*)$");

    @Test
    void probe() throws Exception {
        var log = Files.createTempFile("pg", ".log");
        var pg = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("log_line_prefix", "%p ")
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var admin = pg.getJdbcUrl("postgres", "postgres");
        try (var c = DriverManager.getConnection(admin, "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE seams");
        }
        var url = admin.replace("/postgres?", "/seams?");
        var app = InProcessSeams.on(new TestDatabases.Database(url, "postgres", ""))
                .properties(
                        "seams.events.resubmission.interval=PT1H",
                        "seams.orders.timeout-check-interval=PT1H",
                        "logging.level.root=warn")
                .run();
        var db = JdbcClient.create(
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(url, "postgres", "", true));
        db.sql("SET log_statement = 'none'").update();
        db.sql("UPDATE inventory.stock SET available = 100000000").update();
        var base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        var token = Tokens.of(app, "ada");
        var http = HttpClient.newHttpClient();
        int warm = Integer.getInteger("probe.warm", 300);
        int n = Integer.getInteger("probe.orders", 20);
        int load = Integer.getInteger("probe.load", 600);

        place(http, base, token, warm, 6);
        settle(db, warm);

        // CPU per order, without statement logging
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long pgPid = db.sql("SELECT pg_backend_pid()").query(Long.class).single();
        long postmaster = ppid(pgPid);
        long jvm0 = os.getProcessCpuTime();
        long pg0 = pgCpu(postmaster);
        long t0 = System.nanoTime();
        place(http, base, token, load, 6);
        settle(db, warm + load);
        long wall = System.nanoTime() - t0;
        long jvm1 = os.getProcessCpuTime();
        long pg1 = pgCpu(postmaster);
        double tick = 10.0; // ms per clock tick (USER_HZ 100)
        System.out.printf(
                "PROBE CPU per order: JVM %.1f ms (incl. driver), PostgreSQL %.1f ms; %.1f orders/s%n",
                (jvm1 - jvm0) / 1e6 / load, (pg1 - pg0) * tick / load, load / (wall / 1e9));

        // statements per order
        db.sql("ALTER SYSTEM SET log_statement = 'all'").update();
        db.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
        long offset = Files.size(log);
        place(http, base, token, n, 1);
        settle(db, warm + load + n);
        db.sql("ALTER SYSTEM SET log_statement = 'none'").update();
        db.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
        var text = Files.readString(log).substring((int) offset);
        analyse(text, n);
        app.close();
        pg.close();
        Files.delete(log);
    }

    static void place(HttpClient http, String base, String token, int count, int threads) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        var skus = List.of("MUG-CLASSIC", "TEE-LOGO-M", "BOTTLE-STEEL", "NOTEBOOK-A5", "STICKER-PACK");
        for (int i = 0; i < count; i++) {
            var a = skus.get(i % 5);
            var b = skus.get((i + 1) % 5);
            pool.submit(() -> {
                var r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[{\"sku\":\"" + a
                                        + "\",\"quantity\":1},{\"sku\":\"" + b + "\",\"quantity\":2}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    System.out.println("PROBE failed " + r.statusCode() + r.body());
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    static void settle(JdbcClient db, int confirmed) {
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> db.sql("SELECT count(*) FROM tracking.timeline_entry WHERE step = 'CONFIRMED'")
                                .query(Long.class)
                                .single()
                        >= confirmed);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> db.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        db.sql("SELECT count(*) FROM notifications.sent_notification WHERE kind = 'ORDER_CONFIRMED'")
                                        .query(Long.class)
                                        .single()
                                >= confirmed);
    }

    static long ppid(long pid) throws Exception {
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    static long pgCpu(long postmaster) throws Exception {
        long sum = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (var dir : dirs.toList()) {
                var name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    var stat = Files.readString(dir.resolve("stat"));
                    var f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        if (pid == postmaster) {
                            sum += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        }
                    }
                } catch (Exception gone) {
                }
            }
        }
        return sum;
    }

    static void analyse(String text, int n) {
        var open = new HashMap<String, List<String>>();
        int transactions = 0, statements = 0, autocommit = 0, rollbacks = 0, sent = 0;
        var kinds = new TreeMap<String, Integer>();
        var txShapes = new TreeMap<String, Integer>();
        for (var line : text.split("\n")) {
            var m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            sent++;
            var pid = m.group(1);
            var sql = m.group(2).trim();
            var key = sql.toUpperCase();
            if (key.startsWith("BEGIN")) {
                open.put(pid, new ArrayList<>());
                continue;
            }
            if (key.equals("COMMIT") || key.equals("ROLLBACK")) {
                var stmts = open.remove(pid);
                if (key.equals("ROLLBACK")) rollbacks++;
                transactions++;
                if (stmts != null) {
                    txShapes.merge(String.join(" | ", stmts), 1, Integer::sum);
                }
                continue;
            }
            statements++;
            var shortSql = sql.replaceAll("\\s+", " ");
            shortSql = shortSql.substring(0, Math.min(110, shortSql.length()));
            kinds.merge(shortSql, 1, Integer::sum);
            if (open.containsKey(pid)) {
                open.get(pid).add(shortSql.substring(0, Math.min(40, shortSql.length())));
            } else {
                autocommit++;
                transactions++;
            }
        }
        System.out.printf(
                "PROBE per order: %.2f transactions (%.2f autocommit, %.2f rollbacks), %.2f statements"
                        + " (%.2f with BEGIN and COMMIT)%n",
                transactions / (double) n,
                autocommit / (double) n,
                rollbacks / (double) n,
                statements / (double) n,
                sent / (double) n);
        kinds.forEach((k, v) -> System.out.printf("PROBE  %6.2f  %s%n", v / (double) n, k));
        txShapes.forEach((k, v) -> System.out.printf("PROBE TX %6.2f  %s%n", v / (double) n, k));
    }
}
