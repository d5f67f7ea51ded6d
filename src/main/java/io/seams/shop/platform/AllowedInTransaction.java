package io.seams.shop.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows a transactional method to call another module's API. The fitness rules forbid such
 * calls, because a call that becomes remote must not hold a transaction open; mark only reads
 * whose answer may be stale, and say why. The fitness report lists every allowed call.
 *
 * <p>Unused today, on purpose in the platform's root package and in no named interface: a module
 * that needs it must also add {@code "platform"} to its allowed dependencies, so every exception
 * shows twice in review (docs/adr/0015).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AllowedInTransaction {

    /** Why this call is safe inside the transaction, even when the other module is remote. */
    String reason();
}
