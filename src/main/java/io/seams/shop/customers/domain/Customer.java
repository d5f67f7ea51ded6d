package io.seams.shop.customers.domain;

import io.seams.shop.customers.CustomerErased;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.CustomerProfileChanged;
import io.seams.shop.customers.CustomerRegistered;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.platform.kernel.Aggregate;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import java.util.Objects;

/** A customer's profile. Once erased, it holds no personal data and cannot be changed again. */
public class Customer extends Aggregate<Customer, CustomerId> {

    private String name;
    private String email;
    private ShippingAddress address;
    private boolean erased;

    private Customer(CustomerId id, String name, String email, ShippingAddress address, boolean erased, long version) {
        super(id, version);
        this.name = Objects.requireNonNull(name);
        this.email = Objects.requireNonNull(email);
        this.address = Objects.requireNonNull(address);
        this.erased = erased;
    }

    public static Customer register(CustomerId id, Profile profile, Instant now) {
        var customer = new Customer(id, profile.name(), profile.email(), profile.address(), false, 0);
        customer.raise(new CustomerRegistered(id, profile.name(), profile.email(), now));
        return customer;
    }

    public static Customer restore(
            CustomerId id, String name, String email, ShippingAddress address, boolean erased, long version) {
        return new Customer(id, name, email, address, erased, version);
    }

    /** Changes the profile; refused once the customer is erased. */
    public Transition change(Profile profile, Instant now) {
        if (erased) {
            return Transition.refused("Customer %s was erased".formatted(getId().id()));
        }
        this.name = profile.name();
        this.email = profile.email();
        this.address = profile.address();
        raise(new CustomerProfileChanged(getId(), name, email, now));
        return Transition.applied();
    }

    /** Replaces every personal detail with an anonymised value; erasing twice changes nothing. */
    public Transition erase(Instant now) {
        if (erased) {
            return Transition.unchanged();
        }
        erased = true;
        name = "erased";
        email = "erased-" + getId() + "@invalid";
        address = ShippingAddress.ERASED;
        raise(new CustomerErased(getId(), now));
        return Transition.applied();
    }

    /** The address parcels for this customer go to, with the customer's name on it. */
    public ShippingAddress shippingAddress() {
        return address;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public boolean isErased() {
        return erased;
    }

    /**
     * What a customer tells the shop about themselves.
     *
     * @param name the customer's name
     * @param email where to write to them
     * @param address where their parcels go
     */
    public record Profile(String name, String email, ShippingAddress address) {}
}
