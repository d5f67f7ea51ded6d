package io.seams.fitness;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The string constants of a compiled class: every literal of its source, and what the compiler
 * folded from constants, wherever they were declared. {@code "SELECT id FROM " + Schemas.BILLING +
 * ".invoice"} is one constant in the class that writes it, though no file holds that text. Read
 * from the class file's constant pool, since ArchUnit does not keep string constants.
 */
final class CompiledStrings {

    private static final int MAGIC = 0xCAFEBABE;

    private CompiledStrings() {}

    /** The class's string constants, in constant pool order; none when its class file cannot be found. */
    static List<String> of(JavaClass type) {
        var source = type.getSource();
        if (source.isEmpty()) {
            return List.of();
        }
        try (var in = new DataInputStream(
                new BufferedInputStream(source.get().getUri().toURL().openStream()))) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class file of " + type.getName(), e);
        }
    }

    private static List<String> read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            return List.of();
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        var utf8 = new String[count];
        var strings = new ArrayList<Integer>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[index] = in.readUTF(); // the class file's modified UTF-8
                case 8 -> strings.add(in.readUnsignedShort()); // a String: the index of its text
                case 7, 16, 19, 20 -> in.skipNBytes(2); // Class, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // numbers, references, (invoke) dynamic
                case 5, 6 -> {
                    in.skipNBytes(8); // Long and Double take two entries
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + index);
            }
        }
        return strings.stream().map(index -> utf8[index]).toList();
    }

    /** A string that names an SQL file: {@code "queries/report.sql"}, {@code "classpath:/sql/report.sql"}. */
    private static final java.util.regex.Pattern SQL_RESOURCE =
            java.util.regex.Pattern.compile("(?:classpath\\*?:)?/?[\\w./-]+\\.sql");

    /**
     * The SQL files on the class path that the class names in its string constants, by the name
     * it uses: what it loads and runs, though no Java string holds that SQL. A name is looked up
     * from the class path's root, then beside the class.
     */
    static java.util.Map<String, String> sqlResourcesNamedBy(JavaClass type) {
        var found = new java.util.TreeMap<String, String>();
        var names = new java.util.ArrayList<>(of(type));
        names.addAll(annotationValues(type));
        for (var constant : names) {
            if (!SQL_RESOURCE.matcher(constant).matches()) {
                continue;
            }
            var name = constant.replaceFirst("^classpath\\*?:", "");
            var loaded = type.reflect();
            var resource = loaded.getClassLoader() == null
                    ? null
                    : loaded.getClassLoader().getResource(name.replaceFirst("^/", ""));
            if (resource == null) {
                resource = loaded.getResource(name);
            }
            if (resource == null) {
                continue;
            }
            try (var in = resource.openStream()) {
                found.put(constant, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return found;
    }

    /**
     * The string values of the annotations on the class, its members and their parameters: {@code
     * @Value("classpath:sql/report.sql") Resource report} names a file as a constant does.
     */
    private static List<String> annotationValues(JavaClass type) {
        var values = new ArrayList<String>();
        annotationsOn(type)
                .forEach(annotation ->
                        annotation.getProperties().values().forEach(value -> values.addAll(strings(value))));
        return values;
    }

    /** The annotations on the class, its members and their parameters. */
    static List<com.tngtech.archunit.core.domain.JavaAnnotation<?>> annotationsOn(JavaClass type) {
        var annotations = new ArrayList<com.tngtech.archunit.core.domain.JavaAnnotation<?>>(type.getAnnotations());
        type.getMembers().forEach(member -> annotations.addAll(member.getAnnotations()));
        type.getCodeUnits()
                .forEach(unit ->
                        unit.getParameters().forEach(parameter -> annotations.addAll(parameter.getAnnotations())));
        return annotations;
    }

    /** The strings an annotation property holds: its text, or the texts of its array. */
    static List<String> strings(Object value) {
        if (value instanceof String text) {
            return List.of(text);
        } else if (value instanceof Object[] array) {
            return java.util.Arrays.stream(array)
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return List.of();
    }
}
