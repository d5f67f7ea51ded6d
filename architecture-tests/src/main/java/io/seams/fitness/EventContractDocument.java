package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.Externalized;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.JsonNode;

/**
 * Rule 6, published: an AsyncAPI 3.0 document of the events with an external name, generated from
 * the same source of truth as the contract lock ({@link EventContractLock}): the event records
 * found on the class path and the JSON their samples really serialize to. One channel per
 * {@code @Externalized} name (the Kafka topic), one {@code send} operation per channel, and per
 * event a message with its payload's JSON Schema, its Kafka key and the headers the application
 * describes. Descriptions come from the records' Javadoc.
 */
public final class EventContractDocument {

    /** The Kafka bindings' version the document uses. */
    static final String KAFKA_BINDING_VERSION = "0.5.0";

    private static final Pattern KEY_OF_COMPONENT = Pattern.compile("#\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\(\\)\\s*}");

    private EventContractDocument() {}

    /**
     * A record header the document lists.
     *
     * @param name the header's name
     * @param contract whether consumers may rely on it (else: a framework internal that may change)
     * @param required whether every record carries it
     * @param description what it is, for the document
     * @param schema its JSON Schema (of the header's UTF-8 text)
     */
    public record Header(
            String name, boolean contract, boolean required, String description, Map<String, Object> schema) {}

    /**
     * What the classes do not say.
     *
     * @param title the document's title
     * @param version the document's version
     * @param description the document's description (CommonMark)
     * @param serverHost the Kafka bootstrap server, or a {@code {variable}} of it
     * @param serverVariables the server variables, as AsyncAPI server variable objects
     * @param serverDescription what the server entry stands for
     * @param headers the headers every record carries or may carry
     */
    public record Settings(
            String title,
            String version,
            String description,
            String serverHost,
            Map<String, Map<String, Object>> serverVariables,
            String serverDescription,
            List<Header> headers) {}

    /** The AsyncAPI document of the application's externalised events, as ordered maps. */
    public static Map<String, Object> generate(ModularApplication app, Settings settings) {
        var document = new LinkedHashMap<String, Object>();
        document.put("asyncapi", "3.0.0");
        document.put(
                "info",
                map("title", settings.title(), "version", settings.version(), "description", settings.description()));
        document.put("defaultContentType", "application/json");
        var server =
                map("host", settings.serverHost(), "protocol", "kafka", "description", settings.serverDescription());
        if (!settings.serverVariables().isEmpty()) {
            var variables = new TreeMap<String, Object>();
            settings.serverVariables().forEach((name, variable) -> variables.put(name, new TreeMap<>(variable)));
            server.put("variables", variables);
        }
        document.put("servers", map("kafka", server));
        var channels = new LinkedHashMap<String, Object>();
        var operations = new LinkedHashMap<String, Object>();
        var messages = new LinkedHashMap<String, Object>();
        var sources = new SourceDocs(app.mainSources());
        EventContractLock.externalizedEvents(app).forEach((name, type) -> {
            var message = messageOf(name, type, sources);
            if (message == null) {
                return; // Rule 5 reports events that cannot be built or serialized.
            }
            messages.put(name, message);
            channels.put(
                    name,
                    map(
                            "address", EventContractRules.externalNameOf(type).orElse(name),
                            "title", name,
                            "description",
                                    "The topic of %s, version %s of its contract. Every record on it is one %s event."
                                            .formatted(type.getSimpleName(), versionOf(type), type.getSimpleName()),
                            "messages", map(type.getSimpleName(), ref("#/components/messages/" + name)),
                            "bindings", map("kafka", map("bindingVersion", KAFKA_BINDING_VERSION))));
            operations.put(
                    "send-" + name,
                    map(
                            "action",
                            "send",
                            "channel",
                            ref("#/channels/" + name),
                            "summary",
                            "The application sends " + type.getSimpleName() + " events to " + name + ".",
                            "description",
                            sendingDescription(app, type, message),
                            "messages",
                            List.of(ref("#/channels/" + name + "/messages/" + type.getSimpleName()))));
        });
        document.put("channels", channels);
        document.put("operations", operations);
        document.put("components", map("messages", messages, "schemas", map("Headers", headersSchema(settings))));
        return document;
    }

