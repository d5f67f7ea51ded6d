package io.seams.shop.catalog.web;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.catalog.CatalogEntry;
import io.seams.shop.catalog.PriceList;
import io.seams.shop.catalog.Sku;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@link Catalog} API served over HTTP, for modules running in other processes; the paths are
 * the ones the interface's exchange annotations give its clients.
 */
@Hidden
@RestController
@RequestMapping(path = "/internal/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
@RequiredArgsConstructor
class CatalogEndpoint {

    private final Catalog catalog;

    @GetMapping("/entries")
    List<CatalogEntry> entries() {
        return catalog.entries();
    }

    @PostMapping("/prices")
    PriceList pricesOf(@RequestBody Set<Sku> skus) {
        return catalog.pricesOf(skus);
    }
}
