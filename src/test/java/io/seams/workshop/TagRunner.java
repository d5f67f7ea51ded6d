package io.seams.workshop;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import io.seams.workshop.Workshop.Status;
import io.seams.workshop.Workshop.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one exercise's checks in a JVM of its own, for {@link ExerciseVerifier}: the tests tagged
 * with the exercise's tag under a class path root, then the guard classes, and writes what each
 * test did to a file, a line per test.
 *
 * <p>{@code TagRunner <test-classes|class,names> <tag> <guard,classes|-> <results-file>}: where the
 * first argument names classes, only they are searched for the tag (quicker than scanning every
 * test class).
 */
public final class TagRunner {

    private TagRunner() {}

    public static void main(String[] args) throws IOException {
        var tag = args[1];
        var guards = "-".equals(args[2]) ? List.<String>of() : List.of(args[2].split(","));
        var results = new ArrayList<TestResult>();
        var launcher = LauncherFactory.create();
        var candidates = Files.isDirectory(Path.of(args[0]))
                ? tagged(Path.of(args[0]), tag)
                : LauncherDiscoveryRequestBuilder.request()
                        .selectors(Stream.of(args[0].split(","))
                                .map(type -> selectClass(type))
                                .toList())
                        .filters(TagFilter.includeTags(tag))
                        .build();
        launcher.execute(candidates, new Recorder(results, ""));
        if (!guards.isEmpty()) {
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(guards.stream()
                            .map(guard -> selectClass(guard.strip()))
                            .toList())
                    .build();
            launcher.execute(request, new Recorder(results, "guard:"));
        }
        var lines = results.stream().map(TagRunner::line).toList();
        Files.write(Path.of(args[3]), lines);
        // Spring's cached contexts and the test database are closed by the JVM's shutdown hooks.
        System.exit(0);
    }

    /** The tests under a class path root that carry a tag. */
    public static LauncherDiscoveryRequest tagged(Path root, String tag) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(root)))
                .filters(TagFilter.includeTags(tag))
                .build();
    }

    static String line(TestResult result) {
        return String.join(
                "\t",
                result.status().name(),
                result.test(),
                result.exception(),
                Base64.getEncoder().encodeToString(result.message().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static TestResult parse(String line) {
        var fields = line.split("\t", -1);
        return new TestResult(
                fields[1],
                Status.valueOf(fields[0]),
                fields[2],
                new String(Base64.getDecoder().decode(fields[3]), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Records every test, and every container that fails (a class whose set-up throws). */
    private record Recorder(List<TestResult> results, String prefix) implements TestExecutionListener {

        @Override
        public void executionSkipped(TestIdentifier identifier, String reason) {
            if (identifier.isTest()) {
                results.add(new TestResult(prefix + name(identifier), Status.SKIPPED, "", reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            var failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
            if (!identifier.isTest() && !failed) {
                return;
            }
            if (!identifier.isTest() && identifier.getSource().isEmpty()) {
                return;
            }
            var thrown = result.getThrowable();
            results.add(new TestResult(
                    prefix + name(identifier),
                    failed ? Status.FAILED : Status.PASSED,
                    thrown.map(throwable -> throwable.getClass().getName()).orElse(""),
                    thrown.map(throwable -> String.valueOf(throwable.getMessage()))
                            .orElse("")));
        }

        private static String name(TestIdentifier identifier) {
            var source = identifier.getSource().orElse(null);
            if (source instanceof MethodSource method) {
                return method.getClassName() + "#" + method.getMethodName();
            }
            if (source instanceof ClassSource type) {
                return type.getClassName();
            }
            return identifier.getUniqueId();
        }
    }
}
