package io.seams.shop.platform.adapters.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text holds no control character (C0 U+0000 to U+001F, DEL U+007F, C1 U+0080 to U+009F), no
 * bidirectional override or isolate (U+202A to U+202E, U+2066 to U+2069: they make a name read
 * differently from what it is), and no unpaired UTF-16 surrogate (not Unicode text at all: the
 * database would store it as {@code ?}). What every free-text field of a request body must satisfy.
 * The one home of the rule, as an annotation: a constant would be inlined into its users and leave
 * no trace of where it came from.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.WellFormed.class)
@Pattern(regexp = NoControlCharacters.PATTERN)
@ReportAsSingleViolation
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NoControlCharacters {

    /**
     * The characters refused, written so that the pattern means the same in Java and in the OpenAPI
     * description (ECMAScript, unanchored search): none of them is a surrogate.
     */
    String PATTERN = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";

    String message() default "must not contain control characters or broken Unicode";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Refuses an unpaired surrogate, which no pattern can say alike in Java (code points) and
     * ECMAScript without the {@code u} flag (UTF-16 units).
     */
    class WellFormed implements ConstraintValidator<NoControlCharacters, CharSequence> {

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            for (int index = 0; index < text.length(); index++) {
                char unit = text.charAt(index);
                if (Character.isHighSurrogate(unit)
                        && index + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(index + 1))) {
                    index++;
                } else if (Character.isSurrogate(unit)) {
                    return false;
                }
            }
            return true;
        }
    }
}
