package io.seams.shop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code in the docs is quoted from files the build compiles or tests, never pasted: a fenced block
 * right after a line {@code <!-- quoted from path/to/File.java -->} must stand in that file as it
 * is (each line, in order, consecutive, leading white space ignored). A quote that has drifted
 * from its file fails here, naming the doc, the file and the first line that differs.
 */
class DocumentationQuotesTests {

    private static final Pattern MARKER = Pattern.compile("^<!-- quoted from (\\S+) -->\\s*$");

    record Quote(Path doc, int line, Path source, List<String> lines) {}

    @Test
    void everyQuotedBlockStandsInItsFile() throws IOException {
        var quotes = quotes();
        assertThat(quotes).as("quoted blocks in docs/").isNotEmpty();
        for (var quote : quotes) {
            assertThat(quote.source())
                    .as("%s:%d quotes a file that exists", quote.doc(), quote.line())
                    .isRegularFile();
            var source = Files.readAllLines(quote.source()).stream()
                    .map(String::strip)
                    .toList();
            var quoted = quote.lines().stream().map(String::strip).toList();
            assertThat(containsRun(source, quoted))
                    .as(
                            "%s:%d quotes %s as it is; the file does not hold these lines in this order: %s",
                            quote.doc(), quote.line(), quote.source(), firstMissing(source, quoted))
                    .isTrue();
        }
    }

    @Test
    void theFitnessGuideNamesEveryRuleOfThePack() throws IOException {
        var guide = Files.readString(Path.of("docs", "fitness.md"));
        assertThat(io.seams.fitness.Fitness.rules())
                .allSatisfy(rule -> assertThat(guide)
                        .as("docs/fitness.md names rule %s", rule.id())
                        .contains("`" + rule.id() + "`"));
    }

    static List<Quote> quotes() throws IOException {
        var quotes = new ArrayList<Quote>();
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            for (var doc : files.filter(file -> file.toString().endsWith(".md"))
                    .sorted()
                    .toList()) {
                var lines = Files.readAllLines(doc);
                for (int i = 0; i < lines.size(); i++) {
                    var marker = MARKER.matcher(lines.get(i));
                    if (!marker.matches()) {
                        continue;
                    }
                    assertThat(i + 1 < lines.size() && lines.get(i + 1).startsWith("```"))
                            .as("%s:%d: a quote marker is followed by a fenced block", doc, i + 1)
                            .isTrue();
                    var block = new ArrayList<String>();
                    int j = i + 2;
                    while (j < lines.size() && !lines.get(j).startsWith("```")) {
                        block.add(lines.get(j++));
                    }
                    quotes.add(new Quote(doc, i + 1, Path.of(marker.group(1)), block));
                }
            }
        }
        return quotes;
    }

    private static boolean containsRun(List<String> source, List<String> quoted) {
        return java.util.Collections.indexOfSubList(source, quoted) >= 0;
    }

    private static String firstMissing(List<String> source, List<String> quoted) {
        for (int length = 1; length <= quoted.size(); length++) {
            if (!containsRun(source, quoted.subList(0, length))) {
                return "'" + quoted.get(length - 1) + "'";
            }
        }
        return "none";
    }
}
