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
 * Every relative link in the README, docs/ and the rule pack's guides leads to a file or folder of
 * the repository, as a browser on the hosting site follows it. Links to the web and to anchors of
 * the same page are not checked.
 */
class DocumentationLinksTests {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkLeadsToAFileOfTheRepository() throws IOException {
        var broken = new ArrayList<String>();
        var pages = pages();
        for (var page : pages) {
            var lines = Files.readAllLines(page);
            for (int number = 1; number <= lines.size(); number++) {
                var links = LINK.matcher(lines.get(number - 1));
                while (links.find()) {
                    var target = links.group(1);
                    if (isRelative(target) && !Files.exists(resolve(page, target))) {
                        broken.add("%s:%d links to %s, which is not there".formatted(page, number, target));
                    }
                }
            }
        }

        assertThat(pages).as("pages read").hasSizeGreaterThan(20);
        assertThat(broken).as("broken relative links").isEmpty();
    }

    @Test
    void aLinkIsResolvedFromThePageThatHoldsIt() {
        var page = Path.of("docs", "workshop", "TRAINER.md");

        assertThat(resolve(page, "../migration.md#the-score")).isEqualTo(Path.of("docs", "migration.md"));
        assertThat(Files.exists(resolve(page, "../../../migration.md"))).isFalse();
        assertThat(isRelative("https://docs.spring.io")).isFalse();
        assertThat(isRelative("#the-committed-run")).isFalse();
        assertThat(isOurs(Path.of("docs", "api", "node_modules", "@asyncapi", "specs", "README.md")))
                .isFalse();
        assertThat(isOurs(Path.of("architecture-tests", "target", "site", "index.md")))
                .isFalse();
        assertThat(isOurs(Path.of("docs", "benchmarks", "README.md"))).isTrue();
    }

    static boolean isRelative(String target) {
        return !target.startsWith("#") && !target.contains("://") && !target.startsWith("mailto:");
    }

    static Path resolve(Path page, String target) {
        var path = target.split("#", 2)[0];
        var parent = page.getParent() == null ? Path.of("") : page.getParent();
        return parent.resolve(path).normalize();
    }

    /** Not build output, nor what a package manager installed (CI's npm tools in docs/api). */
    static boolean isOurs(Path file) {
        for (var segment : file) {
            if (segment.toString().equals("target") || segment.toString().equals("node_modules")) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> pages() throws IOException {
        var pages = new ArrayList<Path>(List.of(Path.of("README.md")));
        for (var folder : List.of(Path.of("docs"), Path.of("architecture-tests"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(file -> file.toString().endsWith(".md"))
                        .filter(DocumentationLinksTests::isOurs)
                        .sorted()
                        .forEach(pages::add);
            }
        }
        return pages;
    }
}