    /** The document as YAML: block style, descriptions with line breaks as literal blocks. */
    public static String yaml(Map<String, Object> document) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(false);
        var representer = new Representer(options) {
            {
                representers.put(
                        String.class,
                        text -> representScalar(
                                Tag.STR,
                                (String) text,
                                ((String) text).contains("\n")
                                        ? DumperOptions.ScalarStyle.LITERAL
                                        : DumperOptions.ScalarStyle.PLAIN));
            }
        };
        return new Yaml(representer, options).dump(document);
    }

    /** A YAML or JSON document read as maps and lists. */
    public static Map<String, Object> read(Path file) {
        try (var reader = Files.newBufferedReader(file)) {
            return new Yaml(new LoaderOptions()).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule: the committed document is the one the events give. */
    public static ArchRule documentMatchesTheEvents(ModularApplication app, Settings settings, Path file) {
        return documentMatchesTheEvents(app, settings, file, EventContractLock.UPDATE_COMMAND);
    }

    /** The rule, its message quoting {@code updateCommand} as the way to regenerate the document. */
    public static ArchRule documentMatchesTheEvents(
            ModularApplication app, Settings settings, Path file, String updateCommand) {
        return all(Items.of("event documents", () -> List.of(file)))
                .should(new ArchCondition<Path>("be generated from the current events") {
                    @Override
                    public void check(Path document, ConditionEvents events) {
                        var expected = yaml(generate(app, settings));
                        var actual = readText(document);
                        if (!expected.equals(actual)) {
                            events.add(violated(
                                    document,
                                    "%s is not the document the events give (%s). Regenerate it with: %s"
                                            .formatted(document, firstDifference(expected, actual), updateCommand)));
                        }
                        var shapes = EventContractLock.currentShapes(app);
                        var messages = objectAt(objectAt(generate(app, settings), "components"), "messages");
                        shapes.forEach((event, shape) -> {
                            var documented = messages.containsKey(event)
                                    ? shapeOf(objectAt(objectAt(messages, event), "payload"))
                                    : Map.of();
                            if (!documented.equals(shape)) {
                                events.add(violated(
                                        document,
                                        "Event %s: the document gives the fields %s, the lock %s"
                                                .formatted(event, documented, shape)));
                            }
                        });
                    }
                })
                .as("The AsyncAPI document describes the events")
                .because("teams outside the application read their Kafka topics with it");
    }

    /** Writes the document the events give. */
    public static void write(ModularApplication app, Settings settings, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, yaml(generate(app, settings)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A schema's fields in the lock's terms ({@code lines[].sku} to {@code string},
     * {@code lines[].quantity} to {@code number:integer}; see {@link #lockTypeOf}): the document
     * and the lock must say the same.
     */
    static Map<String, String> shapeOf(Map<String, Object> schema) {
        var shape = new TreeMap<String, String>();
        flatten("", schema, shape);
        return shape;
    }

    /**
     * Why a JSON value does not match a schema of this document: the types, required properties,
     * closed objects ({@code additionalProperties: false}), formats (date-time, date, uuid), patterns
     * and enums it uses, nothing else. Empty when it matches.
     */
    @SuppressWarnings("unchecked")
    public static List<String> problems(Map<String, Object> schema, JsonNode value, String path) {
        var problems = new ArrayList<String>();
        var type = (String) schema.get("type");
        var typeMatches = switch (type == null ? "any" : type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!typeMatches) {
            problems.add("%s: %s is not of type %s".formatted(path, value, type));
            return problems;
        }
        if (value.isObject()) {
            for (var required : (List<String>) schema.getOrDefault("required", List.of())) {
                if (!value.has(required)) {
                    problems.add("%s: the required property '%s' is missing".formatted(path, required));
                }
            }
            var properties = (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
            properties.forEach((name, property) -> {
                if (value.has(name)) {
                    problems.addAll(problems(property, value.get(name), path + "." + name));
                }
            });
            if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                value.properties().stream()
                        .filter(property -> !properties.containsKey(property.getKey()))
                        .forEach(property -> problems.add(
                                "%s: the property '%s' is not in the schema".formatted(path, property.getKey())));
            } else if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
                value.properties()
                        .forEach(property -> problems.addAll(problems(
                                (Map<String, Object>) additional,
                                property.getValue(),
                                path + "." + property.getKey())));
            }
        } else if (value.isArray()) {
            var items = objectAt(schema, "items");
            for (int i = 0; i < value.size(); i++) {
                problems.addAll(problems(items, value.get(i), path + "[" + i + "]"));
            }
        } else if (value.isString()) {
            formatProblem((String) schema.get("format"), value.asString())
                    .ifPresent(problem -> problems.add(path + ": " + problem));
            if (schema.get("pattern") instanceof String pattern
                    && !Pattern.compile(pattern).matcher(value.asString()).find()) {
                problems.add("%s: '%s' does not match %s".formatted(path, value.asString(), pattern));
            }
        }
        if (schema.get("enum") instanceof List<?> allowed
                && !allowed.contains(value.isString() ? value.asString() : value.toString())) {
            problems.add("%s: %s is not one of %s".formatted(path, value, allowed));
        }
        return problems;
    }

    private static Optional<String> formatProblem(@Nullable String format, String text) {
        try {
            if ("date-time".equals(format)) {
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text);
            } else if ("date".equals(format)) {
                LocalDate.parse(text);
            } else if ("uuid".equals(format)
                    && !UUID.fromString(text).toString().equalsIgnoreCase(text)) {
                return Optional.of("'" + text + "' is not a UUID");
            }
            return Optional.empty();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.of("'" + text + "' is not a " + format);
        }
    }

    /** Who sends the event: its module; and what it says, the message's summary (its Javadoc's first sentence). */
    private static String sendingDescription(ModularApplication app, Class<?> type, Map<String, Object> message) {
        var module = app.moduleOf(type.getPackageName())
                .map(ModularApplication::nameOf)
                .map(name -> "The " + name + " module")
                .orElse("The application");
        var what = String.valueOf(message.get("summary"));
        var sends = module + " sends it, at least once per event.";
        return what.equals(type.getSimpleName()) ? sends : sends + " " + what;
    }

    private static @Nullable Map<String, Object> messageOf(String name, Class<?> type, SourceDocs sources) {
        JsonNode sample;
        try {
            sample = EventContractRules.json().valueToTree(EventSamples.sampleOf(type));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        var docs = sources.of(type);
        var payload = schemaOf(type, sample, docs.summary(), sources);
        var message = map(
                "name",
                type.getSimpleName(),
                "title",
                type.getSimpleName() + " v" + versionOf(type),
                "summary",
                docs.summary().isEmpty() ? type.getSimpleName() : firstSentence(docs.summary()),
                "description",
                ("%s\n\nContract `%s`: version %s of %s. A field may be added within a version;"
                                + " a field is removed, renamed or retyped only under a new version, on a new topic.")
                        .formatted(docs.summary(), name, versionOf(type), type.getSimpleName())
                        .strip(),
                "contentType",
                "application/json",
                "headers",
                ref("#/components/schemas/Headers"),
                "payload",
                payload);
        keyOf(type, payload)
                .ifPresent(key -> message.put(
                        "bindings", map("kafka", map("key", key, "bindingVersion", KAFKA_BINDING_VERSION))));
        message.put("x-seams-contract", name);
        message.put("x-seams-contract-version", versionOf(type));
        message.put(
                "examples",
                List.of(map(
                        "name",
                        "sample",
                        "summary",
                        "Built from sample values of the event's components.",
                        "payload",
                        EventContractRules.json().convertValue(sample, Object.class))));
        return message;
    }

    /** The key's schema: the payload property the {@code @Externalized} key expression names, as text. */
    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> keyOf(Class<?> type, Map<String, Object> payload) {
        var target = type.getAnnotation(Externalized.class).value().split("::", 2);
        if (target.length < 2 || target[1].isBlank()) {
            return Optional.empty();
        }
        var matcher = KEY_OF_COMPONENT.matcher(target[1].strip());
        var properties = objectAt(payload, "properties");
        var property = matcher.matches() ? objectAt(properties, matcher.group(1)) : Map.<String, Object>of();
        if ("string".equals(property.get("type"))) {
            var key = new LinkedHashMap<String, Object>(property);
            key.put(
                    "description",
                    "The event's `%s`, as UTF-8 text: every event of one %s goes to the same partition, in order."
                            .formatted(matcher.group(1), matcher.group(1).replaceAll("Id$", "")));
            return Optional.of(key);
        }
        return Optional.of(
                map("type", "string", "description", "The value of `" + target[1].strip() + "`, as UTF-8 text."));
    }

    private static Map<String, Object> headersSchema(Settings settings) {
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        for (var header : settings.headers()) {
            var schema = new TreeMap<String, Object>(header.schema());
            schema.put(
                    "description",
                    (header.contract()
                                    ? "**Contract.** "
                                    : "**Framework internal**: not part of the contract, may change or disappear in any release. ")
                            + header.description());
            properties.put(header.name(), schema);
            if (header.required()) {
                required.add(header.name());
            }
        }
        var schema = map(
                "type",
                "object",
                "description",
                "The record headers, each as UTF-8 text. Only those marked **Contract** are Seams' contract;"
                        + " a consumer must ignore headers it does not know.",
                "properties",
                properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    /** A JSON Schema for a Java type, guided by the JSON its sample really serialized to. */
    private static Map<String, Object> schemaOf(Type type, JsonNode json, String description, SourceDocs sources) {
        Map<String, Object> schema;
        if (type instanceof ParameterizedType parameterized) {
            var raw = (Class<?>) parameterized.getRawType();
            var arguments = parameterized.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                var value = json.properties().iterator().next().getValue();
                schema = map("type", "object", "additionalProperties", schemaOf(arguments[1], value, "", sources));
            } else {
                schema = map("type", "array", "items", schemaOf(arguments[0], json.get(0), "", sources));
                if (Set.class.isAssignableFrom(raw)) {
                    schema.put("uniqueItems", true);
                }
            }
        } else {
            var plain = (Class<?>) type;
            if (plain.isRecord() && json.isObject()) {
                schema = objectSchema(plain, json, sources);
                if (description.isEmpty()) {
                    description = sources.of(plain).summary();
                }
            } else if (plain.isRecord() && plain.getRecordComponents().length == 1) {
                // A value object written as its one value (an id, a SKU).
                var component = plain.getRecordComponents()[0];
                schema = schemaOf(component.getGenericType(), json, "", sources);
            } else {
                schema = leafSchema(plain, json);
            }
        }
        if (!description.isEmpty()) {
            var described = map("description", description);
            described.putAll(schema);
            return described;
        }
        return schema;
    }

    private static Map<String, Object> objectSchema(Class<?> record, JsonNode json, SourceDocs sources) {
        var docs = sources.of(record);
        var components = new LinkedHashMap<String, RecordComponent>();
        Arrays.stream(record.getRecordComponents())
                .forEach(component -> components.put(component.getName(), component));
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        json.properties().forEach(property -> {
            var component = components.get(property.getKey());
            var description = docs.params().getOrDefault(property.getKey(), "");
            properties.put(
                    property.getKey(),
                    component == null
                            ? leafSchema(Object.class, property.getValue())
                            : schemaOf(component.getGenericType(), property.getValue(), description, sources));
            required.add(property.getKey());
        });
        return map("type", "object", "properties", properties, "required", required);
    }

    private static Map<String, Object> leafSchema(Class<?> type, JsonNode json) {
        var schema = new LinkedHashMap<String, Object>();
        switch (json.getNodeType()) {
            case STRING -> {
                schema.put("type", "string");
                if (type == Instant.class || type == OffsetDateTime.class) {
                    schema.put("format", "date-time");
                } else if (type == LocalDate.class) {
                    schema.put("format", "date");
                } else if (type == UUID.class) {
                    schema.put("format", "uuid");
                } else if (type.isEnum()) {
                    schema.put(
                            "enum",
                            Arrays.stream(type.getEnumConstants())
                                    .map(constant -> EventContractRules.json()
                                            .valueToTree(constant)
                                            .asString())
                                    .toList());
                }
            }
            case NUMBER ->
                schema.put(
                        "type",
                        INTEGRAL_TYPES.contains(type) || (!DECIMAL_TYPES.contains(type) && json.isIntegralNumber())
                                ? "integer"
                                : "number");
            case BOOLEAN -> schema.put("type", "boolean");
            case OBJECT -> {
                // A property no record component explains (a Jackson getter, a renamed property): its JSON.
                var properties = new LinkedHashMap<String, Object>();
                json.properties()
                        .forEach(property ->
                                properties.put(property.getKey(), leafSchema(Object.class, property.getValue())));
                schema.put("type", "object");
                schema.put("properties", properties);
            }
            case ARRAY -> {
                schema.put("type", "array");
                schema.put("items", json.isEmpty() ? Map.of() : leafSchema(Object.class, json.get(0)));
            }
            default -> schema.put("type", json.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return schema;
    }

    /** Java types whose values are written as JSON integers, whatever the sample. */
    private static final Set<Class<?>> INTEGRAL_TYPES = Set.of(
            int.class,
            Integer.class,
            long.class,
            Long.class,
            short.class,
            Short.class,
            byte.class,
            Byte.class,
            java.math.BigInteger.class);

    /** Java types whose values are written as JSON numbers that may have a fraction, whatever the sample. */
    private static final Set<Class<?>> DECIMAL_TYPES =
            Set.of(double.class, Double.class, float.class, Float.class, java.math.BigDecimal.class);

    /**
     * A leaf's type in the lock's terms, from its schema: the JSON kind, refined by what the
     * schema says of its values, so that a change of the Java type behind the same JSON kind is
     * seen. {@code string} for free text, {@code string:<format>} for a string with a JSON Schema
     * format ({@code string:uuid}, {@code string:date-time}, {@code string:date}),
     * {@code string:enum[A,B]} for one of the listed (sorted) constants, {@code number:integer} and
     * {@code number:decimal} for numbers, {@code boolean}; {@code unknown} for an array's items when
     * the sample had none.
     */
    static String lockTypeOf(Map<String, Object> schema) {
        var type = schema.get("type");
        if (type == null) {
            return "unknown";
        }
        return switch (String.valueOf(type)) {
            case "string" -> {
                if (schema.get("format") instanceof String format) {
                    yield "string:" + format;
                }
                if (schema.get("enum") instanceof List<?> constants) {
                    yield constants.stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(java.util.stream.Collectors.joining(",", "string:enum[", "]"));
                }
                yield "string";
            }
            case "integer" -> "number:integer";
            case "number" -> "number:decimal";
            default -> String.valueOf(type);
        };
    }

    /**
     * The JSON Schema of an event's payload, without descriptions: what the lock is taken from
     * ({@link EventContractLock}), so that the lock and this document never map a Java type twice.
     */
    static Map<String, Object> payloadSchemaOf(Class<?> type, JsonNode sample) {
        return schemaOf(type, sample, "", new SourceDocs(null));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String path, Map<String, Object> schema, Map<String, String> shape) {
        switch (String.valueOf(schema.get("type"))) {
            case "object" -> {
                if (schema.get("properties") instanceof Map<?, ?> properties) {
                    ((Map<String, Map<String, Object>>) properties)
                            .forEach((name, property) ->
                                    flatten(path.isEmpty() ? name : path + "." + name, property, shape));
                } else {
                    flatten(path + ".key", objectAt(schema, "additionalProperties"), shape);
                }
            }
            case "array" -> flatten(path + "[]", objectAt(schema, "items"), shape);
            default -> shape.put(path, lockTypeOf(schema));
        }
    }

    private static String versionOf(Class<?> type) {
        return EventContractRules.versionOf(type).orElse("?");
    }

    private static String firstSentence(String text) {
        var end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static Map<String, Object> ref(String pointer) {
        return map("$ref", pointer);
    }

    /** The object under the key, in a JSON document read as maps; empty when there is none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectAt(Map<String, Object> object, String key) {
        return object.get(key) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String readText(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(String expected, String actual) {
        if (actual.isEmpty()) {
            return "there is none";
        }
        var wanted = expected.lines().toList();
        var found = actual.lines().toList();
        for (int i = 0; i < Math.max(wanted.size(), found.size()); i++) {
            var line = i < wanted.size() ? wanted.get(i) : "<end>";
            var was = i < found.size() ? found.get(i) : "<end>";
            if (!line.equals(was)) {
                return "line %d is '%s', the events give '%s'".formatted(i + 1, was.strip(), line.strip());
            }
        }
        return "they differ in line endings";
    }

    /**
     * The Javadoc of a record: its text up to the first tag, and its {@code @param}s, with inline
     * tags reduced to their text. Empty when its source is not under the given folder.
     */
    private record SourceDocs(@Nullable Path root) {

        private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}");
        private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=@\\w+|$)", Pattern.DOTALL);

        record Docs(String summary, Map<String, String> params) {}

        Docs of(Class<?> type) {
            if (root == null) {
                return new Docs("", Map.of());
            }
            var topLevel = type;
            while (topLevel.getEnclosingClass() != null) {
                topLevel = topLevel.getEnclosingClass();
            }
            var file = root.resolve(topLevel.getName().replace('.', '/') + ".java");
            if (!Files.exists(file)) {
                return new Docs("", Map.of());
            }
            var source = readText(file);
            var declaration = Pattern.compile(
                            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\((?:\"[^\"]*\"|[^)\"])*\\))?\\s*)*public\\s+record\\s+"
                                    + type.getSimpleName() + "\\b",
                            Pattern.DOTALL)
                    .matcher(source);
            if (!declaration.find()) {
                return new Docs("", Map.of());
            }
            var text = Arrays.stream(declaration.group(1).split("\n"))
                    .map(line -> line.strip().replaceFirst("^\\*\\s?", ""))
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("");
            text = INLINE_TAG.matcher(text).replaceAll("`$1`");
            var tags = text.indexOf("\n@");
            var summary = clean(tags < 0 ? text : text.substring(0, tags));
            var params = new LinkedHashMap<String, String>();
            if (tags >= 0) {
                var matcher = PARAM.matcher(text.substring(tags));
                while (matcher.find()) {
                    params.put(matcher.group(1), clean(matcher.group(2)));
                }
            }
            return new Docs(summary, params);
        }

        private static String clean(String text) {
            var cleaned = text.replaceAll("<p>", "\n\n").replaceAll("</?[a-z]+>", "");
            return Arrays.stream(cleaned.split("\n\\s*\n"))
                    .map(paragraph -> paragraph.strip().replaceAll("\\s+", " "))
                    .filter(paragraph -> !paragraph.isEmpty())
                    .reduce((a, b) -> a + "\n\n" + b)
                    .orElse("");
        }
    }
}
