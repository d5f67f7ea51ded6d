package io.seams.shop.platform.adapters.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Currency;
import java.util.Iterator;
import org.jmolecules.ddd.types.Identifier;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Describes values in the OpenAPI description as they are written on the wire, where the
 * description generator would guess from their Java shape: a {@link Currency} is its ISO 4217 code
 * ({@code "EUR"}), and a jMolecules identifier or value object with one component (a {@code Sku})
 * is that component, as jMolecules' Jackson module writes it.
 */
@Component
class ValueSchemas implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        var javaType = Json.mapper().constructType(type.getType());
        var raw = javaType == null ? null : javaType.getRawClass();
        if (raw == Currency.class) {
            return new StringSchema().pattern("^[A-Z]{3}$").example("EUR");
        }
        if (raw != null && isSingleValue(raw)) {
            return context.resolve(new AnnotatedType(raw.getRecordComponents()[0].getGenericType())
                    .resolveAsRef(false)
                    .ctxAnnotations(type.getCtxAnnotations()));
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    private static boolean isSingleValue(Class<?> type) {
        return type.isRecord()
                && type.getRecordComponents().length == 1
                && (Identifier.class.isAssignableFrom(type) || ValueObject.class.isAssignableFrom(type));
    }
}
