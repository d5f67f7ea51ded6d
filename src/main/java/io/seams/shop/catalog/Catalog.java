package io.seams.shop.catalog;

import java.util.List;
import java.util.Set;

/**
 * What other modules may ask the catalog. Parameters and results are plain values, so the same
 * interface can be served over HTTP when the catalog runs as a service of its own.
 */
public interface Catalog {

    /** Every product on offer, ordered by SKU. */
    List<CatalogEntry> entries();

    /** The current prices of the given SKUs, and which of them the catalog does not know. */
    PriceList pricesOf(Set<Sku> skus);
}
