package io.seams.shop.payments.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.shop.SeamsApplication;
import io.seams.shop.payments.domain.PaymentGateway;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Which gateway takes the payments: the simulator where configuration asks for it (the default
 * profile), a gateway the deployment provides otherwise — and in {@code prod} without one, Seams
 * refuses to start and says what to configure, instead of taking orders nobody can pay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentGatewaySelectionTests {

    @Autowired
    PaymentGateway gateway;

    @Test
    void theDefaultProfileTakesPaymentsWithTheSimulator() {
        assertThat(AopUtils.getTargetClass(gateway).getSimpleName()).isEqualTo("SimulatedPaymentGateway");
    }

    @Test
    void prodWithoutAPaymentGatewayFailsAtStartNamingTheProperty() {
        var prod = new SpringApplicationBuilder(SeamsApplication.class)
                .profiles("prod")
                .properties("server.port=0", "spring.datasource.url=jdbc:postgresql://127.0.0.1:9/never-reached");

        assertThatThrownBy(() -> prod.run().close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seams.payments.simulator.enabled")
                .hasMessageContaining("Provide a PaymentGateway bean");
    }
}
