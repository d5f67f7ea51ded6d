package io.seams.shop.shipping.web;

import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.adapters.web.Problems;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.shipping.application.ShipmentService;
import io.seams.shop.shipping.domain.Shipment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shipments")
@Tag(name = "Shipping", description = "Shipments, for shipping staff")
class ShipmentController {

    /**
     * No ASCII control character (U+0000 to U+001F, U+007F), exactly Java's {@code [^\p{Cntrl}]*}, written
     * so that it means the same in the OpenAPI description (ECMAScript, unanchored search).
     */
    private static final String NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u001F\\u007F]*$";

    private final ShipmentService shipments;

    ShipmentController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @GetMapping
    @Operation(operationId = "findShipments", summary = "Finds the shipment of an order")
    List<ShipmentResponse> shipmentsOf(@RequestParam UUID orderId) {
        return shipments.findByOrder(new OrderId(orderId)).map(ShipmentResponse::of).stream()
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getShipment", summary = "Shows a shipment")
    @ApiResponse(responseCode = "200", description = "The shipment")
    @ApiResponse(responseCode = "404", description = "No such shipment")
    ShipmentResponse shipment(@PathVariable UUID id) {
        return shipments.find(new ShipmentId(id)).map(ShipmentResponse::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/dispatch")
    @Operation(operationId = "dispatchShipment", summary = "Hands the shipment to a carrier")
    @ApiResponse(responseCode = "200", description = "Dispatched")
    @ApiResponse(responseCode = "404", description = "No such shipment")
    @ApiResponse(responseCode = "409", description = "The shipment was dispatched, delivered or cancelled already")
    ShipmentResponse dispatch(@PathVariable UUID id, @Valid @RequestBody Dispatch dispatch) {
        var outcome = shipments
                .dispatch(new ShipmentId(id), dispatch.carrier(), dispatch.trackingNumber())
                .orElseThrow(() -> notFound(id));
        return answer(outcome, "dispatched");
    }

    @PostMapping("/{id}/deliver")
    @Operation(operationId = "deliverShipment", summary = "Marks the shipment delivered")
    @ApiResponse(responseCode = "200", description = "Delivered")
    @ApiResponse(responseCode = "404", description = "No such shipment")
    @ApiResponse(responseCode = "409", description = "The shipment is not with a carrier")
    ShipmentResponse deliver(@PathVariable UUID id) {
        return answer(shipments.deliver(new ShipmentId(id)).orElseThrow(() -> notFound(id)), "delivered");
    }

    private static ShipmentResponse answer(ShipmentService.Outcome outcome, String verb) {
        if (!outcome.changed()) {
            var status = outcome.shipment().status();
            throw Problems.conflict(
                    "shipment-state",
                    "Shipment cannot be " + verb,
                    "Shipment %s is %s".formatted(outcome.shipment().getId().id(), status));
        }
        return ShipmentResponse.of(outcome.shipment());
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("Shipment", id);
    }

    /**
     * Handing a shipment to a carrier.
     *
     * @param carrier the carrier
     * @param trackingNumber the carrier's tracking number
     */
    record Dispatch(
            @Schema(example = "DHL")
            @NotBlank
            @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
            @Size(max = 100)
            String carrier,

            @Schema(example = "JD014600006281230704")
            @NotBlank
            @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
            @Size(max = 100)
            String trackingNumber) {}

    /**
     * A shipment as the API shows it.
     *
     * @param id the shipment's id
     * @param orderId the order shipped
     * @param status CREATED, DISPATCHED, DELIVERED or CANCELLED
     * @param shipTo where it goes
     * @param carrier the carrier, once dispatched
     * @param trackingNumber the tracking number, once dispatched
     */
    record ShipmentResponse(
            UUID id, UUID orderId, String status, ShippingAddress shipTo, String carrier, String trackingNumber) {

        static ShipmentResponse of(Shipment shipment) {
            return new ShipmentResponse(
                    shipment.getId().id(),
                    shipment.orderId().id(),
                    shipment.status().name(),
                    shipment.shipTo(),
                    shipment.carrier(),
                    shipment.trackingNumber());
        }
    }
}
