package io.seams.shop.platform.adapters.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * Writes {@link FreeText} into the OpenAPI description as what it checks: {@code minLength} 1,
 * {@code maxLength} and its {@code pattern}. The description generator reads only the constraints
 * it knows.
 */
@Component
class FreeTextDocumentation implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        var annotations = type.getCtxAnnotations();
        if (annotations != null) {
            Arrays.stream(annotations)
                    .filter(FreeText.class::isInstance)
                    .map(FreeText.class::cast)
                    .findFirst()
                    .ifPresent(
                            text -> property.minLength(1).maxLength(text.max()).pattern(FreeText.PATTERN));
        }
        return property;
    }
}
