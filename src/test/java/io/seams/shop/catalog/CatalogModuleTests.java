package io.seams.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.platform.kernel.Money;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

@ApplicationModuleTest(verifyAutomatically = false)
class CatalogModuleTests {

    @Autowired
    Catalog catalog;

    @Test
    @Tag("ex-02")
    void pricesKnownSkusAndNamesTheUnknownOnes() {
        var prices = catalog.pricesOf(Set.of(new Sku("MUG-CLASSIC"), new Sku("NO-SUCH-THING")));

        assertThat(prices.entries())
                .containsExactly(new CatalogEntry(new Sku("MUG-CLASSIC"), "Classic mug", Money.of("12.90", "EUR")));
        assertThat(prices.unknownSkus()).containsExactly(new Sku("NO-SUCH-THING"));
        assertThat(prices.isComplete()).isFalse();
    }

    @Test
    void offersTheDemoCatalogOrderedBySku() {
        assertThat(catalog.entries())
                .extracting(entry -> entry.sku().value())
                .containsExactly(
                        "BOTTLE-STEEL", "HOODIE-L", "MUG-CLASSIC", "NOTEBOOK-A5", "STICKER-PACK", "TEE-LOGO-M");
    }
}
