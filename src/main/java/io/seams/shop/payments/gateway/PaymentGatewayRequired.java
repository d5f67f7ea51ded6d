package io.seams.shop.payments.gateway;

import io.seams.shop.payments.domain.PaymentGateway;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Stops the start, before anything else is created, when no payment gateway is configured: the
 * simulator is off ({@code seams.payments.simulator.enabled=false}, as in {@code prod}) and no
 * {@link PaymentGateway} bean for a real provider is defined. Without it, every order would wait
 * for a payment that nobody can take; without this check, the start would fail later with a
 * missing-bean message that names neither the property nor what to provide.
 */
@Component
class PaymentGatewayRequired implements BeanFactoryPostProcessor, Ordered {

    static final String MESSAGE = "No payment gateway is configured: the payment simulator is off"
            + " (seams.payments.simulator.enabled=false, as in the prod profile) and there is no"
            + " PaymentGateway bean. Provide a PaymentGateway bean for your payment provider, or set"
            + " seams.payments.simulator.enabled=true to take payments with the simulator (never real money).";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        if (beans.getBeanNamesForType(PaymentGateway.class, true, false).length == 0) {
            throw new IllegalStateException(MESSAGE);
        }
    }

    @Override
    public int getOrder() {
        // After the other post-processors, which may still add beans (a test's replacement, say).
        return Ordered.LOWEST_PRECEDENCE;
    }
}
