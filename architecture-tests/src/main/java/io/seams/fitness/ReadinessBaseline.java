package io.seams.fitness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed readiness baseline and the ratchet on it: per module its score, band, gates and each
 * dimension's value with the causes of its deductions (without locations, so that moving code does
 * not count as a change). The build fails when a module's score falls below the baseline or a gate
 * breaks that the baseline does not record; {@value Readiness#UPDATE_PROPERTY}{@code =true} rewrites
 * it, and a missing baseline is written by the first run.
 */
public final class ReadinessBaseline {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A dimension as the baseline records it. */
    record Recorded(double value, List<String> causes) {}

    private ReadinessBaseline() {}

    /** The baseline file's content, if there is one. */
    static Optional<Map<String, Object>> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {}));
    }

    /** Writes the baseline for these scores. */
    public static void write(Readiness.Result result, Path file) {
        var baseline = new LinkedHashMap<String, Object>();
        baseline.put(
                "about",
                "Extraction readiness per module (docs/migration.md). The build fails when a module's score falls"
                        + " below this or a gate breaks that is not recorded here. Accept new scores with: "
                        + result.settings().acceptCommand());
        var history = new LinkedHashMap<String, Object>();
        history.put("commit", result.history().orElse(null));
        history.put("commits", result.settings().history());
        baseline.put("history", history);
        var weights = new LinkedHashMap<String, Object>();
        for (var dimension : Readiness.Dimension.values()) {
            weights.put(dimension.id, result.settings().weight(dimension));
        }
        baseline.put("weights", weights);
        var modules = new LinkedHashMap<String, Object>();
        for (var score : result.modules()) {
            var module = new LinkedHashMap<String, Object>();
            module.put("score", score.score());
            module.put("band", score.band().name());
            module.put(
                    "gates", score.gates().stream().map(ReadinessBaseline::key).toList());
            var dimensions = new LinkedHashMap<String, Object>();
            for (var dimension : score.dimensions()) {
                var recorded = new LinkedHashMap<String, Object>();
                recorded.put("value", dimension.value());
                recorded.put(
                        "deductions",
                        dimension.deductions().stream()
                                .map(ReadinessScore.Deduction::cause)
                                .distinct()
                                .sorted()
                                .toList());
                dimensions.put(dimension.id(), recorded);
            }
            module.put("dimensions", dimensions);
            modules.put(score.module(), module);
        }
        baseline.put("modules", modules);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, JSON.writeValueAsString(baseline) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ratchet: rewrites the baseline when asked to (or when there is none), otherwise compares
     * the scores with it. Answers one message per failure: a module below its baseline (with the
     * dimensions that fell and the deductions that are new) or a gate the baseline does not record.
     */
    public static List<String> ratchet(Readiness.Result result) {
        var settings = result.settings();
        var file = settings.baseline();
        if (settings.update()) {
            write(result, file);
            System.out.println("[fitness] readiness: wrote the baseline " + file + " from this build; commit it");
            return List.of();
        }
        var baseline = read(file);
        if (baseline.isEmpty()) {
            write(result, file);
            System.out.println("[fitness] readiness: there was no baseline at " + file
                    + "; this build wrote one from its scores. Commit it: from then on a module whose score falls,"
                    + " or that breaks a new gate, fails the build (accept intended changes with: "
                    + settings.acceptCommand() + ")");
            return List.of();
        }
        return compare(result, baseline.get());
    }

    @SuppressWarnings("unchecked")
    static List<String> compare(Readiness.Result result, Map<String, Object> baseline) {
        var failures = new ArrayList<String>();
        var modules = (Map<String, Object>) baseline.getOrDefault("modules", Map.of());
        var command = result.settings().acceptCommand();
        for (var score : result.modules()) {
            var recorded = (Map<String, Object>) modules.get(score.module());
            if (recorded == null) {
                System.out.println("[fitness] readiness: module '" + score.module()
                        + "' is not in the baseline yet; record it with: " + command);
            }
            var knownGates = recorded == null
                    ? Set.<String>of()
                    : Set.copyOf((List<String>) recorded.getOrDefault("gates", List.of()));
            var newGates = score.gates().stream()
                    .filter(gate -> !knownGates.contains(key(gate)))
                    .toList();
            if (!newGates.isEmpty()) {
                failures.add("Module '%s' is BLOCKED: %s. Fix: %s"
                        .formatted(
                                score.module(),
                                newGates.stream().map(Object::toString).collect(Collectors.joining("; ")),
                                newGates.stream()
                                        .map(gate -> fixOf(gate.gate()))
                                        .distinct()
                                        .collect(Collectors.joining("; "))));
                continue;
            }
            if (recorded == null) {
                continue;
            }
            if (!(recorded.get("score") instanceof Number recordedScore)) {
                throw new IllegalStateException("The readiness baseline gives module '%s' no score: fix it with: %s"
                        .formatted(score.module(), command));
            }
            var before = recordedScore.intValue();
            if (score.score() < before) {
                failures.add(fall(score, before, recorded, command));
            } else if (score.score() > before) {
                System.out.println("[fitness] readiness: module '%s' rose from %d to %d; raise its baseline with: %s"
                        .formatted(score.module(), before, score.score(), command));
            }
        }
        modules.keySet().stream()
                .filter(name -> result.modules().stream()
                        .noneMatch(score -> score.module().equals(name)))
                .forEach(name -> System.out.println("[fitness] readiness: module '" + name
                        + "' is in the baseline but gone; drop it with: " + command));
        return failures;
    }

    @SuppressWarnings("unchecked")
    private static String fall(ReadinessScore score, int before, Map<String, Object> recorded, String command) {
        var dimensions = (Map<String, Object>) recorded.getOrDefault("dimensions", Map.of());
        var causes = new ArrayList<String>();
        for (var dimension : score.dimensions()) {
            var was = (Map<String, Object>) dimensions.get(dimension.id());
            var valueBefore = was != null && was.get("value") instanceof Number value ? value.doubleValue() : 1.0;
            if (dimension.value() >= valueBefore - 1e-9 || dimension.skipped()) {
                continue;
            }
            var known = was == null
                    ? Set.<String>of()
                    : Set.copyOf((List<String>) was.getOrDefault("deductions", List.of()));
            var fresh = dimension.deductions().stream()
                    .filter(deduction -> !known.contains(deduction.cause()))
                    .map(Object::toString)
                    .distinct()
                    .toList();
            causes.add(String.format(
                    java.util.Locale.ROOT,
                    "%s %.2f → %.2f%s",
                    dimension.id(),
                    valueBefore,
                    dimension.value(),
                    fresh.isEmpty() ? " (more of what it had)" : ", new: " + String.join("; ", fresh)));
        }
        if (causes.isEmpty()) {
            causes.add("the weights changed since the baseline");
        }
        return ("Module '%s' fell below its readiness baseline: %d → %d (%s). %s. Fix the cause, or accept the new"
                        + " score with: %s")
                .formatted(score.module(), before, score.score(), score.band(), String.join(". ", causes), command);
    }

    /** The commit the baseline's co-change window ends at. */
    static Optional<String> historyCommit(Map<String, Object> baseline) {
        if (baseline.get("history") instanceof Map<?, ?> history && history.get("commit") instanceof String commit) {
            return Optional.of(commit);
        }
        return Optional.empty();
    }

    /** The co-change dimension of every module, as recorded. */
    @SuppressWarnings("unchecked")
    static Map<String, Recorded> coChange(Map<String, Object> baseline) {
        var recorded = new TreeMap<String, Recorded>();
        if (!(baseline.get("modules") instanceof Map<?, ?> modules)) {
            return recorded;
        }
        modules.forEach((name, module) -> {
            if (module instanceof Map<?, ?> values
                    && values.get("dimensions") instanceof Map<?, ?> dimensions
                    && dimensions.get(Readiness.Dimension.CO_CHANGE.id) instanceof Map<?, ?> coChange
                    && coChange.get("value") instanceof Number value) {
                recorded.put(
                        (String) name,
                        new Recorded(
                                value.doubleValue(),
                                coChange.get("deductions") instanceof List<?> causes
                                        ? causes.stream().map(String::valueOf).toList()
                                        : List.of()));
            }
        });
        return recorded;
    }

    static String key(ReadinessScore.Gate gate) {
        return gate.gate() + ": " + gate.cause();
    }

    static String fixOf(String gate) {
        return switch (gate) {
            case "sync-cycle" -> "turn one direction of the cycle into events, or move the shared part into one module";
            case "api-bypass" ->
                "use the other module's API (its base package or a named interface), or expose the type";
            case "foreign-data" -> "ask the owning module through its API or keep a copy fed by its events";
            case "entity-crossing" -> "take and return ids and records of plain values at the module's API";
            default -> "see docs/migration.md";
        };
    }
}
