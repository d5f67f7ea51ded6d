package io.seams.shop.orders.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.seams.shop.catalog.Sku;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.orders.application.PlaceOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param customerId who orders: customers order for themselves (absent, null, or their own id);
 *     staff ordering for a customer must name them
 * @param paymentToken the payment method at the gateway; {@code tok_visa} when absent or null (see
 *     docs/demo.md for the simulator's tokens)
 * @param lines what to order: at least one line, at most 100
 */
record OrderRequest(
        @Schema(
                example = "c0ffee00-0000-4000-8000-000000000001",
                types = {"string", "null"},
                description = "Who orders: a customer may leave it out or name themselves (another"
                        + " customer: 403); staff must name the customer they order for (absent: 400)")
        @Nullable
        UUID customerId,

        @Schema(
                example = "tok_visa",
                types = {"string", "null"})
        @Size(max = 100)
        @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "must be a payment token such as tok_visa")
        @Nullable
        String paymentToken,

        @NotNull @Size(min = 1, max = 100) @UnitsOfOneSku List<@NotNull @Valid Line> lines) {

    static final String DEFAULT_PAYMENT_TOKEN = "tok_visa";

    /** The most units of one SKU an order may ask for, as one line or as several that name it. */
    static final int MOST_UNITS_OF_A_SKU = 1000;

    /**
     * Lines naming the same SKU are merged into one ({@link PlaceOrder}): together they may not ask
     * for more than one line may. A constraint on {@code lines}, so the problem names the field the
     * client sent (a method of the record would be named after the method).
     */
    @Documented
    @Constraint(validatedBy = UnitsOfOneSku.Check.class)
    @Target({FIELD, METHOD, PARAMETER})
    @Retention(RUNTIME)
    @interface UnitsOfOneSku {

        String message() default "must not ask for more than 1000 units of one SKU, however many lines name it";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<UnitsOfOneSku, List<Line>> {

            @Override
            public boolean isValid(@Nullable List<Line> lines, ConstraintValidatorContext context) {
                return lines == null
                        || lines.stream()
                                .filter(line -> line != null && line.sku() != null && line.quantity() != null)
                                .collect(Collectors.groupingBy(Line::sku, Collectors.summingLong(Line::quantity)))
                                .values()
                                .stream()
                                .allMatch(units -> units <= MOST_UNITS_OF_A_SKU);
            }
        }
    }

    PlaceOrder toCommand(CustomerId orderer) {
        return new PlaceOrder(
                orderer,
                paymentToken == null ? DEFAULT_PAYMENT_TOKEN : paymentToken,
                lines.stream()
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
            @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{0,39}$", message = "must be a SKU such as MUG-CLASSIC")
            String sku,

            @Schema(example = "2") @NotNull @Min(1) @Max(MOST_UNITS_OF_A_SKU)
            Integer quantity) {}
}
