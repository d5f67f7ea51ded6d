package io.seams.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.testing.EventPublications;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The whole application over HTTP, as a client sees it, on real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PlacingOrdersOverHttpTests {

    static final Duration ASYNC = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    Shop shop;

    @BeforeEach
    void signInAsAda(@Autowired ApplicationContext context) {
        shop = Shop.monolith(http, context);
        http = shop.http();
    }

    @Test
    void anOrderForProductsInStockIsPlacedThenReservedPaidAndTakesTheStock() {
        var mugs = availableOf("MUG-CLASSIC");
        var bottles = availableOf("BOTTLE-STEEL");

        var location = http.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"lines":[{"sku":"MUG-CLASSIC","quantity":2},{"sku":"BOTTLE-STEEL","quantity":1}]}""")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PLACED")
                .jsonPath("$.total.amount")
                .isEqualTo(45.30)
                .jsonPath("$.total.currency")
                .isEqualTo("EUR")
                .jsonPath("$.lines.length()")
                .isEqualTo(2)
                .returnResult()
                .getResponseHeaders()
                .getLocation();

        shop.awaitStatus(location, "CONFIRMED");
        assertThat(availableOf("MUG-CLASSIC")).isEqualTo(mugs - 2);
        assertThat(availableOf("BOTTLE-STEEL")).isEqualTo(bottles - 1);
        await().atMost(ASYNC).until(() -> EventPublications.incomplete(jdbc) == 0);
    }

    @Test
    void anOrderForMoreThanTheStockIsRejectedAndTakesNoStock() {
        var mugs = availableOf("MUG-CLASSIC");
        var hoodies = availableOf("HOODIE-L");

        var location = shop.place("""
                {"lines":[{"sku":"MUG-CLASSIC","quantity":1},{"sku":"HOODIE-L","quantity":%d}]}""".formatted(hoodies + 1));

        shop.awaitStatus(location, "REJECTED");
        assertThat((String) shop.order(location).get("rejectionReason")).contains("HOODIE-L");
        assertThat(availableOf("MUG-CLASSIC")).isEqualTo(mugs);
        assertThat(availableOf("HOODIE-L")).isEqualTo(hoodies);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON        | {"lines":[{"sku":"MUG-CLASSIC","quantity":2}     | 400 | urn:seams:problem:malformed-request | not valid JSON
            negative quantity     | {"lines":[{"sku":"MUG-CLASSIC","quantity":-1}]}  | 400 | urn:seams:problem:invalid-request   | lines[0].quantity
            missing quantity      | {"lines":[{"sku":"MUG-CLASSIC"}]}                | 400 | urn:seams:problem:invalid-request   | lines[0].quantity
            quantity not a number | {"lines":[{"sku":"MUG-CLASSIC","quantity":"x"}]} | 400 | urn:seams:problem:malformed-request | lines[0].quantity
            empty order           | {"lines":[]}                                     | 400 | urn:seams:problem:invalid-request   | lines
            no lines at all       | {}                                               | 400 | urn:seams:problem:invalid-request   | lines
            not a SKU             | {"lines":[{"sku":"mug","quantity":1}]}           | 400 | urn:seams:problem:invalid-request   | lines[0].sku
            unknown SKU           | {"lines":[{"sku":"NO-SUCH-THING","quantity":1}]} | 422 | urn:seams:problem:unknown-sku       | NO-SUCH-THING
            """)
    void aBadOrderIsAnsweredWithAProblemNamingItAndWritesNothing(
            String situation, String body, int status, String type, String named) {
        await().atMost(ASYNC).until(() -> EventPublications.incomplete(jdbc) == 0);
        var before = rowsWritten();

        http.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(type)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains(named))
                .jsonPath("$.trace")
                .doesNotExist();

        assertThat(rowsWritten()).isEqualTo(before);
    }

    @Test
    void anUnknownOrderIsANotFoundProblem() {
        http.get()
                .uri("/api/orders/00000000-0000-0000-0000-000000000000")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:seams:problem:not-found");
    }

    @Test
    void theCatalogListsEveryProductWithItsPrice() {
        http.get()
                .uri("/api/catalog/products")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.sku == 'MUG-CLASSIC')].name")
                .isEqualTo("Classic mug")
                .jsonPath("$[?(@.sku == 'MUG-CLASSIC')].price.amount")
                .isEqualTo(12.90);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/orders'].post")
                .exists()
                .jsonPath("$.paths['/api/inventory/{sku}'].get")
                .exists();
    }

    @Test
    void aConfiguredDatasourceStartsNoEmbeddedDatabase(@Autowired ApplicationContext context) {
        assertThat(context.getBeanProvider(EmbeddedPostgres.class).getIfAvailable())
                .isNull();
    }

    private int availableOf(String sku) {
        return jdbc.sql("SELECT available FROM inventory.stock WHERE sku = ?")
                .param(sku)
                .query(Integer.class)
                .single();
    }

    /** Every business row any module has written, summed over their tables (the event registry left out). */
    private long rowsWritten() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM orders.purchase_order)
                             + (SELECT count(*) FROM orders.order_line)
                             + (SELECT count(*) FROM orders.idempotency_key)
                             + (SELECT count(*) FROM inventory.reservation)
                             + (SELECT sum(available + reserved) FROM inventory.stock)
                             + (SELECT count(*) FROM payments.payment)
                             + (SELECT count(*) FROM shipping.shipment)
                             + (SELECT count(*) FROM customers.customer)
                             + (SELECT count(*) FROM notifications.sent_notification)""").query(Long.class).single();
    }
}
