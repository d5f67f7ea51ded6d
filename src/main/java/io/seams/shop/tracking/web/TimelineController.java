package io.seams.shop.tracking.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.platform.adapters.web.Problems;
import io.seams.shop.tracking.application.FindTimeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tracking", description = "The timeline of an order, as every module reported it")
@RequiredArgsConstructor
class TimelineController {

    private final FindTimeline timelines;

    @GetMapping(path = "/api/orders/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getOrderTimeline",
            summary = "Lists an order's steps in the order they happened, with the module that reported each",
            description = "The same visibility as the order: customers see their own orders' timelines only. Each step "
                    + "names the module that reported it and when; a step appears once the event reached tracking, so "
                    + "it may lag the order's status by a moment.")
    @ApiResponse(responseCode = "200", description = "The timeline")
    @ApiResponse(responseCode = "404", description = "Nothing is known of this order")
    Timeline timeline(@PathVariable UUID id) {
        // Another customer's order answers as if it did not exist.
        var steps = timelines.of(new OrderId(id), Caller.current()).stream()
                .map(entry -> new Step(entry.step().name(), entry.module(), entry.occurredAt(), entry.detail()))
                .toList();
        if (steps.isEmpty()) {
            throw Problems.notFound("Order timeline", id);
        }
        return new Timeline(id, steps);
    }

    /**
     * An order's timeline.
     *
     * @param orderId the order
     * @param steps its steps, oldest first
     */
    record Timeline(UUID orderId, List<Step> steps) {}

    /**
     * One step.
     *
     * @param step what happened
     * @param module which module reported it
     * @param at when it happened
     * @param detail a word on it, if any
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Step(
            String step,
            String module,
            Instant at,
            @Nullable String detail) {}
}
