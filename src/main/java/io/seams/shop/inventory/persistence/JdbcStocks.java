package io.seams.shop.inventory.persistence;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.domain.Stock;
import io.seams.shop.inventory.domain.Stocks;
import io.seams.shop.platform.kernel.AggregateEvents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@RequiredArgsConstructor
class JdbcStocks implements Stocks {

    private static final String SELECT = "SELECT sku, available, reserved, version FROM inventory.stock";

    private final JdbcClient jdbc;
    private final AggregateEvents events;

    @Override
    public Optional<Stock> findById(Sku sku) {
        return jdbc.sql(SELECT + " WHERE sku = ?")
                .param(sku.value())
                .query(JdbcStocks::stock)
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Sku, Stock> lockAll(Collection<Sku> skus) {
        var locked = new LinkedHashMap<Sku, Stock>();
        if (skus.isEmpty()) {
            return locked;
        }
        jdbc.sql(SELECT + " WHERE sku IN (:skus) ORDER BY sku FOR UPDATE")
                .param("skus", skus.stream().map(Sku::value).toList())
                .query(JdbcStocks::stock)
                .list()
                .forEach(stock -> locked.put(stock.getId(), stock));
        return locked;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(Stock stock) {
        int updated = jdbc.sql("""
                        UPDATE inventory.stock SET available = ?, reserved = ?, version = version + 1
                        WHERE sku = ? AND version = ?""")
                .params(stock.available(), stock.reserved(), stock.getId().value(), stock.version())
                .update();
        events.updated(stock, updated);
    }

    private static Stock stock(ResultSet row, int number) throws SQLException {
        return new Stock(
                new Sku(row.getString("sku")), row.getInt("available"), row.getInt("reserved"), row.getLong("version"));
    }
}
