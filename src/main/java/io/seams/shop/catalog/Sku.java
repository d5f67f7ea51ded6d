package io.seams.shop.catalog;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jmolecules.ddd.types.Identifier;

/**
 * A stock keeping unit: what identifies a product across the shop. Upper-case letters, digits
 * and dashes, at most 40 characters.
 *
 * @param value the SKU as printed on the product
 */
public record Sku(String value) implements Identifier {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    public Sku {
        Objects.requireNonNull(value, "SKU must not be null");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a SKU: '%s'".formatted(value));
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
