package io.seams.shop.payments.domain;

import io.seams.shop.orders.OrderId;
import io.seams.shop.platform.kernel.Money;
import java.io.Serial;

/**
 * The port to whatever moves the money. Both operations are idempotent per order: asking again
 * for the same order returns the first answer and never charges twice.
 */
public interface PaymentGateway {

    /**
     * Authorises the amount for the order.
     *
     * @throws GatewayUnavailableException when the gateway cannot answer now; worth retrying
     */
    Authorization authorize(OrderId order, Money amount, String paymentToken);

    /** Gives back an authorised amount. */
    void refund(OrderId order, String gatewayReference, Money amount);

    /**
     * The order was cancelled before its payment was settled here: releases whatever the gateway
     * holds for it — an authorisation it granted while this side crashed or was not listening —
     * and declines any request for it that is still on its way.
     */
    void cancel(OrderId order);

    /** The gateway could not answer; the same request may succeed later. */
    class GatewayUnavailableException extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        public GatewayUnavailableException(String message) {
            super(message);
        }
    }
}
