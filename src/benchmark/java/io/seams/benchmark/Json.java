package io.seams.benchmark;

import java.util.Collection;
import java.util.Map;

/** The few JSON shapes the results need (maps, lists, strings, numbers, booleans), written by hand, indented. */
final class Json {

    private Json() {}

    static String write(Object value) {
        var out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            var first = true;
            for (var entry : map.entrySet()) {
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                out.append(indent).append("  ");
                string(String.valueOf(entry.getKey()), out);
                out.append(": ");
                write(entry.getValue(), out, indent + "  ");
            }
            out.append('\n').append(indent).append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            var first = true;
            for (var item : list) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                write(item, out, indent);
            }
            out.append(']');
        } else if (value instanceof Double number) {
            out.append(
                    number.isNaN() || number.isInfinite()
                            ? "null"
                            : String.valueOf(Math.round(number * 1000) / 1000.0));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
