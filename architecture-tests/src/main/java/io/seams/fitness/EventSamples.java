package io.seams.fitness;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds an example of an event record from its components alone, so that contracts can be
 * checked for every event found on the class path without anybody keeping a list of examples.
 * Only JSON-friendly types can be built; anything else is reported as not JSON-friendly.
 */
final class EventSamples {

    static final List<Class<?>> LEAF_TYPES = List.of(
            String.class,
            UUID.class,
            Instant.class,
            LocalDate.class,
            OffsetDateTime.class,
            BigDecimal.class,
            BigInteger.class,
            Currency.class,
            Boolean.class,
            Integer.class,
            Long.class,
            Short.class,
            Double.class,
            boolean.class,
            int.class,
            long.class,
            short.class,
            double.class);

    private EventSamples() {}

    /** Whether a value of this type reads and writes as plain JSON: leaves, enums, records and collections of them. */
    static boolean isJsonFriendly(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            var raw = (Class<?>) parameterized.getRawType();
            var arguments = parameterized.getActualTypeArguments();
            if (raw == List.class || raw == Set.class) {
                return isJsonFriendly(arguments[0]);
            }
            if (raw == Map.class) {
                return arguments[0] == String.class && isJsonFriendly(arguments[1]);
            }
            return false;
        }
        if (type instanceof Class<?> plain) {
            if (LEAF_TYPES.contains(plain) || plain.isEnum()) {
                return true;
            }
            return plain.isRecord()
                    && Arrays.stream(plain.getRecordComponents())
                            .allMatch(component -> isJsonFriendly(component.getGenericType()));
        }
        return false;
    }

    /** An instance of the record built from sample values of its components. */
    static Object sampleOf(Class<?> record) throws ReflectiveOperationException {
        var components = record.getRecordComponents();
        var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        var values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = sampleValue(components[i].getGenericType());
        }
        var constructor = record.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    /**
     * The record components that keep the very collection or map the constructor was given, or a
     * view of it: the record is built from sample values, its collections and maps in mutable
     * containers; then each container is cleared, as a caller may change its list after publishing,
     * and each component whose content changed with it did not copy it
     * ({@code Collections.unmodifiableList} is such a view; {@code List.copyOf} is a copy). Empty
     * when the record cannot be built from samples.
     */
    static java.util.Optional<List<String>> keptCollections(Class<?> record) {
        try {
            var components = record.getRecordComponents();
            var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            var values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                var sample = sampleValue(components[i].getGenericType());
                values[i] = sample instanceof Map<?, ?> map
                        ? new java.util.HashMap<>(map)
                        : sample instanceof Set<?> set
                                ? new java.util.HashSet<>(set)
                                : sample instanceof java.util.Collection<?> list
                                        ? new java.util.ArrayList<>(list)
                                        : sample;
            }
            var constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            var built = constructor.newInstance(values);
            var kept = new java.util.ArrayList<String>();
            for (int i = 0; i < components.length; i++) {
                if ((values[i] instanceof Map || values[i] instanceof java.util.Collection)) {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    var before = contentOf(accessor.invoke(built));
                    // The caller changes its container after the event was built: a component that
                    // kept it, or keeps a view of it (Collections.unmodifiableList), changes too.
                    if (values[i] instanceof Map<?, ?> map) {
                        map.clear();
                    } else {
                        ((java.util.Collection<?>) values[i]).clear();
                    }
                    if (!before.equals(contentOf(accessor.invoke(built)))) {
                        kept.add(components[i].getName());
                    }
                }
            }
            return java.util.Optional.of(kept);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** A copy of what a collection or map holds, to compare with what it holds later. */
    private static Object contentOf(Object container) {
        return container instanceof Map<?, ?> map
                ? new java.util.HashMap<>(map)
                : new java.util.ArrayList<>((java.util.Collection<?>) container);
    }

    private static Object sampleValue(Type type) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType parameterized) {
            var raw = (Class<?>) parameterized.getRawType();
            var arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return List.of(sampleValue(arguments[0]));
            }
            if (raw == Set.class) {
                return Set.of(sampleValue(arguments[0]));
            }
            if (raw == Map.class) {
                return Map.of("key", sampleValue(arguments[1]));
            }
        }
        var plain = (Class<?>) type;
        if (plain == String.class) {
            return "SAMPLE-1";
        } else if (plain == UUID.class) {
            return UUID.fromString("00000000-0000-4000-8000-000000000001");
        } else if (plain == Instant.class) {
            return Instant.parse("2026-01-02T03:04:05.123456Z");
        } else if (plain == LocalDate.class) {
            return LocalDate.parse("2026-01-02");
        } else if (plain == OffsetDateTime.class) {
            return OffsetDateTime.parse("2026-01-02T03:04:05Z");
        } else if (plain == BigDecimal.class) {
            return new BigDecimal("12.50");
        } else if (plain == BigInteger.class) {
            return BigInteger.TEN;
        } else if (plain == Currency.class) {
            return Currency.getInstance("EUR");
        } else if (plain == boolean.class || plain == Boolean.class) {
            return true;
        } else if (plain == int.class || plain == Integer.class) {
            return 2;
        } else if (plain == long.class || plain == Long.class) {
            return 3L;
        } else if (plain == short.class || plain == Short.class) {
            return (short) 4;
        } else if (plain == double.class || plain == Double.class) {
            return 0.5d;
        } else if (plain.isEnum()) {
            return plain.getEnumConstants()[0];
        } else if (plain.isRecord()) {
            return sampleOf(plain);
        }
        throw new IllegalArgumentException("No sample for " + type.getTypeName());
    }
}
