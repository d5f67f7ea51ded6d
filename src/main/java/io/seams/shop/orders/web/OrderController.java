package io.seams.shop.orders.web;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.application.FindOrder;
import io.seams.shop.orders.application.OrderCancellation;
import io.seams.shop.orders.application.OrderPlacement;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderStatus;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.platform.adapters.web.Answers;
import io.seams.shop.platform.adapters.web.IdempotencyKeyHeader;
import io.seams.shop.platform.adapters.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Placing orders, following and cancelling them")
@RequiredArgsConstructor
class OrderController {

    private final OrderPlacement placement;
    private final OrderCancellation cancellation;
    private final FindOrder orders;

    @PostMapping
    @Operation(
            operationId = "placeOrder",
            summary = "Places an order at current catalog prices",
            description = "Stock is reserved and payment taken asynchronously; follow the order with GET. Retrying"
                    + " with the same Idempotency-Key and body returns the first order instead of placing another. A key is"
                    + " scoped to the order's customer: another customer's use of the same key changes nothing.")
    @ApiResponse(
            responseCode = "201",
            description = "The order was placed (status PLACED), or replayed",
            headers =
                    @Header(
                            name = "Location",
                            description = "The order's URI",
                            schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "400", description = "The body is malformed or invalid")
    @ApiResponse(
            responseCode = "422",
            description = "Unknown SKU or customer, products in several currencies, or the Idempotency-Key was used"
                    + " for another request")
    ResponseEntity<OrderResponse> place(
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) Optional<String> idempotencyKey,
            @Valid @RequestBody OrderRequest request) {
        return placement
                .place(
                        request.toCommand(ordererOf(request, Caller.current())),
                        IdempotencyKeyHeader.checked(idempotencyKey))
                .fold(order -> created(order, false), order -> created(order, true), refusal -> {
                    throw Answers.problem(refusal);
                });
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getOrder",
            summary = "Shows an order and where it stands",
            description =
                    "Customers see their own orders only (another customer's answers 404, as if it did not exist); "
                            + "staff see every order. The status moves on as stock, payment and shipping answer.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No such order")
    OrderResponse order(@PathVariable UUID id) {
        return orders.find(new OrderId(id), Caller.current())
                .map(OrderResponse::of)
                .orElseThrow(() -> Problems.notFound("Order", id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            operationId = "cancelOrder",
            summary = "Cancels an order before dispatch",
            description = "Reserved stock is released and an authorised payment refunded, asynchronously.")
    @ApiResponse(responseCode = "200", description = "Cancelled, or already cancelled or requested to be")
    @ApiResponse(
            responseCode = "202",
            description = "Confirmed orders: cancellation requested; the order becomes CANCELLED once shipping has"
                    + " stopped the shipment, or SHIPPED if a carrier already has it")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(responseCode = "409", description = "The order was dispatched, delivered or rejected")
    ResponseEntity<OrderResponse> cancel(@PathVariable UUID id) {
        var outcome = cancellation.cancelFor(new OrderId(id), Caller.current());
        // Applied to a confirmed order, the cancellation is only requested: shipping completes it later.
        var applied = outcome.fold(
                order -> order.status() == OrderStatus.CANCELLATION_REQUESTED ? HttpStatus.ACCEPTED : HttpStatus.OK,
                order -> HttpStatus.OK,
                refusal -> HttpStatus.OK);
        return Answers.to(outcome.map(OrderResponse::of), applied);
    }

    /** Customers order for themselves; staff name the customer they order for. */
    private static CustomerId ordererOf(OrderRequest request, Caller caller) {
        if (caller.isStaff()) {
            if (request.customerId() == null) {
                throw Problems.badRequest("customerId", "is required when staff place an order for a customer");
            }
            return new CustomerId(request.customerId());
        }
        var self = caller.customerId().orElseThrow(() -> Problems.forbidden("Only customers and staff place orders"));
        if (request.customerId() != null && !request.customerId().equals(self)) {
            throw Problems.forbidden("Customers place orders for themselves only");
        }
        return new CustomerId(self);
    }

    private static ResponseEntity<OrderResponse> created(Order order, boolean replayed) {
        return IdempotencyKeyHeader.created(order.getId().id(), replayed).body(OrderResponse.of(order));
    }
}
