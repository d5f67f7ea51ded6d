package io.seams.shop.platform.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.EventContractDocument;
import io.seams.shop.Shop;
import io.seams.shop.testing.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description is a contract: the committed {@code docs/api/openapi.json} is exactly what
 * Seams serves at {@code /v3/api-docs}, so a change to the API shows in review as a change to that
 * file. {@code -Dseams.openapi.write=true} writes the served description to the file instead of
 * failing (docs/api/README.md).
 */
@Tag("ex-10")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ApiDescriptionTests {

    static final Path COMMITTED = Path.of("docs/api/openapi.json");
    static final String REGENERATE =
            "./mvnw test -Dtest=ApiDescriptionTests -Dseams.openapi.write=true (then review and commit the diff)";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Test
    void theCommittedDescriptionIsWhatSeamsServes() throws IOException {
        var served = served().replace("\r\n", "\n").strip() + "\n";
        if (Boolean.getBoolean("seams.openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED)
                .as("%s is missing; write it with %s", COMMITTED, REGENERATE)
                .exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as(
                        "%s is not what Seams serves at /v3/api-docs; if the API change is intended, regenerate it: %s",
                        COMMITTED, REGENERATE)
                .isEqualTo(served);
    }

    @Test
    void everyOperationIsNamedDescribedSecuredAndDocumentsItsProblems() {
        var api = JsonMapper.builder().build().readTree(served());
        assertThat(api.path("info").path("title").asString()).isEqualTo("Seams");
        assertThat(api.path("paths").has("/error"))
                .as("framework endpoints are hidden")
                .isFalse();

        var wrong = new ArrayList<String>();
        for (var path : api.path("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                var operation = entry.getValue();
                var name = entry.getKey().toUpperCase() + " " + path.getKey();
                if (operation.path("summary").asString().isBlank()) {
                    wrong.add(name + ": no summary");
                }
                if (operation.path("description").asString().isBlank()) {
                    wrong.add(name + ": no description (who may call it, how it behaves on repeat)");
                }
                if (operation.path("operationId").asString().isBlank()) {
                    wrong.add(name + ": no operationId");
                }
                var publicRead = name.startsWith("GET /api/catalog/");
                if (!operation.has("security")) {
                    wrong.add(name + ": says nothing about security");
                } else if (operation.path("security").isEmpty() != publicRead) {
                    wrong.add(name + (publicRead ? ": public, yet needs a token" : ": needs no token"));
                }
                var problems = new java.util.HashSet<>(
                        publicRead ? Set.of("401", "406", "503") : Set.of("401", "403", "406", "503"));
                if (operation.has("requestBody")) {
                    problems.addAll(Set.of("400", "413", "415"));
                }
                for (var status : problems) {
                    if (!operation.path("responses").has(status)) {
                        wrong.add(name + ": no " + status);
                    }
                }
                for (var response : operation.path("responses").properties()) {
                    if (response.getKey().matches("[45]..") && !isProblem(api, response.getValue())) {
                        wrong.add(name + ": " + response.getKey() + " is not a problem");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * What a client generated from the description expects is what it gets: real answers of every
     * read, in the states that fill their optional fields and in those that leave them out, have
     * every property the description requires, of the type it names, no property it does not name,
     * and no {@code null}.
     */
    @Test
    void answersHaveTheShapeTheDescriptionGives(@Autowired ApplicationContext context) {
        var api = JSON.readTree(served());
        var shop = Shop.monolith(http, context);
        var operator = Tokens.as(http, context, "olivia");
        var mugs = "{\"lines\":[{\"sku\":\"MUG-CLASSIC\",\"quantity\":1}],\"paymentToken\":\"%s\"}";
        var shipped = shop.place(mugs.formatted("tok_visa"));
        var declined = shop.place(mugs.formatted("tok_decline"));
        var shipment = shop.awaitShipment(shipped);
        shop.dispatch(shipment);
        shop.awaitStatus(declined, "CANCELLED");
        var ada = "/api/customers/" + CUSTOMER_ADA;

        var answers = new ArrayList<Answer>();
        answers.add(new Answer("/api/catalog/products", read(http, "/api/catalog/products")));
        for (var order : List.of(shipped, declined)) {
            answers.add(new Answer("/api/orders/{id}", read(shop.http(), order.getPath())));
            answers.add(new Answer("/api/orders/{id}/timeline", read(shop.http(), order.getPath() + "/timeline")));
            answers.add(new Answer("/api/audit", read(operator, "/api/audit?orderId=" + shop.idOf(order))));
        }
        answers.add(new Answer("/api/shipments", read(shop.staff(), "/api/shipments?orderId=" + shop.idOf(shipped))));
        answers.add(new Answer("/api/shipments/{id}", read(shop.staff(), "/api/shipments/" + shipment)));
        answers.add(new Answer("/api/inventory/{sku}", read(shop.staff(), "/api/inventory/MUG-CLASSIC")));
        answers.add(new Answer("/api/customers/{id}", read(shop.http(), ada)));
        answers.add(new Answer("/api/audit", read(operator, "/api/audit?customerId=" + CUSTOMER_ADA)));
        answers.add(
                new Answer("/api/operations/event-publications", read(operator, "/api/operations/event-publications")));

        var wrong = new ArrayList<String>();
        for (var answer : answers) {
            var schema = api.at("/paths/" + answer.path().replace("~", "~0").replace("/", "~1")
                    + "/get/responses/200/content/application~1json/schema");
            assertThat(schema.isMissingNode())
                    .as("GET %s documents its 200", answer.path())
                    .isFalse();
            wrong.addAll(EventContractDocument.problems(resolved(api, schema), answer.body(), answer.path()));
        }
        assertThat(wrong).isEmpty();
        assertThat(answers.stream().map(Answer::body).map(JsonNode::toString))
                .as("the states that fill the optional properties were reached")
                .anyMatch(body -> body.contains("\"cancellationReason\""))
                .anyMatch(body -> body.contains("\"trackingNumber\""))
                .anyMatch(body -> body.contains("\"detail\""))
                .anyMatch(body -> body.contains("\"orderId\":\"" + shop.idOf(shipped)));
        shop.awaitSettled();
    }

    static final String CUSTOMER_ADA = "c0ffee00-0000-4000-8000-000000000001";

    /** An answer to {@code GET path}. */
    private record Answer(String path, JsonNode body) {}

    private static JsonNode read(RestTestClient client, String uri) {
        return JSON.readTree(body(client, uri));
    }

    private static String body(RestTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * A schema of the description with every {@code $ref} replaced by what it names, and every object
     * closed ({@code additionalProperties: false}): a field of an answer that the description does
     * not name is a difference too.
     */
    private static Map<String, Object> resolved(JsonNode api, JsonNode schema) {
        if (schema.has("$ref")) {
            return resolved(api, api.at(schema.path("$ref").asString().substring(1)));
        }
        var resolved = new LinkedHashMap<String, Object>();
        for (var field : schema.properties()) {
            var value = field.getValue();
            switch (field.getKey()) {
                case "items" -> resolved.put("items", resolved(api, value));
                case "properties" -> {
                    var properties = new LinkedHashMap<String, Object>();
                    value.properties()
                            .forEach(property -> properties.put(property.getKey(), resolved(api, property.getValue())));
                    resolved.put("properties", properties);
                }
                default -> resolved.put(field.getKey(), JSON.treeToValue(value, Object.class));
            }
        }
        if ("object".equals(resolved.get("type"))) {
            resolved.put("additionalProperties", false);
        }
        return resolved;
    }

    /** Swagger UI's Authorize asks for a token this way: client id and secret as Basic, an empty scope. */
    @Test
    void theTokenEndpointTakesTheRequestSwaggerUiSends(@Autowired Environment environment) {
        var secret = Tokens.secretIn(
                Path.of(environment.getRequiredProperty(
                        "seams.security.embedded-authorization-server.accounts-directory")),
                "ada");
        var basic = Base64.getEncoder().encodeToString(("ada:" + secret).getBytes(StandardCharsets.UTF_8));
        var tokenUrl = JsonMapper.builder()
                .build()
                .readTree(served())
                .at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl")
                .asString();

        http.post()
                .uri(tokenUrl)
                .header("Authorization", "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials&scope=")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.access_token")
                .exists();
    }

    private String served() {
        return body(http, "/v3/api-docs");
    }

    private static boolean isProblem(JsonNode api, JsonNode response) {
        if (response.has("$ref")) {
            response = api.at(response.path("$ref").asString().substring(1));
        }
        return response.at("/content/application~1problem+json/schema/$ref")
                .asString()
                .equals(ProblemResponses.SCHEMA);
    }
}
