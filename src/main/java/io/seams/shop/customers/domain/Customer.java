package io.seams.shop.customers.domain;

import io.seams.shop.customers.CustomerErased;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.CustomerProfileChanged;
import io.seams.shop.customers.CustomerRegistered;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.platform.kernel.RecordedEvents;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import java.util.Objects;
import org.jmolecules.ddd.types.AggregateRoot;

/** A customer's profile. Once erased, it holds no personal data and cannot be changed again. */
public class Customer implements AggregateRoot<Customer, CustomerId> {

    private final CustomerId id;
    private final long version;
    private String name;
    private String email;
    private ShippingAddress address;
    private boolean erased;
    private final RecordedEvents events = new RecordedEvents();

    private Customer(CustomerId id, String name, String email, ShippingAddress address, boolean erased, long version) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.email = Objects.requireNonNull(email);
        this.address = Objects.requireNonNull(address);
        this.erased = erased;
        this.version = version;
    }

    public static Customer register(CustomerId id, Profile profile, Instant now) {
        var customer = new Customer(id, profile.name(), profile.email(), profile.address(), false, 0);
        customer.events.record(new CustomerRegistered(id, profile.name(), profile.email(), now));
        return customer;
    }

    public static Customer restore(
            CustomerId id, String name, String email, ShippingAddress address, boolean erased, long version) {
        return new Customer(id, name, email, address, erased, version);
    }

    /** Changes the profile; refused once the customer is erased. */
    public Transition change(Profile profile, Instant now) {
        if (erased) {
            return Transition.refused("Customer %s was erased".formatted(id.id()));
        }
        this.name = profile.name();
        this.email = profile.email();
        this.address = profile.address();
        events.record(new CustomerProfileChanged(id, name, email, now));
        return Transition.applied();
    }

    /** Replaces every personal detail with an anonymised value; erasing twice changes nothing. */
    public Transition erase(Instant now) {
        if (erased) {
            return Transition.unchanged();
        }
        erased = true;
        name = "erased";
        email = "erased-" + id + "@invalid";
        address = ShippingAddress.ERASED;
        events.record(new CustomerErased(id, now));
        return Transition.applied();
    }

    /** The address parcels for this customer go to, with the customer's name on it. */
    public ShippingAddress shippingAddress() {
        return address;
    }

    @Override
    public CustomerId getId() {
        return id;
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

    public long version() {
        return version;
    }

    public RecordedEvents events() {
        return events;
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
