package io.seams.shop.orders;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.catalog.CatalogEntry;
import io.seams.shop.catalog.PriceList;
import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.Customers;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.platform.kernel.Money;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The catalog and customers as orders sees them: their APIs, answering with fixed prices and one
 * known customer. Orders' module test runs without those modules, as it would once they are
 * services of their own.
 */
@TestConfiguration(proxyBeanMethods = false)
class NeighbourApis {

    static final List<CatalogEntry> ENTRIES = List.of(
            new CatalogEntry(new Sku("MUG-CLASSIC"), "Classic mug", Money.of("12.90", "EUR")),
            new CatalogEntry(new Sku("TEE-LOGO-M"), "Logo T-shirt (M)", Money.of("24.00", "EUR")),
            new CatalogEntry(new Sku("CAP-IMPORTED"), "Imported cap", Money.of("15.00", "USD")));

    static final ShippingAddress ADAS_ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 St James's Square", "SW1Y 4JH", "London", "GB");

    /** A customer whose erasure the tests race against placing an order. */
    static final CustomerId GRACE = new CustomerId(java.util.UUID.fromString("6a6ace00-0000-4000-8000-000000000002"));

    static final ShippingAddress GRACES_ADDRESS =
            new ShippingAddress("Grace Hopper", "1 Compiler Lane", "20301", "Arlington", "US");

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
                        .collect(Collectors.toSet());
                return new PriceList(known, unknown);
            }
        };
    }

    @Bean
    Customers customers() {
        return customer -> customer.equals(CustomerId.DEMO)
                ? Optional.of(ADAS_ADDRESS)
                : customer.equals(GRACE) ? Optional.of(GRACES_ADDRESS) : Optional.empty();
    }
}
