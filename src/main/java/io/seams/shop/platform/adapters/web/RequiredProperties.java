package io.seams.shop.platform.adapters.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Says in the OpenAPI description which properties of a record are always there: every component
 * that is neither an {@link Optional} nor annotated {@link Nullable}. The records the API answers
 * with leave out what they do not have ({@code @JsonInclude(NON_ABSENT)}), so a client generated
 * from the description can rely on a required property, and never meets a {@code null}.
 */
@Component
class RequiredProperties implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        var resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        var javaType = Json.mapper().constructType(type.getType());
        var raw = javaType == null ? null : javaType.getRawClass();
        var schema = resolved != null && resolved.get$ref() != null
                ? context.getDefinedModels()
                        .get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1))
                : resolved;
        if (schema == null || schema.getProperties() == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        for (var component : raw.getRecordComponents()) {
            var name = component.getName();
            var always = component.getType() != Optional.class
                    && !component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (always
                    && schema.getProperties().containsKey(name)
                    && (schema.getRequired() == null || !schema.getRequired().contains(name))) {
                schema.addRequiredItem(name);
            }
        }
        return resolved;
    }
}
