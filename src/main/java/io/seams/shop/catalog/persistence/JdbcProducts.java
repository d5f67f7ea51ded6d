package io.seams.shop.catalog.persistence;

import io.seams.shop.catalog.Sku;
import io.seams.shop.catalog.domain.Product;
import io.seams.shop.catalog.domain.Products;
import io.seams.shop.platform.kernel.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class JdbcProducts implements Products {

    private static final String SELECT = "SELECT sku, name, price_amount, price_currency FROM catalog.product";

    private final JdbcClient jdbc;

    @Override
    public List<Product> findAll() {
        return jdbc.sql(SELECT + " ORDER BY sku").query(JdbcProducts::product).list();
    }

    @Override
    public List<Product> findAll(Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE sku IN (:skus) ORDER BY sku")
                .param("skus", skus.stream().map(Sku::value).toList())
                .query(JdbcProducts::product)
                .list();
    }

    private static Product product(ResultSet row, int number) throws SQLException {
        return new Product(
                new Sku(row.getString("sku")),
                row.getString("name"),
                new Money(row.getBigDecimal("price_amount"), Currency.getInstance(row.getString("price_currency"))));
    }
}
