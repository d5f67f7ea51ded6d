package io.seams.shop.inventory.web;

import io.seams.shop.catalog.Sku;
import io.seams.shop.inventory.application.FindStock;
import io.seams.shop.platform.adapters.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/inventory", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inventory", description = "Stock per SKU")
@RequiredArgsConstructor
class StockController {

    private final FindStock stocks;

    @GetMapping("/{sku}")
    @Operation(
            operationId = "getStock",
            summary = "Shows the units of a SKU available to order and reserved for orders",
            description =
                    "For customers and staff. Available units can be ordered now; reserved units are held for orders "
                            + "not yet shipped or released. Changes as orders are placed, cancelled and shipped.")
    @ApiResponse(responseCode = "200", description = "The stock of the SKU")
    @ApiResponse(responseCode = "404", description = "No stock is kept for this SKU")
    StockLevel stock(@PathVariable String sku) {
        if (!Sku.isValid(sku)) {
            throw Problems.notFound("Stock", sku);
        }
        return stocks.of(new Sku(sku))
                .map(stock -> new StockLevel(stock.getId().value(), stock.available(), stock.reserved()))
                .orElseThrow(() -> Problems.notFound("Stock", sku));
    }

    /**
     * The stock of one SKU.
     *
     * @param sku the SKU
     * @param available units that can still be ordered
     * @param reserved units set aside for orders
     */
    record StockLevel(String sku, int available, int reserved) {}
}
