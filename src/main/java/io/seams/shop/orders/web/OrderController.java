package io.seams.shop.orders.web;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.OrderId;
import io.seams.shop.orders.application.OrderCancellation;
import io.seams.shop.orders.application.OrderPlacement;
import io.seams.shop.orders.application.Placement;
import io.seams.shop.orders.domain.Order;
import io.seams.shop.orders.domain.OrderRepository;
import io.seams.shop.orders.domain.OrderStatus;
import io.seams.shop.orders.domain.Transition;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.platform.adapters.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Placing orders, following and cancelling them")
class OrderController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final OrderPlacement placement;
    private final OrderCancellation cancellation;
    private final OrderRepository orders;

    OrderController(OrderPlacement placement, OrderCancellation cancellation, OrderRepository orders) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.orders = orders;
    }

    @PostMapping
    @Operation(
            operationId = "placeOrder",
            summary = "Places an order at current catalog prices",
            description = "Stock is reserved and payment taken asynchronously; follow the order with GET. Retrying"
                    + " with the same Idempotency-Key and body returns the first order instead of placing another.")
    @ApiResponse(responseCode = "201", description = "The order was placed (status PLACED), or replayed")
    @ApiResponse(responseCode = "400", description = "The body is malformed or invalid")
    @ApiResponse(
            responseCode = "422",
            description = "Unknown SKU or customer, products in several currencies, or the Idempotency-Key was used"
                    + " for another request")
    ResponseEntity<OrderResponse> place(
            @Parameter(description = "Makes retries safe: the same key and body place one order only")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    Optional<String> idempotencyKey,
            @Valid @RequestBody OrderRequest request) {
        idempotencyKey.filter(key -> !IDEMPOTENCY_KEY.matcher(key).matches()).ifPresent(key -> {
            throw Problems.badRequest("Idempotency-Key must be 1 to 200 visible ASCII characters");
        });
        var outcome = placement.place(request.toCommand(ordererOf(request, Caller.current())), idempotencyKey);
        if (outcome instanceof Placement.Placed placed) {
            return created(placed.order(), false);
        }
        if (outcome instanceof Placement.Replayed replayed) {
            return created(replayed.order(), true);
        }
        throw problemFor(outcome);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOrder", summary = "Shows an order and where it stands")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No such order")
    OrderResponse order(@PathVariable UUID id) {
        return visible(id).map(OrderResponse::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            operationId = "cancelOrder",
            summary = "Cancels an order before dispatch",
            description = "Reserved stock is released and an authorised payment refunded, asynchronously.")
    @ApiResponse(responseCode = "200", description = "Cancelled (or already cancelled)")
    @ApiResponse(
            responseCode = "202",
            description = "Confirmed orders: cancellation requested; the order becomes CANCELLED once shipping has"
                    + " stopped the shipment, or SHIPPED if a carrier already has it")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(responseCode = "409", description = "The order was dispatched, delivered or rejected")
    ResponseEntity<OrderResponse> cancel(@PathVariable UUID id) {
        var outcome = cancellation.cancelFor(new OrderId(id), Caller.current()).orElseThrow(() -> notFound(id));
        if (outcome.transition().outcome() == Transition.Outcome.REFUSED) {
            throw Problems.conflict(
                    "order-not-cancellable",
                    "Order cannot be cancelled",
                    "Order %s is %s: only orders not yet dispatched can be cancelled"
                            .formatted(id, outcome.order().status()));
        }
        var order = outcome.order();
        var accepted = order.status() == OrderStatus.CANCELLATION_REQUESTED;
        return ResponseEntity.status(accepted ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(OrderResponse.of(order));
    }

    /** The order, if the caller may see it: their own, or any for staff. Another's answers as if absent. */
    private Optional<Order> visible(UUID id) {
        var caller = Caller.current();
        return orders.findById(new OrderId(id))
                .filter(order -> caller.actsFor(order.customerId().id()));
    }

    /** Customers order for themselves; staff name the customer they order for. */
    private static CustomerId ordererOf(OrderRequest request, Caller caller) {
        if (caller.isStaff()) {
            if (request.customerId() == null) {
                throw Problems.badRequest("customerId is required when staff place an order for a customer");
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
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(order.getId().id())
                .toUri();
        return ResponseEntity.created(location)
                .header("Idempotent-Replayed", Boolean.toString(replayed))
                .body(OrderResponse.of(order));
    }

    private static RuntimeException problemFor(Placement outcome) {
        if (outcome instanceof Placement.UnknownProducts unknown) {
            var skus = unknown.unknownSkus().stream().map(Sku::value).sorted().toList();
            return Problems.unprocessable(
                    "unknown-sku",
                    "Unknown product",
                    "The catalog does not offer " + String.join(", ", skus),
                    Map.of("unknownSkus", skus));
        }
        if (outcome instanceof Placement.MixedCurrencies mixed) {
            return Problems.unprocessable(
                    "mixed-currencies",
                    "Mixed currencies",
                    "These products are priced in "
                            + String.join(
                                    " and ",
                                    mixed.currencies().stream().sorted().toList())
                            + "; an order is paid in one currency",
                    Map.of("currencies", mixed.currencies().stream().sorted().toList()));
        }
        if (outcome instanceof Placement.UnknownCustomer customer) {
            return Problems.unprocessable(
                    "unknown-customer",
                    "Unknown customer",
                    "There is no customer " + customer.customerId(),
                    Map.of("customerId", customer.customerId().toString()));
        }
        var reused = (Placement.KeyReused) outcome;
        return Problems.unprocessable(
                "idempotency-key-reused",
                "Idempotency key reused",
                "The Idempotency-Key was used before for a different request",
                Map.of("idempotencyKey", reused.key()));
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("Order", id);
    }
}
