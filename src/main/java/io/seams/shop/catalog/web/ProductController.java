package io.seams.shop.catalog.web;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.catalog.CatalogEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog", description = "Products and their current prices")
@RequiredArgsConstructor
class ProductController {

    private final Catalog catalog;

    @GetMapping("/products")
    @Operation(
            operationId = "listProducts",
            summary = "Lists every product on offer with its current price",
            description = "Public: no token needed. Each product has its SKU, name and unit price (amount and ISO 4217 "
                    + "currency); an order is priced from this list when it is placed.")
    List<CatalogEntry> products() {
        return catalog.entries();
    }
}
