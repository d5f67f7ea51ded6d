package io.seams.shop.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's answer to "what do these SKUs cost now?": the entries it knows and the SKUs it
 * does not. An unknown SKU is an answer, not an error; the caller decides what it means.
 *
 * @param entries the known products with their current prices
 * @param unknownSkus the requested SKUs the catalog does not offer
 */
public record PriceList(List<CatalogEntry> entries, Set<Sku> unknownSkus) {

    public PriceList {
        entries = List.copyOf(entries);
        unknownSkus = Set.copyOf(unknownSkus);
    }

    public boolean isComplete() {
        return unknownSkus.isEmpty();
    }

    public Optional<CatalogEntry> entryFor(Sku sku) {
        return entries.stream().filter(entry -> entry.sku().equals(sku)).findFirst();
    }
}
