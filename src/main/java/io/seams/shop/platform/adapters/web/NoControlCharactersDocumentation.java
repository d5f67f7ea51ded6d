package io.seams.shop.platform.adapters.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * Writes {@link NoControlCharacters} into the OpenAPI description as the {@code pattern} it stands
 * for: the description generator reads {@code @Pattern} only where it is written, not through a
 * constraint composed of it.
 */
@Component
class NoControlCharactersDocumentation implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        var annotations = type.getCtxAnnotations();
        if (annotations != null
                && Arrays.stream(annotations).anyMatch(annotation -> annotation instanceof NoControlCharacters)) {
            property.setPattern(NoControlCharacters.PATTERN);
        }
        return property;
    }
}
