package io.seams.shop.inventory.application;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.domain.Stock;
import io.seams.shop.inventory.domain.Stocks;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Finds the stock kept of a SKU: units available to order and reserved for orders. */
@Service
@RequiredArgsConstructor
public class FindStock {

    private final Stocks stocks;

    public Optional<Stock> of(Sku sku) {
        return stocks.findById(sku);
    }
}
