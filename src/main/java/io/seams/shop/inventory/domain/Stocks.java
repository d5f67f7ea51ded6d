package io.seams.shop.inventory.domain;

import io.seams.shop.catalog.Sku;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** The stock of every SKU. */
public interface Stocks extends Repository<Stock, Sku> {

    Optional<Stock> findById(Sku sku);

    /**
     * Loads the stock of the given SKUs and locks it until the current transaction ends, so
     * concurrent reservations for the same SKUs take turns and stock never goes negative.
     * SKUs without stock are absent from the result.
     */
    Map<Sku, Stock> lockAll(Collection<Sku> skus);

    void update(Stock stock);
}
