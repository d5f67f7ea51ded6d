package io.seams.shop.orders.web;

import io.seams.shop.catalog.Sku;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.application.OrderPlacement;
import io.seams.shop.orders.application.Placement;
import io.seams.shop.orders.domain.OrderRepository;
import io.seams.shop.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Placing orders and following them")
class OrderController {

    private final OrderPlacement placement;
    private final OrderRepository orders;

    OrderController(OrderPlacement placement, OrderRepository orders) {
        this.placement = placement;
        this.orders = orders;
    }

    @PostMapping
    @Operation(summary = "Places an order at current catalog prices; stock is reserved asynchronously")
    @ApiResponse(responseCode = "201", description = "The order was placed (status PLACED)")
    @ApiResponse(responseCode = "400", description = "The body is malformed or invalid")
    @ApiResponse(responseCode = "422", description = "The catalog does not offer one of the SKUs")
    ResponseEntity<OrderResponse> place(@Valid @RequestBody OrderRequest request) {
        var outcome = placement.place(request.toCommand());
        if (outcome instanceof Placement.UnknownProducts unknown) {
            var skus = unknown.unknownSkus().stream().map(Sku::value).sorted().toList();
            throw Problems.unprocessable(
                    "unknown-sku",
                    "Unknown product",
                    "The catalog does not offer " + String.join(", ", skus),
                    Map.of("unknownSkus", skus));
        }
        var order = ((Placement.Placed) outcome).order();
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(order.getId().id())
                .toUri();
        return ResponseEntity.created(location).body(OrderResponse.of(order));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Shows an order and where it stands")
    @ApiResponse(responseCode = "404", description = "No such order")
    OrderResponse order(@PathVariable UUID id) {
        return orders.findById(new OrderId(id))
                .map(OrderResponse::of)
                .orElseThrow(() -> Problems.notFound("Order", id));
    }
}
