package io.seams.shop.shipping.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.adapters.web.Answers;
import io.seams.shop.platform.adapters.web.FreeText;
import io.seams.shop.platform.adapters.web.Problems;
import io.seams.shop.shipping.ShipmentId;
import io.seams.shop.shipping.application.DeliverShipment;
import io.seams.shop.shipping.application.DispatchShipment;
import io.seams.shop.shipping.application.FindShipments;
import io.seams.shop.shipping.domain.Shipment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/shipments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Shipping", description = "Shipments, for shipping staff")
@RequiredArgsConstructor
class ShipmentController {

    private final FindShipments shipments;
    private final DispatchShipment dispatching;
    private final DeliverShipment delivering;

    @GetMapping
    @Operation(
            operationId = "findShipments",
            summary = "Finds the shipment of an order",
            description =
                    "For staff. An order has at most one shipment; the list is empty until the order is confirmed "
                            + "(stock reserved and payment authorised).")
    List<ShipmentResponse> shipmentsOf(@RequestParam UUID orderId) {
        return shipments.ofOrder(new OrderId(orderId)).map(ShipmentResponse::of).stream()
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getShipment",
            summary = "Shows a shipment",
            description =
                    "For staff. The recipient and address are those the order was placed with; they are anonymised "
                            + "when the customer is erased.")
    @ApiResponse(responseCode = "200", description = "The shipment")
    @ApiResponse(responseCode = "404", description = "No such shipment")
    ShipmentResponse shipment(@PathVariable UUID id) {
        return shipments.byId(new ShipmentId(id)).map(ShipmentResponse::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/dispatch")
    @Operation(
            operationId = "dispatchShipment",
            summary = "Hands the shipment to a carrier",
            description = "For staff. Repeating it with the same carrier and tracking number answers 200 with the "
                    + "shipment; another carrier or tracking number answers 409.")
    @ApiResponse(responseCode = "200", description = "Dispatched (or already, with this carrier and tracking number)")
    @ApiResponse(responseCode = "404", description = "No such shipment")
    @ApiResponse(
            responseCode = "409",
            description = "The shipment was cancelled, or dispatched with another carrier or tracking number")
    ResponseEntity<ShipmentResponse> dispatch(@PathVariable UUID id, @Valid @RequestBody Dispatch dispatch) {
        var outcome = dispatching.dispatch(new ShipmentId(id), dispatch.carrier(), dispatch.trackingNumber());
        return Answers.to(outcome.map(ShipmentResponse::of));
    }

    @PostMapping("/{id}/deliver")
    @Operation(
            operationId = "deliverShipment",
            summary = "Marks the shipment delivered",
            description =
                    "For staff. Repeating it answers 200 with the shipment; a shipment not yet dispatched answers 409.")
    @ApiResponse(responseCode = "200", description = "Delivered (or already)")
    @ApiResponse(responseCode = "404", description = "No such shipment")
    @ApiResponse(responseCode = "409", description = "The shipment is not with a carrier")
    ResponseEntity<ShipmentResponse> deliver(@PathVariable UUID id) {
        return Answers.to(delivering.deliver(new ShipmentId(id)).map(ShipmentResponse::of));
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
            @Schema(example = "DHL") @NotNull @FreeText(max = 100)
            String carrier,

            @Schema(example = "JD014600006281230704") @NotNull @FreeText(max = 100)
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
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ShipmentResponse(
            UUID id,
            UUID orderId,
            String status,
            @Nullable ShippingAddress shipTo,
            @Nullable String carrier,
            @Nullable String trackingNumber) {

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
