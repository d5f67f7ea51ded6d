package io.seams.shop.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.customers.application.ChangeProfile;
import io.seams.shop.customers.application.EraseCustomer;
import io.seams.shop.customers.application.FindCustomers;
import io.seams.shop.customers.application.RegisterCustomer;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.platform.kernel.Outcome;
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
    RegisterCustomer registration;

    @Autowired
    FindCustomers customers;

    @Autowired
    EraseCustomer erasure;

    @Autowired
    ChangeProfile changes;

    @Test
    void registeringACustomerTellsTheOtherModulesHowToReachThem(AssertablePublishedEvents events) {
        var customer = registration.register(GRACE);

        assertThat(events)
                .contains(CustomerRegistered.class)
                .matching(CustomerRegistered::customerId, customer.getId())
                .matching(CustomerRegistered::email, "grace@navy.example");
        assertThat(customers.shippingAddressOf(customer.getId())).contains(GRACE.address());
    }

    @Test
    void erasingACustomerAnonymisesTheProfileOnceAndHidesTheAddress(AssertablePublishedEvents events) {
        var customer = registration.register(GRACE);

        assertThat(erasure.erase(customer.getId())).isInstanceOf(Outcome.Applied.class);
        assertThat(erasure.erase(customer.getId())).isInstanceOf(Outcome.Unchanged.class);

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
        var customer = registration.register(GRACE);
        erasure.erase(customer.getId());

        assertThat(changes.change(customer.getId(), GRACE)).isInstanceOf(Outcome.Refused.class);

        assertThat(customers.find(customer.getId()).orElseThrow().name()).isEqualTo("erased");
    }
}
