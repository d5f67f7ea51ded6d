package io.seams.fitness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catch clauses of a Java source file that catch every failure ({@code Exception},
 * {@code RuntimeException}, {@code Throwable}) and throw nothing: where a failure disappears, unless
 * the handler returns an answer that says so. The
 * class file says where a try block is and what it catches, not what its handler does; the source
 * does.
 */
final class CaughtFailures {

    /** What catches every failure, by simple or qualified name. */
    static final Set<String> BROAD = Set.of(
            "Exception",
            "java.lang.Exception",
            "RuntimeException",
            "java.lang.RuntimeException",
            "Throwable",
            "java.lang.Throwable");

    private static final Pattern CATCH =
            Pattern.compile("\\Gcatch\\s*\\(\\s*(?:final\\s+)?([\\w.$|\\s]+?)\\s+\\w+\\s*\\)\\s*");

    private static final Pattern THROW = Pattern.compile("\\bthrow\\b");

    private static final Pattern TRY = Pattern.compile("\\btry\\b");

    /** A value returned ({@code return x;}, not a bare {@code return;}). */
    private static final Pattern RETURN = Pattern.compile("\\breturn\\s*[^;\\s]");

    /** An assignment ({@code answer = ...}, {@code this.answer = ...}), by the name assigned. */
    private static final Pattern ASSIGNMENT = Pattern.compile("\\b(\\w+)\\s*=(?!=)");

    /** A local variable declared with a value: {@code var text = ...}, {@code String text = ...}. */
    private static final Pattern LOCAL = Pattern.compile(
            "(?:\\bvar|\\b[A-Z][\\w.$]*(?:<[^;{}()=]*>)?(?:\\[\\])*|\\b(?:int|long|double|float|boolean|char|byte|short))"
                    + "\\s+(\\w+)\\s*=(?!=)");

    private static final Pattern PUBLISH = Pattern.compile("\\bpublishEvent\\s*\\(");

    /**
     * A catch clause: where it starts, what it catches, whether its handler answers (returns a
     * value, or sets one that is returned after it) and whether it publishes an event.
     */
    record Swallowed(int line, String caught, boolean answers, boolean publishes) {}

    private CaughtFailures() {}

    /**
     * The clauses of the try statement at {@code tryLine} (as the class file gives it: the line of
     * its first statement) that catch
     * every failure and do not throw; none when the file cannot be read.
     */
    static List<Swallowed> swallowedAt(Path file, int tryLine) {
        String code;
        try {
            code = withoutCommentsAndLiterals(Files.readString(file));
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
        var found = new ArrayList<Swallowed>();
        // The class file gives the line of the try block's first statement: the try is the last
        // one that starts before that line ends.
        var next = lineStart(code, tryLine + 1);
        var matcher = TRY.matcher(code.substring(0, next < 0 ? code.length() : next));
        var keyword = -1;
        while (matcher.find()) {
            keyword = matcher.end();
        }
        if (keyword < 0) {
            return found;
        }
        var open = code.indexOf('{', keyword);
        if (open < 0) {
            return found;
        }
        var at = skipWhiteSpace(code, closing(code, open) + 1);
        var clause = CATCH.matcher(code);
        while (at < code.length() && clause.find(at)) {
            var body = clause.end();
            if (body >= code.length() || code.charAt(body) != '{') {
                break;
            }
            var end = closing(code, body);
            var caught = List.of(clause.group(1).split("\\s*\\|\\s*"));
            var broad =
                    caught.stream().map(String::trim).filter(BROAD::contains).findFirst();
            var handler = code.substring(body, end);
            if (broad.isPresent() && !THROW.matcher(handler).find()) {
                found.add(new Swallowed(
                        lineOf(code, clause.start()),
                        broad.get(),
                        answers(handler),
                        PUBLISH.matcher(handler).find()));
            }
            at = skipWhiteSpace(code, end + 1);
        }
        return found;
    }

    /**
     * Whether the handler returns a value or sets one declared outside it (to return after it): a
     * variable the handler declares itself ({@code var text = e.getMessage();}) answers nothing.
     */
    private static boolean answers(String handler) {
        if (RETURN.matcher(handler).find()) {
            return true;
        }
        var locals = new java.util.HashSet<String>();
        LOCAL.matcher(handler).results().forEach(local -> locals.add(local.group(1)));
        return ASSIGNMENT.matcher(handler).results().anyMatch(assigned -> !locals.contains(assigned.group(1)));
    }

    private static int lineStart(String code, int line) {
        var at = 0;
        for (int i = 1; i < line; i++) {
            at = code.indexOf('\n', at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        return at;
    }

    private static int lineOf(String code, int index) {
        return 1 + (int) code.substring(0, index).chars().filter(c -> c == '\n').count();
    }

    private static int skipWhiteSpace(String code, int at) {
        while (at < code.length() && Character.isWhitespace(code.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The index of the brace closing the one at {@code open}, or the end of the code. */
    static int closing(String code, int open) {
        var depth = 0;
        for (int i = open; i < code.length(); i++) {
            var c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return code.length() - 1;
    }

    /** The code with comments, strings, text blocks and characters blanked out, lines kept. */
    static String withoutCommentsAndLiterals(String java) {
        var out = new StringBuilder(java.length());
        var i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                while (i < java.length() && java.charAt(i) != '\n') {
                    i++;
                }
            } else if (java.startsWith("/*", i)) {
                var end = java.indexOf("*/", i + 2);
                i = blank(java, i, end < 0 ? java.length() : end + 2, out);
            } else if (java.startsWith("\"\"\"", i)) {
                var end = java.indexOf("\"\"\"", i + 3);
                i = blank(java, i, end < 0 ? java.length() : end + 3, out);
            } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
                var quote = java.charAt(i);
                var end = i + 1;
                while (end < java.length() && java.charAt(end) != quote && java.charAt(end) != '\n') {
                    end += java.charAt(end) == '\\' ? 2 : 1;
                }
                i = blank(java, i, Math.min(end + 1, java.length()), out);
            } else {
                out.append(java.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Appends the line breaks of {@code java[from, to)} only; returns {@code to}. */
    private static int blank(String java, int from, int to, StringBuilder out) {
        out.append(' ');
        java.substring(from, to).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
        return to;
    }
}
