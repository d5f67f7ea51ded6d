package io.seams.shop.orders;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.catalog.CatalogEntry;
import io.seams.shop.catalog.PriceList;
import io.seams.shop.catalog.Sku;
import io.seams.shop.platform.Money;
import java.util.List;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The catalog as orders sees it: its API, answering with fixed prices. Orders' module test runs
 * without the catalog module, as it would once the catalog is a service of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
class CatalogAtFixedPrices {

    static final List<CatalogEntry> ENTRIES = List.of(
            new CatalogEntry(new Sku("MUG-CLASSIC"), "Classic mug", Money.of("12.90", "EUR")),
            new CatalogEntry(new Sku("TEE-LOGO-M"), "Logo T-shirt (M)", Money.of("24.00", "EUR")));

    @Bean
    Catalog catalog() {
        return new Catalog() {
            @Override
            public List<CatalogEntry> entries() {
                return ENTRIES;
            }

            @Override
            public PriceList pricesOf(Set<Sku> skus) {
                var known = ENTRIES.stream()
                        .filter(entry -> skus.contains(entry.sku()))
                        .toList();
                var unknown = skus.stream()
                        .filter(sku ->
                                known.stream().noneMatch(entry -> entry.sku().equals(sku)))
                        .collect(java.util.stream.Collectors.toSet());
                return new PriceList(known, unknown);
            }
        };
    }
}
