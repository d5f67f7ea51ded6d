package io.seams.shop.platform.adapters.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Malformed and random requests, drawn from a seed: the same seed and index give the same request,
 * so a failure found once is replayed with {@code -Dseams.bad-input.seed=...}. Broken and deeply
 * nested JSON, wrong types, huge numbers and payloads, odd Unicode, wrong content types, odd path
 * variables, every kind of caller.
 */
final class BadRequests {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of(
            "lines",
            "sku",
            "quantity",
            "name",
            "email",
            "address",
            "street",
            "city",
            "postalCode",
            "country",
            "carrier",
            "trackingNumber",
            "reason",
            "status",
            "id",
            "customerId",
            "orderId",
            "currency",
            "amount");
    private static final List<String> ODD_PATH_VALUES =
            List.of("not-an-id", "..", "%00", "0", "-1", "99999999999999999999999999", "null", "\u202eevil");
    private static final List<String> OTHER_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=ISO-8859-1",
            "application/octet-stream",
            "application/merge-patch+json",
            "nonsense",
            ";;;");
    /** Strings a careless API trips over: control characters, NUL, surrogates, RTL overrides, long runs. */
    private static final List<String> ODD_STRINGS = List.of(
            "",
            "\u0000",
            "a\u0000b",
            "\uD800",
            "\uDFFF\uD800",
            "\u202Eadmin",
            "e\u0301\u0301\u0301",
            "👩‍👩‍👧‍👦",
            "\uFEFF",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "NOTEBOOK-A5",
            "x".repeat(10_000));

    record Endpoint(String method, String pattern) {}

    record Attempt(
            long index,
            Endpoint endpoint,
            List<String> pathValues,
            String caller,
            Optional<String> contentType,
            byte[] body) {

        @Override
        public String toString() {
            var shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "#" + index + " " + endpoint.method() + " " + path() + " as " + caller + " ("
                    + contentType.orElse("no content type") + ", " + body.length + " bytes): " + shown;
        }

        String path() {
            var matcher = PATH_VARIABLE.matcher(endpoint.pattern());
            var path = new StringBuilder();
            int value = 0;
            while (matcher.find()) {
                matcher.appendReplacement(path, "");
                path.append(URLEncoder.encode(pathValues.get(value++ % pathValues.size()), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
            matcher.appendTail(path);
            return path.toString();
        }
    }

    private final long seed;
    private final List<Endpoint> endpoints;
    private final List<String> callers;

    BadRequests(long seed, List<Endpoint> endpoints, List<String> callers) {
        this.seed = seed;
        this.endpoints = List.copyOf(endpoints);
        this.callers = List.copyOf(callers);
    }

    /** The {@code index}-th request of this seed: independent of every other index. */
    Attempt attempt(long index) {
        var random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        var pathValues = new ArrayList<String>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            pathValues.add(pathValue(random));
        }
        return new Attempt(
                index, pick(random, endpoints), pathValues, pick(random, callers), contentType(random), body(random));
    }

    private static String pathValue(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
            case 1 -> pick(random, ODD_PATH_VALUES);
            default -> nonEmpty(oddString(random));
        };
    }

    private static String nonEmpty(String value) {
        return value.isEmpty() ? "x" : value;
    }

    /** JSON six times in ten, another content type three times, none once. */
    private static Optional<String> contentType(SplittableRandom random) {
        var roll = random.nextInt(10);
        if (roll < 6) {
            return Optional.of("application/json");
        }
        return roll < 9 ? Optional.of(pick(random, OTHER_CONTENT_TYPES)) : Optional.empty();
    }

    private static byte[] body(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> write(jsonValue(random, 4));
            case 1 -> mangle(random, write(jsonValue(random, 3)));
            case 2 -> deeplyNested(50 + random.nextInt(20_000 - 50));
            case 3 -> huge(60_000 + random.nextInt(200_000 - 60_000));
            case 4 -> {
                var bytes = new byte[random.nextInt(201)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                yield bytes;
            }
            default -> new byte[0];
        };
    }

    private static Object jsonValue(SplittableRandom random, int depth) {
        var roll = depth == 0 ? 0 : random.nextInt(9);
        if (roll < 3) {
            return scalar(random);
        }
        if (roll < 5) {
            return repeat(random, 4, () -> jsonValue(random, depth - 1));
        }
        var object = new LinkedHashMap<String, Object>();
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            object.put(random.nextBoolean() ? pick(random, FIELDS) : oddString(random), jsonValue(random, depth - 1));
        }
        return object;
    }

    private static Object scalar(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> oddString(random);
            case 1 -> random.nextInt();
            case 2 ->
                new BigInteger(1 + random.nextInt(1330), new java.util.Random(random.nextLong()))
                        .subtract(BigInteger.TEN.pow(30));
            case 3 ->
                pick(
                        random,
                        List.of(new BigDecimal("1e400"), new BigDecimal("-0.000000000000000000001"), BigDecimal.ZERO));
            case 4 -> random.nextBoolean();
            default -> null;
        };
    }

    /** Half the time a listed odd string, else up to 40 characters from anywhere in Unicode's range. */
    private static String oddString(SplittableRandom random) {
        if (random.nextBoolean()) {
            return pick(random, ODD_STRINGS);
        }
        var text = new StringBuilder();
        for (int i = 0, n = random.nextInt(41); i < n; i++) {
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    /** Well-formed JSON broken somewhere: cut short, a byte changed, a brace lost. */
    private static byte[] mangle(SplittableRandom random, byte[] json) {
        var character = (byte) "{\",\\".charAt(random.nextInt(4));
        if (json.length == 0) {
            return new byte[] {character};
        }
        var at = random.nextInt(1001);
        var broken = json.clone();
        broken[at % broken.length] = character;
        return Arrays.copyOf(broken, Math.max(1, broken.length - at % 3));
    }

    private static byte[] deeplyNested(int depth) {
        return ("{\"lines\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] huge(int size) {
        return ("{\"lines\":[{\"sku\":\"" + "A".repeat(size) + "\",\"quantity\":1}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> repeat(SplittableRandom random, int most, Supplier<Object> value) {
        var values = new ArrayList<>();
        for (int i = 0, n = random.nextInt(most + 1); i < n; i++) {
            values.add(value.get());
        }
        return values;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
