package io.seams.benchmark;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The benchmark's products. The demo catalog has six products with a few hundred units; a benchmark
 * orders tens of thousands, and every order locks the stock rows of its products. So before
 * running, the benchmark adds {@value #PRODUCTS} products to the catalog and stocks each with a
 * billion units, with plain SQL into the catalog's and inventory's tables.
 */
final class Catalogue {

    static final int PRODUCTS = 50;

    private Catalogue() {}

    static String sku(int index) {
        return "BENCH-%03d".formatted(index);
    }

    /** Adds the products to {@code catalog.product} and their stock to {@code inventory.stock}. */
    static void stock(Connection database) throws SQLException {
        try (var product = database.prepareStatement(
                        "INSERT INTO catalog.product (sku, name, price_amount, price_currency) VALUES (?, ?, ?, 'EUR')"
                                + " ON CONFLICT DO NOTHING");
                var stock = database.prepareStatement(
                        "INSERT INTO inventory.stock (sku, available, reserved) VALUES (?, 1000000000, 0)"
                                + " ON CONFLICT (sku) DO UPDATE SET available = 1000000000")) {
            for (int i = 0; i < PRODUCTS; i++) {
                product.setString(1, sku(i));
                product.setString(2, "Benchmark product " + i);
                product.setBigDecimal(3, new java.math.BigDecimal("9.90").add(java.math.BigDecimal.valueOf(i)));
                product.addBatch();
                stock.setString(1, sku(i));
                stock.addBatch();
            }
            product.executeBatch();
            stock.executeBatch();
        }
    }
}
