package io.seams.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.workshop.Workshop.Build;
import io.seams.workshop.Workshop.Status;
import io.seams.workshop.Workshop.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the workshop's command line says: {@code check}'s verdicts, surefire's reports, the hints. */
class WorkshopCommandsTests {

    static final Path FIXTURE = WorkshopSetup.ROOT.resolve("src/test/resources/workshop-fixtures/01-proven");

    final List<String> lines = new ArrayList<>();
    final Workshop workshop = new Workshop(WorkshopSetup.ROOT, new Workshop.Console() {
        @Override
        void line(String text) {
            lines.add(text);
        }
    });
    final Workshop.Exercise exercise = Workshop.Exercise.load(FIXTURE);

    @Test
    void anUnsolvedExerciseShowsItsDeclaredFailureInPlainWords() {
        var status = workshop.report(exercise, build(1, failed("expected: 5\n but was: -1")));

        assertThat(status).isEqualTo(1);
        assertThat(String.join("\n", lines))
                .contains("❌ Not solved yet — this is the red the exercise starts with:")
                .contains("VerifierFixtureTests › addsTwoNumbers")
                .contains("The fixture subtracts.")
                .contains("org.opentest4j.AssertionFailedError: expected: 5")
                .doesNotContain("✅");
    }

    @Test
    void anotherFailureIsShownAsNotTheExpectedOne() {
        var status = workshop.report(exercise, build(1, failed("expected: 5\n but was: 6")));

        assertThat(status).isEqualTo(1);
        assertThat(String.join("\n", lines))
                .contains("❌ Not solved — failing:")
                .contains("not one of the exercise's expected failures")
                .contains("but was: 6");
    }

    @Test
    void aSolvedExerciseIsGreen() {
        var status = workshop.report(
                exercise,
                build(
                        0,
                        new TestResult(
                                "io.seams.workshop.fixture.VerifierFixtureTests#addsTwoNumbers",
                                Status.PASSED,
                                "",
                                "")));

        assertThat(status).isZero();
        assertThat(lines).contains("✅ Exercise 01 solved: every check passes.");
    }

    @Test
    void noTestRunIsNeverASuccess() {
        var status = workshop.report(exercise, build(0));

        assertThat(status).isEqualTo(1);
        assertThat(String.join("\n", lines))
                .contains("❌ No test ran for tag ex-fixture")
                .doesNotContain("✅");
    }

    @Test
    void codeThatDoesNotCompileIsSaidSo() {
        var build = new Build(
                1,
                Path.of("target/workshop/check.log"),
                List.of(),
                List.of("[ERROR] src/main/java/io/seams/shop/orders/Foo.java:[3,1] cannot find symbol"));

        assertThat(workshop.report(exercise, build)).isEqualTo(1);
        assertThat(String.join("\n", lines))
                .contains("❌ The code does not compile")
                .contains("Foo.java:[3,1]");
    }

    @Test
    void surefireReportsAreReadAsTestResults(@TempDir Path reports) throws IOException {
        Files.writeString(reports.resolve("TEST-io.seams.Example.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="io.seams.Example" tests="3" failures="1" errors="0" skipped="1">
                  <testcase name="passes" classname="io.seams.Example" time="0.1"/>
                  <testcase name="fails(Scenario)" classname="io.seams.Example" time="0.1">
                    <failure message="expected: 5 but was: -1" type="org.opentest4j.AssertionFailedError">trace</failure>
                  </testcase>
                  <testcase name="skipped" classname="io.seams.Example" time="0"><skipped/></testcase>
                </testsuite>
                """);

        assertThat(Workshop.readSurefireReports(reports))
                .containsExactly(
                        new TestResult("io.seams.Example#passes", Status.PASSED, "", ""),
                        new TestResult(
                                "io.seams.Example#fails",
                                Status.FAILED,
                                "org.opentest4j.AssertionFailedError",
                                "expected: 5 but was: -1"),
                        new TestResult("io.seams.Example#skipped", Status.SKIPPED, "", ""));
    }

    @Test
    void unknownCommandsAndExercisesAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> Workshop.run(new String[] {"chekc"}, new Workshop.Console()))
                .hasMessageContaining("Unknown command 'chekc'");
        assertThatThrownBy(() -> workshop.exercise(List.of("99"))).hasMessageContaining("docs/workshop/ws list");
        assertThatThrownBy(() -> workshop.exercise(List.of())).hasMessageContaining("Which exercise?");
    }

    @Test
    void theCommandLineNeedsNothingButAJdk(@TempDir Path output) {
        var compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.StringWriter();
        var compiled = compiler.getTask(
                        errors,
                        null,
                        null,
                        List.of("-d", output.toString(), "-cp", output.toString(), "--release", "17", "-proc:none"),
                        null,
                        compiler.getStandardFileManager(null, null, null)
                                .getJavaFileObjects(WorkshopSetup.ROOT
                                        .resolve("docs/workshop/Workshop.java")
                                        .toFile()))
                .call();

        assertThat(compiled)
                .as("docs/workshop/Workshop.java compiles with the JDK alone: %s", errors)
                .isTrue();
    }

    private static TestResult failed(String message) {
        return new TestResult(
                "io.seams.workshop.fixture.VerifierFixtureTests#addsTwoNumbers",
                Status.FAILED,
                "org.opentest4j.AssertionFailedError",
                message);
    }

    private static Build build(int exitCode, TestResult... results) {
        return new Build(
                exitCode, WorkshopSetup.ROOT.resolve("target/workshop/check.log"), List.of(results), List.of());
    }
}
