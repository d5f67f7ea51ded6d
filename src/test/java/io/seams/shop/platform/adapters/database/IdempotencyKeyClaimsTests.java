package io.seams.shop.platform.adapters.database;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The table and column names go into SQL as they are, so only plain names are taken. */
class IdempotencyKeyClaimsTests {

    private final JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource());

    @Test
    void takesASchemaQualifiedTableAndPlainColumns() {
        assertThatNoException()
                .isThrownBy(() -> new IdempotencyKeyClaims("orders.idempotency_key", "customer_id", "order_id", jdbc));
    }

    @Test
    void refusesAnythingElseAsATableOrColumnName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdempotencyKeyClaims(
                        "orders.idempotency_key; DROP TABLE orders.purchase_order", "customer_id", "order_id", jdbc))
                .withMessageContaining("Not a table or column name");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new IdempotencyKeyClaims("orders.idempotency_key", "customer_id = 1 OR 1", "order_id", jdbc));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new IdempotencyKeyClaims("orders.idempotency_key", "customer_id", "\"order_id\"", jdbc));
    }
}
