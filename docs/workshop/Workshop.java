package io.seams.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * The workshop's command line: one command per action, for participants and trainers. It needs only
 * a JDK and git: run it as {@code docs/workshop/ws <command>} or {@code java
 * docs/workshop/Workshop.java <command>} from anywhere in the clone.
 *
 * <p>It is one file so that Java runs it from source; the build compiles the same file into the
 * tests (the exercise model and the comparison of failures with the declared red are shared with
 * {@code WorkshopExercisesIT}, which proves every exercise both ways).
 */
public final class Workshop {

    static final String USAGE = """
            Seams workshop — one command per action (run from anywhere in the clone):

              docs/workshop/ws list            the exercises, with the one you are on
              docs/workshop/ws doctor          checks this machine: JDK, git, ports, the build, a database start
              docs/workshop/ws start N         a branch of its own with exercise N's start state; prints the goal and the expected red
              docs/workshop/ws check N         runs exercise N's checks: ✅ solved, or ❌ with the failure in plain words
              docs/workshop/ws hint N [K]      the next hint (or hint K), from vague to exact
              docs/workshop/ws reset N         back to exercise N's start state (your changes are stashed, never dropped)
              docs/workshop/ws solution N      what the reference solution changes, from where you are ("--apply" applies it)

            On Windows: java docs\\workshop\\Workshop.java <command>
            """;

    private final Path root;
    private final Console out;

    Workshop(Path root, Console out) {
        this.root = root;
        this.out = out;
    }

