package io.seams.workshop;

import io.seams.workshop.Workshop.Comparison;
import io.seams.workshop.Workshop.Exercise;
import io.seams.workshop.Workshop.Patch;
import io.seams.workshop.Workshop.Status;
import io.seams.workshop.Workshop.TestResult;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Proves an exercise both ways, as docs/workshop/AUTHORING.md describes: its start patch applies to
 * a copy of the tree, the start state compiles, the exercise's tests fail exactly as declared and
 * its guards pass; with the solution patch (when there is one) every test of the tag passes. When
 * the solution is {@code main}, the build's own test run is that proof.
 *
 * <p>It is quick because it does not run Maven: it copies the build's classes, recompiles only the
 * files the patch touches and the files that name a type they declare, and runs the tests in a JVM
 * of its own ({@link TagRunner}) against a shared PostgreSQL.
 */
public final class ExerciseVerifier {

    /** Where the project's sources are and where their compiled classes go, as the POM says. */
    private static final List<String> MAIN_SOURCES = List.of("src/main/java");

    private static final List<String> TEST_SOURCES = List.of(
            "src/test/java", "architecture-tests/src/main/java", "architecture-tests/src/test/java", "docs/workshop");

    /**
     * What the verifier works with.
     *
     * @param root the project
     * @param classes the build's compiled main classes
     * @param testClasses the build's compiled test classes
     * @param dependencies the test class path without those two
     * @param environment what the test JVMs get in their environment (the shared database)
     * @param timeout the longest one run of an exercise's tests may take
     */
    public record Setup(
            Path root,
            Path classes,
            Path testClasses,
            List<Path> dependencies,
            Map<String, String> environment,
            Duration timeout) {}

    /**
     * What verifying an exercise found.
     *
     * @param exercise the exercise
     * @param problems what is wrong, in words; empty when it is proven both ways
     * @param seconds how long it took
     */
    public record Verdict(Exercise exercise, List<String> problems, long seconds) {

        public boolean proven() {
            return problems.isEmpty();
        }
    }

    private final Setup setup;

    public ExerciseVerifier(Setup setup) {
        this.setup = setup;
    }

    public Verdict verify(Exercise exercise) {
        var started = System.nanoTime();
        var problems = new ArrayList<String>();
        try {
            var work = Files.createTempDirectory("seams-exercise-" + exercise.number() + "-");
            try {
                checkStart(exercise, work.resolve("start"), problems);
                if (problems.isEmpty() && exercise.solutionPatch().isPresent()) {
                    checkSolution(exercise, work.resolve("solution"), problems);
                }
            } finally {
                Workshop.deleteTree(work);
            }
        } catch (IOException e) {
            problems.add("cannot verify: " + e);
        } catch (Failure failure) {
            problems.add(failure.getMessage());
        }
        return new Verdict(exercise, List.copyOf(problems), (System.nanoTime() - started) / 1_000_000_000);
    }

    private void checkStart(Exercise exercise, Path work, List<String> problems) throws IOException {
        var state = prepare(work, List.of(exercise.startPatch()), "start patch");
        var results = run(state, exercise.tag(), exercise.guards());
        var tagged = results.stream()
                .filter(result -> !result.test().startsWith("guard:"))
                .toList();
        if (tagged.isEmpty()) {
            problems.add("no test carries the tag %s in the start state".formatted(exercise.tag()));
            return;
        }
        var comparison = Comparison.of(exercise, tagged);
        if (comparison.failures().isEmpty()) {
            problems.add("the start state is already green: all %d tests tagged %s pass with the start patch applied"
                    .formatted(tagged.size(), exercise.tag()));
        } else if (!comparison.asDeclared()) {
            problems.add("the start state fails for another reason than declared:\n  - "
                    + String.join("\n  - ", comparison.differences()));
        }
        results.stream()
                .filter(result -> result.test().startsWith("guard:") && result.status() == Status.FAILED)
                .forEach(result -> problems.add("a guard fails in the start state: %s: %s: %s"
                        .formatted(
                                result.test().substring(6),
                                result.exception(),
                                Workshop.firstLines(result.message(), 5))));
    }

    private void checkSolution(Exercise exercise, Path work, List<String> problems) throws IOException {
        var state = prepare(
                work, List.of(exercise.startPatch(), exercise.solutionPatch().orElseThrow()), "solution patch");
        var results = run(state, exercise.tag(), List.of());
        if (results.isEmpty()) {
            problems.add("no test carries the tag %s with the solution applied".formatted(exercise.tag()));
        }
        results.stream()
                .filter(result -> result.status() == Status.FAILED)
                .forEach(result -> problems.add("fails with the solution applied: %s: %s: %s"
                        .formatted(result.test(), result.exception(), Workshop.firstLines(result.message(), 5))));
    }

