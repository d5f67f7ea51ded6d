package io.seams.shop.customers.web;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.customers.application.ChangeProfile;
import io.seams.shop.customers.application.EraseCustomer;
import io.seams.shop.customers.application.FindCustomers;
import io.seams.shop.customers.application.RegisterCustomer;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.platform.adapters.web.Answers;
import io.seams.shop.platform.adapters.web.FreeText;
import io.seams.shop.platform.adapters.web.IdempotencyKeyHeader;
import io.seams.shop.platform.adapters.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers", description = "Customer profiles and erasure")
@RequiredArgsConstructor
class CustomerController {

    private final RegisterCustomer registration;
    private final FindCustomers customers;
    private final ChangeProfile changes;
    private final EraseCustomer erasure;

    @PostMapping
    @Operation(
            operationId = "registerCustomer",
            summary = "Registers a customer",
            description =
                    "For staff. Gives the customer a new id (in Location and the body) and tells the other modules "
                            + "how to reach them. Retrying with the same Idempotency-Key and body returns the first "
                            + "customer instead of registering another; without a key, every request registers one. A "
                            + "key is scoped to the staff member who sends it.")
    @ApiResponse(
            responseCode = "201",
            description = "Registered, or replayed",
            headers =
                    @Header(
                            name = "Location",
                            description = "The customer's URI",
                            schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "400", description = "The profile is incomplete or malformed")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another profile")
    ResponseEntity<CustomerResponse> register(
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) Optional<String> idempotencyKey,
            @Valid @RequestBody ProfileRequest profile) {
        return registration
                .register(profile.toProfile(), Caller.current().subject(), IdempotencyKeyHeader.checked(idempotencyKey))
                .fold(customer -> created(customer, false), customer -> created(customer, true), refusal -> {
                    throw Answers.problem(refusal);
                });
    }

    private static ResponseEntity<CustomerResponse> created(Customer customer, boolean replayed) {
        return IdempotencyKeyHeader.created(customer.getId().id(), replayed).body(CustomerResponse.of(customer));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getCustomer",
            summary = "Shows a customer's profile",
            description =
                    "Customers see their own profile only (another customer's answers 404, as if it did not exist); "
                            + "staff see every profile. An erased customer's profile shows placeholders.")
    @ApiResponse(responseCode = "200", description = "The profile")
    @ApiResponse(responseCode = "404", description = "No such customer")
    CustomerResponse customer(@PathVariable UUID id) {
        visibleOrNotFound(id);
        return customers.find(new CustomerId(id)).map(CustomerResponse::of).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "changeCustomer",
            summary = "Changes a customer's profile (refused once the customer is erased)",
            description = "Replaces the whole profile, so repeating the request is safe. Customers change their own "
                    + "profile only; staff change any. Orders placed from now on ship to the new address; "
                    + "notifications go to the new name and e-mail.")
    @ApiResponse(responseCode = "200", description = "The changed profile")
    @ApiResponse(responseCode = "404", description = "No such customer")
    @ApiResponse(responseCode = "409", description = "The customer was erased")
    ResponseEntity<CustomerResponse> change(@PathVariable UUID id, @Valid @RequestBody ProfileRequest profile) {
        visibleOrNotFound(id);
        return Answers.to(
                changes.change(new CustomerId(id), profile.toProfile()).map(CustomerResponse::of));
    }

    @PostMapping("/{id}/erasure")
    @Operation(
            operationId = "eraseCustomer",
            summary = "Erases the customer's personal data in every module (the right to be forgotten)",
            description = "Accepted at once; every module anonymises its copy when it receives CustomerErased.")
    @ApiResponse(responseCode = "200", description = "The customer was erased before")
    @ApiResponse(responseCode = "202", description = "Erasure accepted")
    @ApiResponse(responseCode = "404", description = "No such customer")
    ResponseEntity<CustomerResponse> erase(@PathVariable UUID id) {
        visibleOrNotFound(id);
        return Answers.to(erasure.erase(new CustomerId(id)).map(CustomerResponse::of), HttpStatus.ACCEPTED);
    }

    /** A customer sees and changes their own profile only (staff any): another's answers as if absent. */
    private static void visibleOrNotFound(UUID id) {
        if (!Caller.current().actsFor(id)) {
            throw notFound(id);
        }
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("Customer", id);
    }

    /**
     * A customer's profile as sent by clients.
     *
     * @param name the customer's name
     * @param email where to write to them
     * @param address where their parcels go
     */
    record ProfileRequest(
            @Schema(example = "Grace Hopper") @NotNull @FreeText(max = 200)
            String name,

            @Schema(example = "grace@example.com", format = "email")
            @NotNull
            @Size(max = 320)
            @Pattern(regexp = EMAIL, message = "must be an e-mail address such as grace@example.com")
            String email,

            @NotNull @Valid AddressRequest address) {

        /**
         * An address as JSON Schema's {@code email} format reads it in the validators clients use
         * (dot-atoms of ASCII letters, digits and the RFC 5322 symbols, then a domain of two or more
         * labels), so that the server accepts exactly what such a client does. The lookahead refuses
         * anything over the 320 characters of {@code @Size} before the rest runs: Bean Validation
         * checks the pattern even when the size has failed, Java's matcher recurses once per
         * dot-separated part, and an address of some thousands of parts overflowed the request
         * thread's stack (a 500).
         */
        static final String EMAIL = "^(?=.{1,320}$)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$";

        Customer.Profile toProfile() {
            return new Customer.Profile(
                    name,
                    email,
                    new ShippingAddress(
                            name, address.street(), address.postalCode(), address.city(), address.country()));
        }
    }

    /**
     * A shipping address as sent by clients.
     *
     * @param street street and number
     * @param postalCode the postal code
     * @param city the city
     * @param country ISO 3166 two-letter country code
     */
    record AddressRequest(
            @Schema(example = "1 Navy Street") @NotNull @FreeText(max = 200)
            String street,

            @Schema(example = "10115") @NotNull @FreeText(max = 20)
            String postalCode,

            @Schema(example = "Berlin") @NotNull @FreeText(max = 100)
            String city,

            @Schema(example = "DE")
            @NotNull
            @Pattern(regexp = "^[A-Z]{2}$", message = "must be a two-letter country code")
            String country) {}

    /**
     * A customer as the API shows it.
     *
     * @param id the customer's id
     * @param name the name
     * @param email the e-mail address
     * @param address the shipping address
     * @param erased whether the customer was erased
     */
    record CustomerResponse(UUID id, String name, String email, ShippingAddress address, boolean erased) {

        static CustomerResponse of(Customer customer) {
            return new CustomerResponse(
                    customer.getId().id(),
                    customer.name(),
                    customer.email(),
                    customer.shippingAddress(),
                    customer.isErased());
        }
    }
}