    public static void main(String[] args) {
        var out = new Console();
        int status;
        try {
            status = run(args, out);
        } catch (Refused refused) {
            out.line("❌ " + refused.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    static int run(String[] args, Console out) {
        if (args.length == 0 || Set.of("help", "-h", "--help").contains(args[0])) {
            out.line(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        var workshop = new Workshop(findRoot(Path.of("").toAbsolutePath()), out);
        var command = args[0];
        var rest = List.of(args).subList(1, args.length);
        return switch (command) {
            case "list" -> workshop.list();
            case "doctor" -> workshop.doctor();
            case "start" -> workshop.start(workshop.exercise(rest));
            case "check" -> workshop.check(workshop.exercise(rest));
            case "hint" -> workshop.hint(workshop.exercise(rest), rest.size() > 1 ? rest.get(1) : null);
            case "reset" -> workshop.reset(workshop.exercise(rest));
            case "solution" -> workshop.solution(workshop.exercise(rest), rest.contains("--apply"));
            default -> throw new Refused("Unknown command '" + command + "'.\n" + USAGE);
        };
    }

    // ---------------------------------------------------------------------------------------------
    // The commands

    int list() {
        var current = currentExercise();
        out.line("Seams workshop: %d exercises (★ core). `docs/workshop/ws start N` begins one."
                .formatted(exercises().size()));
        out.line("");
        for (var exercise : exercises()) {
            var state = current.filter(exercise::equals).isPresent()
                    ? "  ← you are here"
                    : git("rev-parse", "--verify", "--quiet", exercise.branch()).ok() ? "  (started)" : "";
            out.line("  %s %s %-40s %3d min%s"
                    .formatted(
                            exercise.number(),
                            exercise.core() ? "★" : " ",
                            exercise.title(),
                            exercise.minutes(),
                            state));
        }
        return 0;
    }

    int doctor() {
        var problems = 0;
        out.line("Checking this machine for the Seams workshop…");
        var java = Runtime.version().feature();
        problems += report(
                java >= 17, "JDK %s (17 or later needed)".formatted(Runtime.version()), "Install a JDK 17 or later.");
        var gitVersion = git("--version");
        problems +=
                report(gitVersion.ok(), gitVersion.ok() ? gitVersion.output().strip() : "git", "Install git.");
        problems += report(
                git("rev-parse", "--verify", "--quiet", "main").ok(),
                "the branch main (the reference solution every exercise starts from)",
                "Clone Seams again, or `git fetch origin main:main`.");
        for (var port : List.of(8080)) {
            problems += report(
                    free(port),
                    "port %d is free (the shop answers there)".formatted(port),
                    "Stop what listens on port %d.".formatted(port));
        }
        var space = root.toFile().getUsableSpace() / (1024 * 1024 * 1024);
        problems += report(space >= 2, "%d GiB free on this disk (2 needed)".formatted(space), "Free some disk space.");
        out.line(
                "… building Seams and starting a PostgreSQL (the first time downloads the dependencies: a few minutes)");
        var build = maven("doctor", "test", "-Dgroups=workshop-doctor");
        var results = build.results();
        var started = build.exitCode() == 0 && results.stream().anyMatch(result -> result.status() == Status.PASSED);
        problems += report(
                started,
                "the build compiles and an embedded PostgreSQL starts",
                "See " + root.relativize(build.log()) + ".");
        out.line("");
        out.line(
                problems == 0
                        ? "✅ Ready. Next: docs/workshop/ws list"
                        : "❌ %d problem(s) above: fix them, then run doctor again.".formatted(problems));
        return problems == 0 ? 0 : 1;
    }

    int start(Exercise exercise) {
        requireCleanTree();
        if (git("rev-parse", "--verify", "--quiet", exercise.branch()).ok()) {
            throw new Refused(
                    "Exercise %s is started already: `git switch %s` to go on, or `docs/workshop/ws reset %s` to begin again."
                            .formatted(exercise.number(), exercise.branch(), exercise.number()));
        }
        gitOrFail("switch", "--quiet", "-c", exercise.branch(), "main");
        var applied = git("apply", "--index", exercise.startPatch().toString());
        if (!applied.ok()) {
            gitOrFail("switch", "--quiet", "-");
            gitOrFail("branch", "--quiet", "-D", exercise.branch());
            throw new Refused("The start patch of exercise %s does not apply to main:\n%s"
                    .formatted(exercise.number(), applied.output()));
        }
        gitOrFail(
                "-c",
                "user.name=Seams workshop",
                "-c",
                "user.email=workshop@seams.invalid",
                "commit",
                "--quiet",
                "--no-verify",
                "-m",
                "Exercise %s: start state (%s)".formatted(exercise.number(), exercise.title()));
        gitOrFail("update-ref", exercise.startRef(), "HEAD");
        out.line("▶ Exercise %s · %s (about %d min) — on branch %s"
                .formatted(exercise.number(), exercise.title(), exercise.minutes(), exercise.branch()));
        out.line("");
        out.line("Goal: " + exercise.goal());
        out.line("");
        out.line("It starts red on purpose. `docs/workshop/ws check %s` fails now, with:".formatted(exercise.number()));
        exercise.expectations().forEach(expectation -> out.line("  • " + expectation.plain()));
        out.line("");
        out.line("Read " + root.relativize(exercise.folder().resolve("README.md")) + ", then make it green.");
        out.line("Stuck? `docs/workshop/ws hint %s`.".formatted(exercise.number()));
        return 0;
    }

    int check(Exercise exercise) {
        out.line("Running the checks of exercise %s (tests tagged %s)…".formatted(exercise.number(), exercise.tag()));
        return report(exercise, maven("check-" + exercise.number(), "test", "-Dgroups=" + exercise.tag()));
    }

    /** What {@code check} says of a build that ran an exercise's tests. */
    int report(Exercise exercise, Build build) {
        var results = build.results();
        if (results.isEmpty()) {
            var errors = build.errors();
            if (!errors.isEmpty()) {
                out.line("❌ The code does not compile (or the build stopped before the tests):");
                errors.stream().limit(15).forEach(error -> out.line("   " + error));
            } else {
                out.line("❌ No test ran for tag %s, so nothing says the exercise is solved.".formatted(exercise.tag()));
                out.line("   Did a tagged test get deleted or renamed? Log: " + root.relativize(build.log()));
            }
            return 1;
        }
        var comparison = Comparison.of(exercise, results);
        var passed = results.stream()
                .filter(result -> result.status() == Status.PASSED)
                .count();
        out.line("%d test(s) ran: %d passed, %d failed."
                .formatted(results.size(), passed, comparison.failures().size()));
        if (comparison.failures().isEmpty() && build.exitCode() == 0) {
            out.line("✅ Exercise %s solved: every check passes.".formatted(exercise.number()));
            out.line("   Compare with the reference: docs/workshop/ws solution %s".formatted(exercise.number()));
            return 0;
        }
        if (comparison.failures().isEmpty()) {
            out.line("❌ The tests passed but the build failed. Log: " + root.relativize(build.log()));
            return 1;
        }
        if (comparison.asDeclared()) {
            out.line("❌ Not solved yet — this is the red the exercise starts with:");
        } else {
            out.line("❌ Not solved — failing:");
        }
        for (var failure : comparison.failures()) {
            var expectation = comparison.expectationFor(failure);
            out.line("  • " + failure.shortName());
            out.line("    "
                    + expectation
                            .map(Expectation::plain)
                            .orElse("(not one of the exercise's expected failures: read the message)"));
            out.line("    " + failure.exception() + ": "
                    + firstLines(failure.message(), 3).replace("\n", "\n    "));
        }
        out.line("   Stuck? docs/workshop/ws hint %s   Full output: target/surefire-reports/"
                .formatted(exercise.number()));
        return 1;
    }

    int hint(Exercise exercise, String which) {
        var hints = exercise.hints();
        if (hints.isEmpty()) {
            throw new Refused("Exercise %s has no hints.".formatted(exercise.number()));
        }
        var seen = root.resolve("target/workshop/hints-" + exercise.number());
        int number;
        if (which != null) {
            number = parseHint(which, hints.size());
        } else {
            var last = Files.exists(seen) ? Integer.parseInt(read(seen).strip()) : 0;
            number = Math.min(last + 1, hints.size());
        }
        write(seen, Integer.toString(number));
        out.line("💡 Hint %d of %d for exercise %s:".formatted(number, hints.size(), exercise.number()));
        out.line("");
        out.line(hints.get(number - 1).strip());
        if (number < hints.size()) {
            out.line("");
            out.line("(More: docs/workshop/ws hint %s)".formatted(exercise.number()));
        }
        return 0;
    }

    int reset(Exercise exercise) {
        if (!git("rev-parse", "--verify", "--quiet", exercise.startRef()).ok()) {
            throw new Refused("Exercise %s is not started: `docs/workshop/ws start %s`."
                    .formatted(exercise.number(), exercise.number()));
        }
        if (!git("status", "--porcelain").output().isBlank()) {
            gitOrFail(
                    "stash",
                    "push",
                    "--include-untracked",
                    "--quiet",
                    "-m",
                    "workshop " + exercise.number() + ": your work before reset");
            out.line(
                    "Your uncommitted changes are stashed: `git stash list` shows them, `git stash pop` brings them back.");
        }
        gitOrFail("switch", "--quiet", exercise.branch());
        var head = git("rev-parse", "HEAD").output().strip();
        var start = git("rev-parse", exercise.startRef()).output().strip();
        if (!head.equals(start)) {
            var backup = exercise.branch() + "-before-reset-" + System.currentTimeMillis() / 1000;
            gitOrFail("branch", backup);
            out.line("Your commits on the exercise are kept in branch " + backup + ".");
        }
        gitOrFail("reset", "--quiet", "--hard", exercise.startRef());
        out.line("↺ Exercise %s is back at its start state on branch %s."
                .formatted(exercise.number(), exercise.branch()));
        return 0;
    }

    int solution(Exercise exercise, boolean apply) {
        var patch = exercise.solutionPatch();
        if (patch.isPresent()) {
            if (apply) {
                var applied = git("apply", patch.get().toString());
                if (!applied.ok()) {
                    throw new Refused(
                            "The solution applies to the start state only (`docs/workshop/ws reset %s` first):\n%s"
                                    .formatted(exercise.number(), applied.output()));
                }
                out.line("Applied the reference solution. `docs/workshop/ws check %s` should be ✅ now."
                        .formatted(exercise.number()));
            } else {
                out.line("The reference solution of exercise %s, as a patch on its start state:"
                        .formatted(exercise.number()));
                out.line("");
                out.line(read(patch.get()));
            }
            return 0;
        }
        var files = Patch.parse(read(exercise.startPatch())).files();
        if (apply) {
            for (var file : files) {
                if (git("cat-file", "-e", "main:" + file).ok()) {
                    gitOrFail("checkout", "main", "--", file);
                } else {
                    delete(root.resolve(file));
                }
            }
            out.line(
                    "Your files are now the reference solution's (main's). `docs/workshop/ws check %s` should be ✅ now."
                            .formatted(exercise.number()));
            return 0;
        }
        var args = new ArrayList<>(List.of("diff", "--no-color", "main", "-R", "--"));
        args.addAll(files);
        var diff = git(args.toArray(String[]::new));
        if (diff.output().isBlank()) {
            out.line("✅ Your files match the reference solution (main).");
        } else {
            out.line(
                    "How the reference solution (main) differs from your working tree — `+` lines are the solution's:");
            out.line("");
            out.line(diff.output());
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------
    // The exercises

    /**
     * One exercise: a folder under {@code docs/workshop/exercises/} (see docs/workshop/AUTHORING.md).
     *
     * @param number its two digits
     * @param folder where its files are
     * @param properties its {@code exercise.properties}
     */
    public record Exercise(String number, Path folder, Properties properties) {

        public static List<Exercise> all(Path root) {
            var exercises = root.resolve("docs/workshop/exercises");
            try (Stream<Path> folders = Files.list(exercises)) {
                return folders.filter(folder -> Files.isRegularFile(folder.resolve("exercise.properties")))
                        .sorted()
                        .map(Exercise::load)
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Exercise load(Path folder) {
            var name = folder.getFileName().toString();
            var number = name.matches("\\d\\d-.*") ? name.substring(0, 2) : name;
            var properties = new Properties();
            try (var reader = Files.newBufferedReader(folder.resolve("exercise.properties"))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Exercise(number, folder, properties);
        }

        public String slug() {
            return folder.getFileName().toString();
        }

        public String title() {
            return required("title");
        }

        public String tag() {
            return required("tag");
        }

        public String goal() {
            return required("goal");
        }

        public boolean core() {
            return Boolean.parseBoolean(properties.getProperty("core", "false"));
        }

        public int minutes() {
            return Integer.parseInt(properties.getProperty("minutes", "30").strip());
        }

        public List<String> guards() {
            return Stream.of(properties.getProperty("guards", "").split(","))
                    .map(String::strip)
                    .filter(guard -> !guard.isEmpty())
                    .toList();
        }

        public List<Expectation> expectations() {
            var expectations = new ArrayList<Expectation>();
            for (var index = 1; properties.containsKey("expect." + index + ".test"); index++) {
                var prefix = "expect." + index + ".";
                expectations.add(new Expectation(
                        properties.getProperty(prefix + "test").strip(),
                        properties.getProperty(prefix + "exception", "").strip(),
                        Pattern.compile(properties.getProperty(prefix + "message", ""), Pattern.DOTALL),
                        properties.getProperty(prefix + "plain", "").strip()));
            }
            if (expectations.isEmpty()) {
                throw new IllegalStateException(
                        slug() + "/exercise.properties declares no expected failure (expect.1.test=…)");
            }
            return expectations;
        }

        public Path startPatch() {
            return folder.resolve("start.patch");
        }

        public Optional<Path> solutionPatch() {
            var patch = folder.resolve("solution.patch");
            return Files.isRegularFile(patch) ? Optional.of(patch) : Optional.empty();
        }

        /** The hints, from vague to exact: the sections of {@code hints.md} under {@code ## Hint N}. */
        public List<String> hints() {
            var file = folder.resolve("hints.md");
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            var hints = new ArrayList<String>();
            StringBuilder current = null;
            for (var line : read(file).split("\n", -1)) {
                if (line.matches("## Hint \\d+.*")) {
                    if (current != null) {
                        hints.add(current.toString());
                    }
                    current = new StringBuilder();
                } else if (current != null) {
                    current.append(line).append('\n');
                }
            }
            if (current != null) {
                hints.add(current.toString());
            }
            return hints;
        }

        String branch() {
            return "workshop/" + slug();
        }

        String startRef() {
            return "refs/workshop/" + slug() + "-start";
        }

        private String required(String key) {
            var value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(slug() + "/exercise.properties has no " + key);
            }
            return value.strip();
        }
    }

    /**
     * One failure the start state must show.
     *
     * @param test {@code fully.qualified.Class#method}
     * @param exception the thrown exception's class, simple or qualified name
     * @param message found in the failure's message
     * @param plain what the failure means, in plain words
     */
    public record Expectation(String test, String exception, Pattern message, String plain) {

        boolean matches(TestResult result) {
            return result.status() == Status.FAILED
                    && result.test().equals(test)
                    && (exception.isEmpty()
                            || exception.equals(result.exception())
                            || result.exception().endsWith("." + exception))
                    && message.matcher(result.message()).find();
        }
    }

    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    /**
     * What one test did.
     *
     * @param test {@code fully.qualified.Class#method}
     * @param status passed, failed or skipped
     * @param exception the qualified class name of what it threw, or empty
     * @param message that throwable's message, or empty
     */
    public record TestResult(String test, Status status, String exception, String message) {

        String shortName() {
            var hash = test.indexOf('#');
            var type = hash < 0 ? test : test.substring(0, hash);
            return type.substring(type.lastIndexOf('.') + 1) + (hash < 0 ? "" : " › " + test.substring(hash + 1));
        }
    }

    /**
     * The failures of one run against an exercise's declared red.
     *
     * @param failures the tests that failed
     * @param unmet the declared failures that did not happen (as declared)
     * @param unexpected the failures that no declaration explains
     * @param matched which declaration explains which failure
     */
    public record Comparison(
            List<TestResult> failures,
            List<Expectation> unmet,
            List<TestResult> unexpected,
            Map<TestResult, Expectation> matched) {

        public static Comparison of(Exercise exercise, List<TestResult> results) {
            var failures = results.stream()
                    .filter(result -> result.status() == Status.FAILED)
                    .toList();
            var matched = new LinkedHashMap<TestResult, Expectation>();
            var unmet = new ArrayList<Expectation>();
            for (var expectation : exercise.expectations()) {
                failures.stream()
                        .filter(expectation::matches)
                        .findFirst()
                        .ifPresentOrElse(failure -> matched.put(failure, expectation), () -> unmet.add(expectation));
            }
            var unexpected = failures.stream()
                    .filter(failure -> !matched.containsKey(failure))
                    .toList();
            return new Comparison(failures, unmet, unexpected, matched);
        }

        /** The run failed exactly as the exercise declares: every declared failure, and nothing else. */
        public boolean asDeclared() {
            return unmet.isEmpty() && unexpected.isEmpty() && !failures.isEmpty();
        }

        Optional<Expectation> expectationFor(TestResult failure) {
            return Optional.ofNullable(matched.get(failure));
        }

        /** What differs from the declaration, in words; empty when the run is as declared. */
        public List<String> differences() {
            var differences = new ArrayList<String>();
            unmet.forEach(
                    expectation -> differences.add("declared failure did not happen as declared: %s (%s matching /%s/)"
                            .formatted(
                                    expectation.test(),
                                    expectation.exception(),
                                    expectation.message().pattern())));
            unexpected.forEach(failure -> differences.add("failed for a reason not declared: %s: %s: %s"
                    .formatted(failure.test(), failure.exception(), firstLines(failure.message(), 5))));
            return differences;
        }
    }

    /** The files a patch in {@code git diff} format touches. */
    public record Patch(List<String> files) {

        private static final Pattern HEADER = Pattern.compile("^diff --git a/(\\S+) b/(\\S+)$", Pattern.MULTILINE);

        public static Patch parse(String text) {
            var files = new LinkedHashSet<String>();
            Matcher matcher = HEADER.matcher(text);
            while (matcher.find()) {
                files.add(matcher.group(1));
                files.add(matcher.group(2));
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("not a patch in git diff format: no 'diff --git' line");
            }
            return new Patch(List.copyOf(files));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Surefire's reports, Maven, git

    /**
     * Reads surefire's XML reports.
     *
     * @param reports the folder they are in
     * @return every test case, in file order
     */
    public static List<TestResult> readSurefireReports(Path reports) {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        var results = new ArrayList<TestResult>();
        try (Stream<Path> files = Files.list(reports)) {
            for (var file : files.filter(path -> path.getFileName().toString().matches("TEST-.*\\.xml"))
                    .sorted()
                    .toList()) {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                var document = factory.newDocumentBuilder().parse(file.toFile());
                var cases = document.getElementsByTagName("testcase");
                for (var i = 0; i < cases.getLength(); i++) {
                    var testcase = (Element) cases.item(i);
                    var test = testcase.getAttribute("classname") + "#"
                            + testcase.getAttribute("name").replaceAll("\\(.*\\)$", "");
                    var problem = first(testcase, "failure").or(() -> first(testcase, "error"));
                    if (problem.isPresent()) {
                        results.add(new TestResult(
                                test,
                                Status.FAILED,
                                problem.get().getAttribute("type"),
                                problem.get().getAttribute("message")));
                    } else if (first(testcase, "skipped").isPresent()) {
                        results.add(new TestResult(test, Status.SKIPPED, "", ""));
                    } else {
                        results.add(new TestResult(test, Status.PASSED, "", ""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read surefire's reports in " + reports, e);
        }
        return results;
    }

    private static Optional<Element> first(Element parent, String name) {
        var children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? Optional.empty() : Optional.of((Element) children.item(0));
    }

    record Build(int exitCode, Path log, List<TestResult> results, List<String> errors) {}

    private Build maven(String name, String... goals) {
        var reports = root.resolve("target/surefire-reports");
        deleteTree(reports);
        var log = root.resolve("target/workshop/" + name + ".log");
        var windows = System.getProperty("os.name").toLowerCase().contains("win");
        var command = new ArrayList<String>();
        command.add(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
        command.add("--batch-mode");
        command.addAll(List.of(goals));
        command.add("-Dsurefire.failIfNoSpecifiedTests=false");
        try {
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            var exit = process.waitFor();
            var errors = Files.readAllLines(log).stream()
                    .filter(line ->
                            line.startsWith("[ERROR]") && (line.contains(".java:") || line.contains("COMPILATION")))
                    .map(line -> line.replace(root + "/", ""))
                    .toList();
            return new Build(exit, log, readSurefireReports(reports), errors);
        } catch (IOException e) {
            throw new Refused("Cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("Interrupted.");
        }
    }

    record Git(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    Git git(String... args) {
        return git(root, args);
    }

    static Git git(Path directory, String... args) {
        var command = new ArrayList<String>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            var process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Git(-1, "git timed out");
            }
            return new Git(process.exitValue(), output);
        } catch (IOException e) {
            return new Git(-1, "cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Git(-1, "interrupted");
        }
    }

    private void gitOrFail(String... args) {
        var result = git(args);
        if (!result.ok()) {
            throw new Refused("git " + String.join(" ", args) + " failed:\n" + result.output());
        }
    }

    private void requireCleanTree() {
        var status = git("status", "--porcelain", "--untracked-files=no");
        if (!status.ok()) {
            throw new Refused("This is not a git clone of Seams: " + status.output());
        }
        if (!status.output().isBlank()) {
            throw new Refused("You have uncommitted changes. Commit them (or `git stash`) first:\n" + status.output());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private List<Exercise> exercises() {
        return Exercise.all(root);
    }

    Exercise exercise(List<String> args) {
        if (args.isEmpty()) {
            throw new Refused(
                    "Which exercise? Give its number, e.g. `docs/workshop/ws check 1` (`docs/workshop/ws list` lists them).");
        }
        var wanted = args.get(0);
        return exercises().stream()
                .filter(exercise ->
                        wanted.matches("\\d+") && Integer.parseInt(wanted) == Integer.parseInt(exercise.number())
                                || exercise.slug().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new Refused("No exercise " + wanted + ". `docs/workshop/ws list` lists them."));
    }

    private Optional<Exercise> currentExercise() {
        var branch = git("branch", "--show-current").output().strip();
        return exercises().stream()
                .filter(exercise -> exercise.branch().equals(branch))
                .findFirst();
    }

    private int report(boolean ok, String what, String fix) {
        out.line((ok ? "  ✅ " : "  ❌ ") + what + (ok ? "" : " — " + fix));
        return ok ? 0 : 1;
    }

    private static boolean free(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static int parseHint(String which, int count) {
        try {
            var number = Integer.parseInt(which);
            if (number >= 1 && number <= count) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Refused("There are hints 1 to %d.".formatted(count));
    }

    static String firstLines(String text, int count) {
        return text.lines().limit(count).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static Path findRoot(Path start) {
        for (var directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("docs/workshop/exercises"))
                    && Files.isRegularFile(directory.resolve("pom.xml"))) {
                return directory;
            }
        }
        throw new Refused("Run this inside a clone of Seams (no docs/workshop/exercises above " + start + ").");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Workshop::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the commands write: standard output, or a buffer in the tests. */
    static class Console {

        private final java.io.PrintStream stream = new java.io.PrintStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);

        void line(String text) {
            stream.println(text);
        }
    }

    /** A command that cannot be carried out, with what to do instead. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
