package io.seams.shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.Shop;
import io.seams.shop.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules shipped in {@code docs/operations/alerts.yaml} are complete, and every metric
 * and label value they select is one a running Seams exposes on {@code /actuator/prometheus}: a
 * renamed metric breaks this test, not the alerting in production.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The gateway stays unavailable through the listener's five attempts: the listener fails
        // once, and the resubmission pays the order.
        properties = "seams.payments.simulator.flaky-failures=5")
@AutoConfigureRestTestClient
// A context of its own (the property above): closed after this class rather than with the JVM, when
// every cached context closes at once and the test database is about to stop.
@DirtiesContext
class AlertRulesTests {

    static final Path RULES = Path.of("docs/operations/alerts.yaml");

    /** Written by Prometheus itself for every scrape target, never by the application. */
    static final Set<String> WRITTEN_BY_PROMETHEUS = Set.of("up");

    static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset");

    /** A name followed by its label matchers, e.g. {@code seams_events_publications{state="failed"}}. */
    static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?");

    static final Pattern EQUALITY_MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleSaysWhatFiresHowSevereAndWhy() throws IOException {
        var rules = rules();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(7);
        for (var rule : rules) {
            assertThat(rule).as(rule.toString()).containsKeys("alert", "expr", "for", "labels", "annotations");
            assertThat(rule.get("alert").toString()).startsWith("Seams");
            assertThat(rule.get("for").toString()).matches("\\d+[smh]");
            assertThat((Map<String, Object>) rule.get("labels"))
                    .as(alertOf(rule))
                    .containsKey("severity");
            assertThat(((Map<String, Object>) rule.get("labels")).get("severity"))
                    .isIn("warning", "critical");
            assertThat((Map<String, Object>) rule.get("annotations"))
                    .as(alertOf(rule))
                    .containsKeys("summary", "description");
        }
        assertThat(rules.stream().map(AlertRulesTests::alertOf))
                .doesNotHaveDuplicates()
                .contains(
                        "SeamsEventPublicationStuck",
                        "SeamsEventPublicationsFailed",
                        "SeamsListenerFailing",
                        "SeamsOrderConfirmationSlow",
                        "SeamsHttpErrors",
                        "SeamsDatabaseUnavailable",
                        "SeamsInstanceDown");
    }

    @Test
    void everyMetricTheRulesSelectIsExposedOnceAnOrderWentThrough() throws IOException {
        var shop = Shop.monolith(http, context);
        var olivia = Tokens.as(http, context, "olivia");
        placeOrder(shop, "tok_visa");
        // The simulated gateway is unavailable for this token's first five attempts: a listener fails.
        placeOrder(shop, "tok_flaky");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(MetricsTests.scrape(olivia))
                        .containsPattern("seams_order_confirmation_seconds_count(\\{.*\\})? [1-9]")
                        .contains("seams_listener_failures_total{"));

        var exposed = series(MetricsTests.scrape(olivia));
        var selected = rules().stream()
                .flatMap(rule -> selectors(rule.get("expr").toString()).stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));

        assertThat(selected).as("selectors found in the rules").hasSizeGreaterThanOrEqualTo(7);
        for (var selector : selected) {
            if (WRITTEN_BY_PROMETHEUS.contains(selector.name())) {
                continue;
            }
            assertThat(exposed)
                    .as("a series of %s exposed by Seams", selector)
                    .anyMatch(series -> series.name().equals(selector.name())
                            && series.labels()
                                    .entrySet()
                                    .containsAll(selector.labels().entrySet()));
        }
    }

    @Test
    void readingAnExpressionFindsTheMetricsAndTheirLabelsNotTheFunctions() {
        assertThat(
                        selectors(
                                "sum by (module) (increase(seams_listener_failures_total[10m])) / max(up{job=\"seams\"}) > 0.5"))
                .containsExactly(
                        new Series("seams_listener_failures_total", Map.of()),
                        new Series("up", Map.of("job", "seams")));
    }

    /** What an expression selects: metric names and the label values they must have. */
    static Set<Series> selectors(String expr) {
        // Ranges ([5m]) and grouping clauses (by (le)) name no metric.
        var plain = expr.replaceAll("\\[[^]]*]", "").replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        var found = new LinkedHashSet<Series>();
        var matcher = SELECTOR.matcher(plain);
        while (matcher.find()) {
            var name = matcher.group(1);
            var rest = plain.substring(matcher.end()).stripLeading();
            var isFunction = matcher.group(2) == null && rest.startsWith("(");
            var isNumber = matcher.start() > 0 && Character.isDigit(plain.charAt(matcher.start() - 1));
            if (isFunction || isNumber || PROMQL_WORDS.contains(name)) {
                continue;
            }
            found.add(new Series(name, labelsOf(matcher.group(2) == null ? "" : matcher.group(2))));
        }
        return found;
    }

    /** The series a scrape shows: each sample line's name and labels. */
    static Set<Series> series(String scrape) {
        return scrape.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> {
                    var brace = line.indexOf('{');
                    var space = line.indexOf(' ');
                    return brace > 0 && brace < space
                            ? new Series(
                                    line.substring(0, brace), labelsOf(line.substring(brace, line.lastIndexOf('}'))))
                            : new Series(line.substring(0, space), Map.of());
                })
                .collect(Collectors.toSet());
    }

    private static Map<String, String> labelsOf(String matchers) {
        return EQUALITY_MATCHER
                .matcher(matchers)
                .results()
                .collect(Collectors.toMap(result -> result.group(1), result -> result.group(2), (a, b) -> a));
    }

    record Series(String name, Map<String, String> labels) {

        @Override
        public String toString() {
            return name + labels;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES));
        return ((List<Map<String, Object>>) file.get("groups"))
                .stream()
                        .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                        .toList();
    }

    private static String alertOf(Map<String, Object> rule) {
        return String.valueOf(rule.get("alert"));
    }

    private static void placeOrder(Shop shop, String paymentToken) {
        shop.place("""
                {"lines":[{"sku":"NOTEBOOK-A5","quantity":1}],"paymentToken":"%s"}""".formatted(paymentToken));
    }
}
