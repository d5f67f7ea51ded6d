package io.seams.shop.orders.web;

import io.seams.shop.catalog.Sku;
import io.seams.shop.orders.application.PlaceOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param lines what to order: at least one line, at most 100
 */
record OrderRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    PlaceOrder toCommand() {
        return new PlaceOrder(lines.stream()
                .map(line -> new PlaceOrder.Line(new Sku(line.sku()), line.quantity()))
                .toList());
    }

    /**
     * One line of the order.
     *
     * @param sku the product's SKU
     * @param quantity how many units, 1 to 1000
     */
    record Line(
            @Schema(example = "MUG-CLASSIC")
            @NotNull
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}", message = "must be a SKU such as MUG-CLASSIC")
            String sku,

            @Schema(example = "2") @NotNull @Positive @Max(1000)
            Integer quantity) {}
}
