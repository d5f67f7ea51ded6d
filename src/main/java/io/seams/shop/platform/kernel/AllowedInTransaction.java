package io.seams.shop.platform.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows a transactional method to call another module's API. The fitness rules forbid such
 * calls, because a call that becomes remote must not hold a transaction open; mark only reads
 * whose answer may be stale, and say why. The fitness report lists every allowed call.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AllowedInTransaction {

    /** Why this call is safe inside the transaction, even when the other module is remote. */
    String reason();
}
