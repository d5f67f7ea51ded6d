package io.seams.shop.platform.adapters.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Objects;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the {@link IdempotencyKeyHeader} contract on every operation that takes the header:
 * the key's schema, what a retry does, and the {@code Idempotent-Replayed} header of its {@code
 * 201} answer.
 */
@Component
class IdempotencyKeyDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return operation;
        }
        var key = operation.getParameters().stream()
                .filter(parameter ->
                        "header".equals(parameter.getIn()) && IdempotencyKeyHeader.NAME.equals(parameter.getName()))
                .findFirst();
        if (key.isEmpty()) {
            return operation;
        }
        key.get()
                .description("Makes retries safe: a retry with the same key and body answers with what the first"
                        + " request created, and creates nothing; the same key with another body is refused (422)."
                        + " A key is remembered for seven days (the operator may choose another retention); after"
                        + " that, a request with it is a new request")
                .schema(new StringSchema()
                        .minLength(1)
                        .maxLength(200)
                        .pattern(IdempotencyKeyHeader.PATTERN)
                        .example("retry-7f3a"));
        var created = Objects.requireNonNull(
                operation.getResponses().get("201"), () -> operation.getOperationId() + " documents no 201");
        created.addHeaderObject(
                IdempotencyKeyHeader.REPLAYED,
                new Header()
                        .style(Header.StyleEnum.SIMPLE)
                        .description("`true` when this answers a retry with the same " + IdempotencyKeyHeader.NAME)
                        .schema(new BooleanSchema()));
        return operation;
    }
}
