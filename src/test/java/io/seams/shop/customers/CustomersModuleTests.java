package io.seams.shop.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seams.shop.customers.application.ChangeProfile;
import io.seams.shop.customers.application.EraseCustomer;
import io.seams.shop.customers.application.FindCustomers;
import io.seams.shop.customers.application.RegisterCustomer;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.platform.kernel.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.TestPropertySource;

@ApplicationModuleTest(verifyAutomatically = false)
@TestPropertySource(properties = "seams.idempotency-keys.expiry-interval=PT0.2S")
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

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void aRetriedRegistrationWithTheSameKeyRegistersOneCustomer(AssertablePublishedEvents events) {
        var first = registration.register(GRACE, "sam", Optional.of("register-grace"));
        var retried = registration.register(GRACE, "sam", Optional.of("register-grace"));

        assertThat(first).isInstanceOf(Outcome.Applied.class);
        assertThat(retried).isInstanceOf(Outcome.Unchanged.class);
        assertThat(idOf(retried)).isEqualTo(idOf(first));
        assertThat(events.ofType(CustomerRegistered.class)).hasSize(1);
    }

    @Test
    void aKeyUsedForAnotherProfileRegistersNobody(AssertablePublishedEvents events) {
        registration.register(GRACE, "sam", Optional.of("register-1"));
        var other = new Customer.Profile("Alan Turing", "alan@bletchley.example", GRACE.address());

        var refused = registration.register(other, "sam", Optional.of("register-1"));

        assertThat(refused)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        outcome -> assertThat(outcome.refusal().code()).isEqualTo("idempotency-key-reused"));
        assertThat(events.ofType(CustomerRegistered.class)).hasSize(1);
    }

    @Test
    void aKeyIsOneRegistrarsOnly() {
        var sams = registration.register(GRACE, "sam", Optional.of("register-2"));
        var others = registration.register(GRACE, "another-staff-member", Optional.of("register-2"));

        assertThat(others).isInstanceOf(Outcome.Applied.class);
        assertThat(idOf(others)).isNotEqualTo(idOf(sams));
    }

    @Test
    void concurrentRetriesWithTheSameKeyRegisterOneCustomer() throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(6);
        try {
            var answers = new ArrayList<Future<Outcome<Customer>>>();
            for (int attempt = 0; attempt < 6; attempt++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return registration.register(GRACE, "sam", Optional.of("register-concurrently"));
                }));
            }
            start.countDown();
            var ids = new HashSet<CustomerId>();
            for (var answer : answers) {
                ids.add(idOf(answer.get(30, TimeUnit.SECONDS)));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyIsForgottenAfterItsRetention() {
        var first = idOf(registration.register(GRACE, "sam", Optional.of("register-4")));

        jdbc.sql(
                        "UPDATE customers.registration_key SET created_at = created_at - INTERVAL '7 days 1 minute' WHERE customer_id = ?")
                .param(first.id())
                .update();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM customers.registration_key WHERE customer_id = ?")
                                .param(first.id())
                                .query(Long.class)
                                .single(),
                        count -> count == 0);

        var again = registration.register(GRACE, "sam", Optional.of("register-4"));
        assertThat(again)
                .as("a retry after the key's retention is a new request")
                .isInstanceOf(Outcome.Applied.class);
        assertThat(idOf(again)).isNotEqualTo(first);
    }

    @Test
    void erasureForgetsWhatTheKeyWasSentWith() {
        var customer = idOf(registration.register(GRACE, "sam", Optional.of("register-3")));

        erasure.erase(customer);

        assertThat(jdbc.sql("SELECT fingerprint FROM customers.registration_key WHERE customer_id = ?")
                        .param(customer.id())
                        .query(String.class)
                        .single())
                .isEqualTo("erased");
        assertThat(registration.register(GRACE, "sam", Optional.of("register-3")))
                .as("a replay after erasure matches no profile: refused, and nobody registered again")
                .isInstanceOf(Outcome.Refused.class);
    }

    private static CustomerId idOf(Outcome<Customer> outcome) {
        return outcome.fold(Customer::getId, Customer::getId, refusal -> {
            throw new AssertionError("refused: " + refusal);
        });
    }
}