    /** A patched copy of the project and its classes. */
    record State(Path tree, Path classes, Path testClasses, Path log) {}

    State prepare(Path work, List<Path> patches, String what) throws IOException {
        var tree = work.resolve("tree");
        copyTrackedFiles(tree);
        var changed = new LinkedHashSet<String>();
        for (var patch : patches) {
            var applied = Workshop.git(
                    tree,
                    "-c",
                    "core.autocrlf=false",
                    "apply",
                    "--whitespace=nowarn",
                    patch.toAbsolutePath().toString());
            if (!applied.ok()) {
                throw new Failure("the %s no longer applies (%s):\n%s"
                        .formatted(
                                what,
                                setup.root().relativize(patch.toAbsolutePath()),
                                applied.output().strip()));
            }
            Patch.parse(Files.readString(patch)).files().stream()
                    .filter(file -> !file.equals("/dev/null"))
                    .forEach(changed::add);
        }
        var state = new State(tree, work.resolve("classes"), work.resolve("test-classes"), work.resolve("tests.log"));
        copyTree(setup.classes(), state.classes());
        copyTree(setup.testClasses(), state.testClasses());
        recompile(state, changed, what);
        copyResources(state, changed);
        return state;
    }

    private void recompile(State state, Set<String> changed, String what) throws IOException {
        var names = changed.stream()
                .filter(file -> file.endsWith(".java") && root(file) != null)
                .map(file -> Path.of(file).getFileName().toString().replace(".java", ""))
                .collect(Collectors.toSet());
        if (names.isEmpty()) {
            return;
        }
        var mentions = Pattern.compile("\\b(" + String.join("|", names) + ")\\b");
        var main = new ArrayList<Path>();
        var test = new ArrayList<Path>();
        for (var sourceRoot :
                Stream.concat(MAIN_SOURCES.stream(), TEST_SOURCES.stream()).toList()) {
            for (var file : javaSources(state.tree().resolve(sourceRoot))) {
                var relative = state.tree().relativize(file).toString().replace(File.separatorChar, '/');
                if (changed.contains(relative)
                        || mentions.matcher(Files.readString(file)).find()) {
                    (MAIN_SOURCES.contains(sourceRoot) ? main : test).add(file);
                }
            }
        }
        // The classes of what is recompiled or deleted go first, so that no stale class survives.
        for (var file : changed) {
            var sourceRoot = root(file);
            if (file.endsWith(".java") && sourceRoot != null) {
                deleteClasses(
                        MAIN_SOURCES.contains(sourceRoot) ? state.classes() : state.testClasses(), sourceRoot, file);
            }
        }
        for (var file : Stream.concat(main.stream(), test.stream()).toList()) {
            var relative = state.tree().relativize(file).toString().replace(File.separatorChar, '/');
            var sourceRoot = root(relative);
            deleteClasses(
                    MAIN_SOURCES.contains(sourceRoot) ? state.classes() : state.testClasses(), sourceRoot, relative);
        }
        // src/main is compiled with the one annotation processor it needs: Lombok writes the constructors
        // of its beans (ADR 0022). Tests are compiled without any, as the build compiles them.
        compile(main, state.classes(), List.of(state.classes()), List.of("-processorpath", lombok()), what);
        compile(test, state.testClasses(), List.of(state.testClasses(), state.classes()), List.of("-proc:none"), what);
    }

