package io.seams.shop.payments.domain;

import io.seams.shop.platform.kernel.Transition;
import java.time.Instant;

/** The gateway's answer to a request for authorisation: a value, not an exception. */
public sealed interface Authorization {

    /** Gives the answer to the payment it was asked for. */
    Transition answer(Payment payment, Instant now);

    /**
     * The amount is authorised.
     *
     * @param reference the gateway's reference, needed to refund it
     */
    record Approved(String reference) implements Authorization {
        @Override
        public Transition answer(Payment payment, Instant now) {
            return payment.authorize(reference, now);
        }
    }

    /**
     * The gateway declined.
     *
     * @param reason why, in words
     */
    record Declined(String reason) implements Authorization {
        @Override
        public Transition answer(Payment payment, Instant now) {
            return payment.decline(reason, now);
        }
    }
}
