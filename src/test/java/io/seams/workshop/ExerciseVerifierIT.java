package io.seams.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.workshop.ExerciseVerifier.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier catches the ways an exercise rots. Each fixture exercise (src/test/resources/
 * workshop-fixtures/) patches {@code VerifierFixture}, whose check is {@code VerifierFixtureTests}.
 */
class ExerciseVerifierIT {

    private static ExerciseVerifier verifier;

    @BeforeAll
    static void verifier() {
        verifier = new ExerciseVerifier(WorkshopSetup.ofThisBuild(Duration.ofMinutes(2)));
    }

    @Test
    void aSoundExerciseIsProvenBothWays() {
        assertThat(verify("01-proven").problems()).isEmpty();
    }

    @Test
    void aPatchThatNoLongerAppliesIsCaught() {
        assertThat(verify("02-stale").problems())
                .singleElement()
                .asString()
                .contains("the start patch no longer applies", "VerifierFixture.java");
    }

    @Test
    void aStartStateThatIsAlreadyGreenIsCaught() {
        assertThat(verify("03-green").problems())
                .singleElement()
                .asString()
                .contains("the start state is already green", "ex-fixture");
    }

    @Test
    void aStartStateThatFailsForAnotherReasonIsCaught() {
        assertThat(verify("04-wrong-reason").problems())
                .singleElement()
                .asString()
                .contains(
                        "the start state fails for another reason than declared",
                        "declared failure did not happen as declared: io.seams.workshop.fixture.VerifierFixtureTests#addsTwoNumbers",
                        "failed for a reason not declared",
                        "but was: -1");
    }

    @Test
    void aStartStateThatDoesNotCompileIsCaught() {
        assertThat(verify("05-does-not-compile").problems())
                .singleElement()
                .asString()
                .contains("the code does not compile with the start patch applied", "VerifierFixture.java");
    }

    @Test
    void aSolutionThatDoesNotPassIsCaught() {
        assertThat(verify("06-bad-solution").problems())
                .singleElement()
                .asString()
                .contains("fails with the solution applied", "addsTwoNumbers", "but was: 6");
    }

    private static Verdict verify(String fixture) {
        return verifier.verify(Workshop.Exercise.load(WorkshopSetup.ROOT
                .resolve("src/test/resources/workshop-fixtures")
                .resolve(fixture)));
    }
}
