package io.seams.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.workshop.ExerciseVerifier.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Every workshop exercise, proven both ways on every build (docs/workshop/AUTHORING.md): its start
 * patch applies to this tree, the start state compiles and is red exactly as declared, its guards
 * stay green, and its solution passes. A refactor that breaks an exercise fails here, naming it.
 */
class WorkshopExercisesIT {

    private static Map<String, Verdict> verdicts;

    @BeforeAll
    static void verifyEveryExercise() throws Exception {
        var verifier = new ExerciseVerifier(WorkshopSetup.ofThisBuild(Duration.ofMinutes(5)));
        // Two at a time: each runs in a JVM of its own, against the one shared PostgreSQL.
        var pool = Executors.newFixedThreadPool(2);
        try {
            var running = chosen().stream()
                    .collect(Collectors.toMap(
                            Workshop.Exercise::number,
                            exercise -> pool.submit(() -> verifier.verify(exercise)),
                            (a, b) -> a,
                            LinkedHashMap::new));
            verdicts = new LinkedHashMap<>();
            for (var entry : running.entrySet()) {
                verdicts.put(entry.getKey(), entry.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** All exercises, or those that {@code -Dworkshop.exercises=01,03} names (for authors). */
    static List<Workshop.Exercise> chosen() {
        var wanted = System.getProperty("workshop.exercises", "");
        return WorkshopSetup.exercises().stream()
                .filter(exercise ->
                        wanted.isBlank() || List.of(wanted.split(",")).contains(exercise.number()))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> everyExerciseIsRedForItsDeclaredReasonAndGreenWhenSolved() {
        assertThat(verdicts)
                .as("the exercises chosen under docs/workshop/exercises")
                .isNotEmpty();
        return verdicts.values().stream()
                .map(verdict -> DynamicTest.dynamicTest(
                        verdict.exercise().slug() + " (" + verdict.seconds() + " s)",
                        () -> assertThat(verdict.problems())
                                .as(
                                        "exercise %s is proven both ways",
                                        verdict.exercise().slug())
                                .isEmpty()));
    }

    @Test
    void onMainEveryExerciseHasChecksAndTheyRunInThisBuild() {
        var launcher = LauncherFactory.create();
        var testClasses = WorkshopSetup.ROOT.resolve("target/test-classes");
        var mainSolved = WorkshopSetup.exercises().stream()
                .filter(exercise -> exercise.solutionPatch().isEmpty())
                .toList();
        Function<Workshop.Exercise, Long> checks =
                exercise -> launcher.discover(TagRunner.tagged(testClasses, exercise.tag()))
                        .countTestIdentifiers(TestIdentifier::isTest);
        // main is the solution of these: the build's own test run (surefire, failsafe) shows them green.
        assertThat(mainSolved)
                .allSatisfy(exercise -> assertThat(checks.apply(exercise))
                        .as("tests tagged %s on main (%s)", exercise.tag(), exercise.slug())
                        .isPositive());
    }
}
