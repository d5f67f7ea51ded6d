package io.seams.shop.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.application.CustomerService;
import io.seams.shop.customers.domain.Customer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

@ApplicationModuleTest(verifyAutomatically = false)
class CustomersModuleTests {

    static final Customer.Profile GRACE = new Customer.Profile(
            "Grace Hopper",
            "grace@navy.example",
            new ShippingAddress("Grace Hopper", "1 Compiler Lane", "20301", "Arlington", "US"));

    @Autowired
    CustomerService customers;

    @Test
    void registeringACustomerTellsTheOtherModulesHowToReachThem(AssertablePublishedEvents events) {
        var customer = customers.register(GRACE);

        assertThat(events)
                .contains(CustomerRegistered.class)
                .matching(CustomerRegistered::customerId, customer.getId())
                .matching(CustomerRegistered::email, "grace@navy.example");
        assertThat(customers.shippingAddressOf(customer.getId())).contains(GRACE.address());
    }

    @Test
    void erasingACustomerAnonymisesTheProfileOnceAndHidesTheAddress(AssertablePublishedEvents events) {
        var customer = customers.register(GRACE);

        customers.erase(customer.getId());
        customers.erase(customer.getId());

        var erased = customers.find(customer.getId()).orElseThrow();
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.name()).isEqualTo("erased");
        assertThat(erased.email()).doesNotContain("grace");
        assertThat(erased.shippingAddress()).isEqualTo(ShippingAddress.ERASED);
        assertThat(events.ofType(CustomerErased.class)).hasSize(1);
        assertThat(customers.shippingAddressOf(customer.getId())).isEmpty();
    }

    @Test
    void anErasedCustomerCannotBeChangedBackIntoAPerson() {
        var customer = customers.register(GRACE);
        customers.erase(customer.getId());

        customers.change(customer.getId(), GRACE);

        assertThat(customers.find(customer.getId()).orElseThrow().name()).isEqualTo("erased");
    }
}
