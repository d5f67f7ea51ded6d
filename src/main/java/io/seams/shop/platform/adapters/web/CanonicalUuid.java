package io.seams.shop.platform.adapters.web;

import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A UUID as the OpenAPI description's {@code format: uuid} means it: 32 hexadecimal digits in groups
 * of 8-4-4-4-12. {@link UUID#fromString} also reads {@code 1-1-1-1-1}, and Jackson a Base64 string,
 * as UUIDs no client validating against the description would send or expect to be accepted.
 */
final class CanonicalUuid extends ValueDeserializer<UUID> {

    private static final Pattern CANONICAL =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** The UUID, or an {@link IllegalArgumentException} when the text is not one in its 36-character form. */
    static UUID parse(String text) {
        if (!CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID in its 36-character form: " + text);
        }
        return UUID.fromString(text);
    }

    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (UUID) context.handleUnexpectedToken(UUID.class, parser);
        }
        var text = parser.getString();
        if (!CANONICAL.matcher(text).matches()) {
            return (UUID) context.handleWeirdStringValue(
                    UUID.class, text, "not a UUID in its 36-character form (8-4-4-4-12 hexadecimal digits)");
        }
        return UUID.fromString(text);
    }
}