    private String lombok() {
        return setup.dependencies().stream()
                .filter(jar -> jar.getFileName().toString().matches("lombok-[0-9.]+\\.jar"))
                .map(Path::toString)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("Lombok is not on the class path: " + setup.dependencies()));
    }

    private void compile(List<Path> sources, Path output, List<Path> classPath, List<String> processing, String what) {
        if (sources.isEmpty()) {
            return;
        }
        var compiler = ToolProvider.getSystemJavaCompiler();
        var path = Stream.concat(classPath.stream(), setup.dependencies().stream())
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        var diagnostics = new StringWriter();
        try (var files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            var units = files.getJavaFileObjectsFromPaths(sources);
            var options = new ArrayList<>(processing);
            options.addAll(List.of(
                    "-d",
                    output.toString(),
                    "-cp",
                    path,
                    "--release",
                    "17",
                    "-parameters",
                    "-nowarn",
                    "-encoding",
                    "UTF-8",
                    "-Xlint:none",
                    "-Xmaxerrs",
                    "20"));
            var ok = compiler.getTask(diagnostics, files, null, options, null, units)
                    .call();
            if (!ok) {
                throw new Failure("the code does not compile with the %s applied:\n%s"
                        .formatted(what, Workshop.firstLines(diagnostics.toString(), 30)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyResources(State state, Set<String> changed) throws IOException {
        for (var file : changed) {
            var target = resourceTarget(state, file);
            if (target == null) {
                continue;
            }
            var source = state.tree().resolve(file);
            if (Files.exists(source)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(target);
            }
        }
    }

    /** Where the build puts a resource file (pom.xml's resources), or null for a file that is not one. */
    private static Path resourceTarget(State state, String file) {
        if (file.startsWith("src/main/resources/")) {
            return state.classes().resolve(file.substring("src/main/resources/".length()));
        }
        if (file.startsWith("src/test/resources/")) {
            return state.testClasses().resolve(file.substring("src/test/resources/".length()));
        }
        if (file.startsWith("db/") && !file.endsWith(".sh")) {
            return state.classes().resolve(file);
        }
        if (file.equals("docs/api/asyncapi.yaml")) {
            return state.classes().resolve("static/contracts/asyncapi.yaml");
        }
        return null;
    }

    private List<TestResult> run(State state, String tag, List<String> guards) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var classPath = Stream.concat(Stream.of(state.testClasses(), state.classes()), setup.dependencies().stream())
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        var results = state.tree().resolveSibling("results.tsv");
        var candidates = candidates(state, tag);
        var command = List.of(
                java,
                "-Xshare:off",
                // Short runs of Spring contexts and class imports: the first JIT tier is enough, and
                // one GC thread per JVM suits two test JVMs on two cores.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classPath,
                TagRunner.class.getName(),
                candidates.isEmpty() ? state.testClasses().toString() : String.join(",", candidates),
                tag,
                guards.isEmpty() ? "-" : String.join(",", guards),
                results.toString());
        var builder = new ProcessBuilder(command)
                .directory(state.tree().toFile())
                .redirectErrorStream(true)
                .redirectOutput(state.log().toFile());
        builder.environment().putAll(setup.environment());
        var process = builder.start();
        try {
            if (!process.waitFor(setup.timeout().toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new Failure("the tests tagged %s did not finish within %s:\n%s"
                        .formatted(tag, setup.timeout(), tail(state.log())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        if (!Files.exists(results)) {
            throw new Failure("the test JVM ended (exit %d) without results:\n%s"
                    .formatted(process.exitValue(), tail(state.log())));
        }
        return Files.readAllLines(results).stream()
                .filter(line -> !line.isBlank())
                .map(TagRunner::parse)
                .toList();
    }

    /** The test classes whose source names the tag: the only ones worth loading to look for it. */
    private static List<String> candidates(State state, String tag) throws IOException {
        var quoted = "\"" + tag + "\"";
        var classes = new ArrayList<String>();
        for (var sourceRoot : TEST_SOURCES) {
            var directory = state.tree().resolve(sourceRoot);
            for (var file : javaSources(directory)) {
                if (Files.readString(file).contains(quoted)) {
                    var relative = directory.relativize(file).toString().replace(File.separatorChar, '.');
                    classes.add(relative.substring(0, relative.length() - ".java".length()));
                }
            }
        }
        return classes;
    }

    /** The Java files below a source root of the copied tree; none when the tree has no such root. */
    private static List<Path> javaSources(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        }
    }

    private void copyTrackedFiles(Path tree) throws IOException {
        var listed = Workshop.git(setup.root(), "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        if (!listed.ok()) {
            throw new Failure("cannot list the project's files with git: " + listed.output());
        }
        for (var file : listed.output().split("\0")) {
            var source = setup.root().resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue;
            }
            var target = tree.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (var path : paths.toList()) {
                var target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static String root(String file) {
        return Stream.concat(MAIN_SOURCES.stream(), TEST_SOURCES.stream())
                .filter(sourceRoot -> file.startsWith(sourceRoot + "/"))
                .findFirst()
                .orElse(null);
    }

    /** Deletes the classes compiled from one source file: its top-level type and the nested ones. */
    private static void deleteClasses(Path output, String sourceRoot, String file) throws IOException {
        var relative = Path.of(file.substring(sourceRoot.length() + 1));
        var name = relative.getFileName().toString().replace(".java", "");
        var directory = relative.getParent() == null
                ? output
                : output.resolve(relative.getParent().toString());
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> classes = Files.list(directory)) {
            for (var type : classes.toList()) {
                var simple = type.getFileName().toString();
                if (simple.equals(name + ".class") || simple.startsWith(name + "$")) {
                    Files.delete(type);
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A reason the exercise is not proven, found before its tests could run. */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
