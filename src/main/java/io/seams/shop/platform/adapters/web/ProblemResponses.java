package io.seams.shop.platform.adapters.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the problems (RFC 9457, {@code application/problem+json}) the API answers with, one
 * {@code Problem} schema for all of them, the way {@link ApiProblems}, {@link RequestSizeLimit} and
 * {@link OverloadProtection} send them: an operation with parameters or a body may answer 400, one
 * with a path variable 404, one with a body 413 and 415, and every operation 406 and 503. Problems an operation
 * documents itself ({@code @ApiResponse(responseCode = "409", ...)}) keep their description and get
 * the problem as their content.
 */
public class ProblemResponses implements OpenApiCustomizer {

    /** The shared schema of every problem. */
    public static final String SCHEMA = "#/components/schemas/Problem";

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** A problem response with this description. */
    public static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(SCHEMA))));
    }

    /** A reference to a response under {@code components/responses}. */
    public static ApiResponse reference(String name) {
        return new ApiResponse().$ref("#/components/responses/" + name);
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            // A process hosting no module with an HTTP API.
            api.setComponents(new Components());
        }
        var components = api.getComponents();
        components.addSchemas("Problem", problemSchema());
        components.addResponses(
                "BadRequest",
                problem("The request is malformed (`malformed-request`: not UTF-8 JSON, a body where the"
                        + " operation takes none) or invalid (`invalid-request`, with `errors` naming each field,"
                        + " parameter or header); nothing was done"));
        components.addResponses(
                "ContentTooLarge",
                problem("The body is larger than the limit, 64 KiB by default (`request-too-large`)"));
        components.addResponses(
                "NotAcceptable",
                problem("The `Accept` header leaves out `application/json` (or gives it `q=0`), the only type"
                        + " Seams answers with; a `charset` parameter is ignored, JSON is UTF-8 (`not-acceptable`);"
                        + " nothing was done"));
        components.addResponses(
                "UnsupportedMediaType",
                problem("The body is not sent as `application/json` in UTF-8 (`unsupported-media-type`); nothing"
                        + " was done"));
        components.addResponses(
                "ServiceUnavailable",
                problem("Nothing was done: the database or a module this needs is unreachable"
                                + " (`database-unavailable`, `module-unavailable`), or, for a change, Seams is"
                                + " behind with work it accepted (`overloaded`). Retry, after `Retry-After`"
                                + " seconds when given")
                        .addHeaderObject(
                                "Retry-After",
                                new Header()
                                        .description("Seconds to wait before retrying")
                                        .schema(new IntegerSchema())));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().stream()
                .map(PathItem::readOperations)
                .flatMap(List::stream)
                .forEach(ProblemResponses::document);
    }

    private static void document(Operation operation) {
        var responses = operation.getResponses();
        responses.forEach((code, response) -> {
            if (response.get$ref() == null && (code.startsWith("4") || code.startsWith("5"))) {
                responses.put(code, problem(response.getDescription()));
            }
        });
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        var body = operation.getRequestBody() != null;
        if (body || !parameters.isEmpty()) {
            responses.putIfAbsent("400", reference("BadRequest"));
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            responses.putIfAbsent("404", problem("No such resource, or it is not yours to see (`not-found`)"));
        }
        if (body) {
            responses.putIfAbsent("413", reference("ContentTooLarge"));
            responses.putIfAbsent("415", reference("UnsupportedMediaType"));
        }
        responses.putIfAbsent("406", reference("NotAcceptable"));
        responses.putIfAbsent("503", reference("ServiceUnavailable"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("The kind of problem: `urn:seams:problem:<kind>`, or `about:blank` for a plain"
                                + " HTTP error")
                        .example("urn:seams:problem:not-found"));
        properties.put(
                "title",
                new StringSchema()
                        .description("A short summary of the kind of problem")
                        .example("Order not found"));
        properties.put(
                "status",
                new IntegerSchema()
                        .minimum(BigDecimal.valueOf(400))
                        .maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status code, the same as the response's")
                        .example(404));
        properties.put(
                "detail",
                new StringSchema()
                        .description("What went wrong with this request")
                        .example("No Order with id 0a7e2c1d-8f8b-4b7e-9a51-2f0d3c4b5a6e"));
        properties.put(
                "instance", new StringSchema().format("uri-reference").description("The request path, when given"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema().example("lines[0].quantity"))
                                .addProperty(
                                        "message", new StringSchema().example("must be greater than or equal to 1"))
                                .required(List.of("field", "message")))
                        .description("`invalid-request`: each invalid field and what is wrong with it"));
        properties.put(
                "field",
                new StringSchema()
                        .description("`malformed-request`: the field whose value has the wrong type or format"));
        properties.put(
                "retryAfterSeconds",
                new IntegerSchema().description("`overloaded`: the same as the `Retry-After` header"));
        return new ObjectSchema()
                .description("A problem detail (RFC 9457). Some kinds add members of their own, e.g."
                        + " `unknownSkus` for `unknown-sku`")
                .properties(properties)
                .required(List.of("type", "title", "status"))
                .additionalProperties(true);
    }
}
