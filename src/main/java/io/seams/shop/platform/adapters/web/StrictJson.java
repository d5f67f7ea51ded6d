package io.seams.shop.platform.adapters.web;

import java.util.UUID;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON, the API's one format, is read as written, not as Jackson can make it fit: a whole number must be a JSON integer
 * ({@code 1.5} or {@code "2"} for a quantity is a {@code 400}, not an order of 1 or 2), text must be a JSON
 * string ({@code 42} or {@code true} for a name is a {@code 400}, not the name "42"), a UUID must be written
 * in its 36-character form ({@link CanonicalUuid}), and an object that names a field twice is malformed
 * rather than read as its last value.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /**
     * JSON is the API's one format. A YAML library on the class path (the description generator
     * brings one) would otherwise make Spring MVC read and write YAML too, undocumented and through
     * a mapper with none of this configuration.
     */
    @Bean
    WebMvcConfigurer jsonIsTheOnlyFormat() {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
                converters.configureMessageConvertersList(list ->
                        list.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                                .anyMatch(type -> type.getSubtype().contains("yaml"))));
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer wholeNumbersAreIntegersAndFieldsAreUnique() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(
                        LogicalType.Integer,
                        integers -> integers.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Textual,
                        texts -> texts.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("canonical-uuids").addDeserializer(UUID.class, new CanonicalUuid()));
    }
}
