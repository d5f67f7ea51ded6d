package io.seams.shop.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.CustomerErased;
import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.CustomerProfileChanged;
import io.seams.shop.customers.CustomerRegistered;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTests {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final Customer.Profile GRACE = new Customer.Profile(
            "Grace Hopper",
            "grace@navy.example",
            new ShippingAddress("Grace Hopper", "1 Lane", "20301", "Arlington", "US"));

    CustomerId id = CustomerId.random();

    @Test
    void registeringRecordsTheContactDetails() {
        var customer = Customer.register(id, GRACE, NOW);

        assertThat(customer.drainEvents())
                .containsExactly(new CustomerRegistered(id, "Grace Hopper", "grace@navy.example", NOW));
    }

    @Test
    void changingTheProfileTellsTheOtherModules() {
        var customer = Customer.register(id, GRACE, NOW);
        customer.drainEvents();
        var moved = new Customer.Profile("Grace Hopper", "grace@yale.example", GRACE.address());

        assertThat(customer.change(moved, NOW)).isEqualTo(Transition.applied());
        assertThat(customer.drainEvents())
                .containsExactly(new CustomerProfileChanged(id, "Grace Hopper", "grace@yale.example", NOW));
    }

    @Test
    void erasureLeavesNoPersonalDataAndHappensOnce() {
        var customer = Customer.register(id, GRACE, NOW);
        customer.drainEvents();

        assertThat(customer.erase(NOW)).isEqualTo(Transition.applied());
        assertThat(customer.erase(NOW)).isEqualTo(Transition.unchanged());
        assertThat(customer.name()).isEqualTo("erased");
        assertThat(customer.email()).isEqualTo("erased-" + id + "@invalid");
        assertThat(customer.shippingAddress()).isEqualTo(ShippingAddress.ERASED);
        assertThat(customer.drainEvents()).containsExactly(new CustomerErased(id, NOW));
    }

    @Test
    void anErasedCustomerCannotBeChanged() {
        var customer = Customer.register(id, GRACE, NOW);
        customer.erase(NOW);

        assertThat(customer.change(GRACE, NOW).isRefused()).isTrue();
        assertThat(customer.name()).isEqualTo("erased");
    }
}
