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
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A free-text field of a request body: 1 to {@link #max()} characters (Unicode code points, as JSON
 * Schema counts them, so an emoji is one), not all white space, with no control character (C0
 * U+0000 to U+001F, DEL U+007F, C1 U+0080 to U+009F), no bidirectional override or isolate (U+202A
 * to U+202E, U+2066 to U+2069: they make a name read differently from what it is), no noncharacter
 * (U+FDD0 to U+FDEF, U+FFFE, U+FFFF: Unicode keeps them out of text that is exchanged), and no unpaired
 * UTF-16 surrogate (not Unicode text at all: the database would store it as {@code ?}). A {@code
 * null} is left to {@code @NotNull}.
 *
 * <p>The one home of the rule. {@link FreeTextDocumentation} writes it into the OpenAPI description
 * as {@code minLength}, {@code maxLength} and {@link #PATTERN}, and the server checks exactly that
 * pattern and those lengths, so a client that validates against the description is refused nothing
 * it was told is valid (the unpaired surrogate aside, which no pattern can say alike in Java and
 * ECMAScript).
 */
@Documented
@Constraint(validatedBy = FreeText.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface FreeText {

    /** The characters no free text holds; none is a surrogate, so Java and ECMAScript read them alike. */
    String REFUSED = "\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFDD0-\\uFDEF\\uFFFE\\uFFFF";

    /**
     * White space and what shows as nothing (the zero-width joiners, the word joiner, the Mongolian
     * vowel separator), spelled out, because {@code \s} means different things in Java and ECMAScript.
     */
    String SPACE = "\\u0020\\u00A0\\u1680\\u180E\\u2000-\\u200D\\u2028\\u2029\\u202F\\u205F\\u2060\\u3000\\uFEFF";

    /** Nothing refused, and at least one character that is not white space. */
    String PATTERN = "^[^" + REFUSED + "]*[^" + REFUSED + SPACE + "][^" + REFUSED + "]*$";

    /** The most characters (code points) the field may hold. */
    int max();

    String message() default "must be 1 to {max} characters of text, not blank, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the pattern, the length in code points, and that every surrogate is paired. */
    class Check implements ConstraintValidator<FreeText, CharSequence> {

        private static final java.util.regex.Pattern ALLOWED = java.util.regex.Pattern.compile(PATTERN);

        private int max;

        @Override
        public void initialize(FreeText annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            var length = Character.codePointCount(text, 0, text.length());
            return length <= max && wellFormed(text) && ALLOWED.matcher(text).matches();
        }

        private static boolean wellFormed(CharSequence text) {
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
