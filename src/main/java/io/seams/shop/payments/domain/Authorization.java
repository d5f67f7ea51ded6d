package io.seams.shop.payments.domain;

/** The gateway's answer to a request for authorisation: a value, not an exception. */
public sealed interface Authorization {

    /**
     * The amount is authorised.
     *
     * @param reference the gateway's reference, needed to refund it
     */
    record Approved(String reference) implements Authorization {}

    /**
     * The gateway declined.
     *
     * @param reason why, in words
     */
    record Declined(String reason) implements Authorization {}
}
