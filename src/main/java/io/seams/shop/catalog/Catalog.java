package io.seams.shop.catalog;

import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * What other modules may ask the catalog. Parameters and results are plain values, so the same
 * interface is served over HTTP when the catalog runs in another process: callers then get a
 * client built from it (the exchange annotations say how), and keep calling the same methods.
 */
@HttpExchange("/internal/catalog")
public interface Catalog {

    /** Every product on offer, ordered by SKU. */
    @GetExchange("/entries")
    List<CatalogEntry> entries();

    /** The current prices of the given SKUs, and which of them the catalog does not know. */
    @PostExchange("/prices")
    PriceList pricesOf(@RequestBody Set<Sku> skus);
}
