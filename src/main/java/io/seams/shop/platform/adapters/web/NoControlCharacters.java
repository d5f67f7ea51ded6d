package io.seams.shop.platform.adapters.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text holds no ASCII control character (U+0000 to U+001F, U+007F): what every free-text field
 * of a request body must satisfy. The one home of the pattern, as an annotation: a constant would be
 * inlined into its users and leave no trace of where it came from.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = NoControlCharacters.PATTERN)
@ReportAsSingleViolation
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NoControlCharacters {

    /**
     * Exactly Java's {@code [^\p{Cntrl}]*}, written so that it means the same in the OpenAPI
     * description (ECMAScript, unanchored search).
     */
    String PATTERN = "^[^\\u0000-\\u001F\\u007F]*$";

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
