package io.seams.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.workshop.Workshop.Exercise;
import io.seams.workshop.Workshop.Patch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The workshop's material is complete and consistent (docs/workshop/AUTHORING.md): every exercise
 * has its files and sections, the participants' page lists every exercise, and the trainer's
 * agenda adds up. {@code WorkshopExercisesIT} proves the exercises themselves.
 */
class WorkshopMaterialTests {

    static final Path WORKSHOP = WorkshopSetup.ROOT.resolve("docs/workshop");

    static final Pattern AGENDA_ROW = Pattern.compile("^\\| (\\d\\d:\\d\\d)–(\\d\\d:\\d\\d) \\| (\\d+) min \\|.*");

    record AgendaRow(LocalTime start, LocalTime end, long minutes, String text) {}

    final List<Exercise> exercises = WorkshopSetup.exercises();

    @Test
    void thereAreAtLeastTenExercisesNumberedInOrder() {
        assertThat(exercises).hasSizeGreaterThanOrEqualTo(10);
        for (var i = 0; i < exercises.size(); i++) {
            assertThat(exercises.get(i).number()).isEqualTo("%02d".formatted(i + 1));
        }
    }

    @Test
    void everyExerciseDeclaresItsTagGoalAndRed() {
        assertThat(exercises).allSatisfy(exercise -> {
            assertThat(exercise.tag()).as(exercise.slug()).isEqualTo("ex-" + exercise.number());
            assertThat(exercise.title()).as(exercise.slug()).isNotBlank();
            assertThat(exercise.goal()).as(exercise.slug()).isNotBlank();
            assertThat(exercise.minutes()).as("%s: minutes", exercise.slug()).isBetween(15, 60);
            assertThat(exercise.expectations()).as(exercise.slug()).allSatisfy(expectation -> {
                assertThat(expectation.test()).matches("[a-z][\\w.]*\\.[A-Z]\\w*#\\w+");
                assertThat(expectation.exception()).isNotBlank();
                assertThat(expectation.message().pattern()).isNotBlank();
                assertThat(expectation.plain()).isNotBlank();
            });
        });
    }

    @Test
    void everyExerciseHasItsPagesAndHints() throws IOException {
        for (var exercise : exercises) {
            var readme = Files.readString(exercise.folder().resolve("README.md"));
            assertThat(readme)
                    .as("%s/README.md", exercise.slug())
                    .contains("## Goal", "## Context", "## Steps", "## Done when", "## Stretch goal");
            assertThat(exercise.hints())
                    .as("%s/hints.md: hints from vague to exact", exercise.slug())
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyStartPatchIsSmallAndTouchesFilesThatExist() throws IOException {
        for (var exercise : exercises) {
            var patch = Files.readString(exercise.startPatch());
            var files = Patch.parse(patch).files();
            assertThat(files).as(exercise.slug()).isNotEmpty();
            var changed = patch.lines()
                    .filter(line -> (line.startsWith("+") || line.startsWith("-"))
                            && !line.startsWith("+++")
                            && !line.startsWith("---"))
                    .count();
            // About one seam: ideally 60 lines or fewer. An exercise whose solution goes beyond main
            // brings its checks in its start patch.
            var limit = exercise.solutionPatch().isPresent() ? 250 : 80;
            assertThat(changed)
                    .as("%s: lines the start patch changes", exercise.slug())
                    .isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void theParticipantsPageListsEveryExercise() throws IOException {
        var readme = Files.readString(WORKSHOP.resolve("README.md"));
        assertThat(exercises)
                .allSatisfy(exercise -> assertThat(readme)
                        .as("docs/workshop/README.md links exercise %s", exercise.slug())
                        .contains("(exercises/" + exercise.slug() + "/)"));
    }

    @Test
    void theTrainersAgendaAddsUpAndHasADebriefForEveryExercise() throws IOException {
        var trainer = Files.readString(WORKSHOP.resolve("TRAINER.md"));
        var rows = trainer.lines()
                .map(AGENDA_ROW::matcher)
                .filter(Matcher::matches)
                .map(row -> new AgendaRow(
                        LocalTime.parse(row.group(1)),
                        LocalTime.parse(row.group(2)),
                        Long.parseLong(row.group(3)),
                        row.group()))
                .toList();
        assertThat(rows)
                .as("agenda rows '| 09:00–09:30 | 30 min | … |' in TRAINER.md")
                .hasSizeGreaterThan(5);
        for (var i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            assertThat(Duration.between(row.start(), row.end()).toMinutes())
                    .as(row.text())
                    .isEqualTo(row.minutes());
            if (i > 0) {
                assertThat(row.start())
                        .as("starts when the row before ends: " + row.text())
                        .isEqualTo(rows.get(i - 1).end());
            }
        }
        for (var exercise : exercises) {
            var heading = "### " + exercise.number() + " ";
            assertThat(trainer).as("TRAINER.md has a section '%s…'", heading).contains(heading);
            var section = trainer.substring(trainer.indexOf(heading));
            var next = section.indexOf("\n### ", 1);
            section = next < 0 ? section : section.substring(0, next);
            assertThat(section).as("TRAINER.md, exercise %s", exercise.number()).contains("Debrief");
            var debrief = section.substring(section.indexOf("Debrief"));
            debrief = debrief.contains("\n#") ? debrief.substring(0, debrief.indexOf("\n#")) : debrief;
            assertThat(debrief)
                    .as("debrief questions for exercise %s", exercise.number())
                    .contains("?");
            assertThat(debrief.lines()
                            .filter(line -> line.matches("(- |\\d+\\. ).*"))
                            .count())
                    .as("debrief questions for exercise %s", exercise.number())
                    .isGreaterThanOrEqualTo(2);
        }
    }
}
