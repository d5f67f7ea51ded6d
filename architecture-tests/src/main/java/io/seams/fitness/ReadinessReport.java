package io.seams.fitness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readiness scores as a console table, {@code readiness.json} (per module: score, band, gates,
 * every dimension with its value and deductions with their locations), {@code readiness.md} (the table
 * and the module graph, each node coloured by its band) and {@code readiness.sarif} (a result per gate
 * and deduction with its location), in the report folder ({@code fitness.report}).
 */
public final class ReadinessReport {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReadinessReport() {}

    /** Writes readiness.json, readiness.md, readiness.sarif and readiness.txt (the console table) into the result's report folder. */
    public static void write(Readiness.Result result) {
        var folder = result.settings().reportFolder();
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("readiness.json"), JSON.writeValueAsString(json(result)) + "\n");
            Files.writeString(folder.resolve("readiness.md"), markdown(result));
            Files.writeString(folder.resolve("readiness.sarif"), JSON.writeValueAsString(sarif(result)) + "\n");
            Files.writeString(folder.resolve("readiness.txt"), table(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console table: module, score, band, and what costs the most. */
    public static String table(Readiness.Result result) {
        var settings = result.settings();
        var text = new StringBuilder(
                "[fitness] Extraction readiness (0-100: READY >= %d, EXTRACTABLE >= %d, ENTANGLED below,"
                                .formatted(settings.ready(), settings.extractable())
                        + " BLOCKED when a gate breaks; " + result.historyNote() + ")\n");
        var width = Math.max(
                6,
                result.modules().stream()
                        .mapToInt(score -> score.module().length())
                        .max()
                        .orElse(6));
        text.append(("%-" + width + "s  score  band         top deductions\n").formatted("module"));
        for (var score : ordered(result)) {
            var top = score.topDeductions(2);
            text.append(("%-" + width + "s  %5d  %-11s  %s\n")
                    .formatted(score.module(), score.score(), score.band(), top.isEmpty() ? "-" : top.get(0)));
            for (var more : top.subList(Math.min(1, top.size()), top.size())) {
                text.append(" ".repeat(width + 22)).append(more).append('\n');
            }
        }
        if (!result.shared().isEmpty()) {
            text.append("shared (not scored, go with every process): ")
                    .append(String.join(", ", result.shared()))
                    .append('\n');
        }
        return text.toString();
    }

    /** The modules from the most to the least ready: by band, then score, then name. */
    public static List<ReadinessScore> ordered(Readiness.Result result) {
        return result.modules().stream()
                .sorted(Comparator.comparing(ReadinessScore::band)
                        .thenComparing(
                                Comparator.comparingInt(ReadinessScore::score).reversed())
                        .thenComparing(ReadinessScore::module))
                .toList();
    }

    /** The Markdown table: module, score, band, each dimension's value, and the work the deductions list. */
    public static String markdownTable(Readiness.Result result) {
        var text = new StringBuilder("| module | score | band |");
        var separator = new StringBuilder("|---|---:|---|");
        for (var dimension : Readiness.Dimension.values()) {
            text.append(' ')
                    .append(dimension.id)
                    .append(" (")
                    .append(format(result.settings().weight(dimension)))
                    .append(") |");
            separator.append("---:|");
        }
        text.append(" work before extraction |\n").append(separator).append("---|\n");
        for (var score : ordered(result)) {
            text.append("| `")
                    .append(score.module())
                    .append("` | ")
                    .append(score.score())
                    .append(" | ")
                    .append(score.band())
                    .append(" |");
            for (var dimension : score.dimensions()) {
                text.append(' ')
                        .append(dimension.skipped() ? "–" : String.format(Locale.ROOT, "%.2f", dimension.value()))
                        .append(" |");
            }
            var top = score.topDeductions(3);
            text.append(' ')
                    .append(top.isEmpty() ? "none" : String.join("; ", top).replace("|", "\\|"))
                    .append(" |\n");
        }
        return text.toString();
    }

    /** The module graph: solid arrows for calls, thin for other synchronous use, dotted for events; nodes coloured by band. */
    public static String mermaid(Readiness.Result result) {
        var text = new StringBuilder("flowchart LR\n");
        for (var score : result.modules()) {
            text.append("    %s[\"%s<br/>%d %s\"]:::%s\n"
                    .formatted(
                            score.module(),
                            score.module(),
                            score.score(),
                            score.band(),
                            score.band().name().toLowerCase(Locale.ROOT)));
        }
        result.calls()
                .forEach((from, targets) ->
                        targets.forEach(to -> text.append("    %s -- calls --> %s\n".formatted(from, to))));
        result.types()
                .forEach((from, targets) -> targets.forEach(to -> text.append("    %s --> %s\n".formatted(from, to))));
        result.events()
                .forEach((from, targets) ->
                        targets.forEach(to -> text.append("    %s -. events .-> %s\n".formatted(from, to))));
        text.append("    classDef ready fill:#2e7d32,color:#fff,stroke:#1b5e20\n");
        text.append("    classDef extractable fill:#f9a825,color:#000,stroke:#f57f17\n");
        text.append("    classDef entangled fill:#ef6c00,color:#fff,stroke:#e65100\n");
        text.append("    classDef blocked fill:#c62828,color:#fff,stroke:#b71c1c\n");
        return text.toString();
    }

    /** readiness.md: the table, the graph, and every module's gates and deductions. */
    public static String markdown(Readiness.Result result) {
        var settings = result.settings();
        var text = new StringBuilder("# Extraction readiness\n\n");
        text.append("Generated by the fitness rule `")
                .append(Readiness.RULE_ID)
                .append("`; do not edit. Score 0–100, the weighted mean of the dimensions (weights in brackets);")
                .append(" READY ≥ %d, EXTRACTABLE ≥ %d, ENTANGLED below, BLOCKED when a hard gate breaks. %s.\n\n"
                        .formatted(settings.ready(), settings.extractable(), capitalized(result.historyNote())));
        text.append(markdownTable(result)).append('\n');
        if (!result.shared().isEmpty()) {
            text.append("Shared modules, which go with every process and are not scored: ")
                    .append(String.join(", ", result.shared()))
                    .append(".\n\n");
        }
        text.append(
                "Solid arrows: synchronous dependencies (labelled when they are calls); dotted: events listened to.\n\n");
        text.append("```mermaid\n").append(mermaid(result)).append("```\n");
        for (var score : ordered(result)) {
            text.append("\n## ")
                    .append(score.module())
                    .append(": ")
                    .append(score.score())
                    .append(' ')
                    .append(score.band())
                    .append("\n\n");
            score.gates()
                    .forEach(gate -> text.append("- **gate** ").append(gate).append('\n'));
            for (var dimension : score.dimensions()) {
                text.append("- `%s` %s%s%s\n"
                        .formatted(
                                dimension.id(),
                                dimension.skipped() ? "skipped" : String.format(Locale.ROOT, "%.2f", dimension.value()),
                                dimension.note().isEmpty() ? "" : " — " + dimension.note(),
                                dimension.deductions().isEmpty() ? "" : ":"));
                dimension
                        .deductions()
                        .forEach(deduction -> text.append(
                                String.format(Locale.ROOT, "  - −%.2f %s\n", deduction.amount(), deduction)));
            }
        }
        return text.toString();
    }

    /** The order in which to extract the modules, most ready first, with the reasons, as a Markdown list. */
    public static String extractionOrder(Readiness.Result result) {
        var text = new StringBuilder();
        int rank = 1;
        for (var score : ordered(result)) {
            var top = score.topDeductions(2);
            text.append("%d. `%s` (%d, %s): %s\n"
                    .formatted(
                            rank++,
                            score.module(),
                            score.score(),
                            score.band(),
                            switch (score.band()) {
                                case READY ->
                                    top.isEmpty()
                                            ? "nothing to do first"
                                            : "can move as it is; what it still costs: " + String.join("; ", top);
                                case EXTRACTABLE -> "first: " + String.join("; ", top);
                                case ENTANGLED -> "untangle first: " + String.join("; ", top);
                                case BLOCKED -> "blocked: " + String.join("; ", top);
                            }));
        }
        return text.toString();
    }

    /**
     * {@code text} with what is between {@code <!-- name:begin -->} and {@code <!-- name:end -->}
     * replaced by {@code content}; fails when the markers are missing.
     */
    public static String replaceSection(String text, String name, String content) {
        var pattern = Pattern.compile(
                "(<!-- " + Pattern.quote(name) + ":begin -->\\n).*?(<!-- " + Pattern.quote(name) + ":end -->)",
                Pattern.DOTALL);
        var matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException(
                    "no <!-- " + name + ":begin --> ... <!-- " + name + ":end --> in the text");
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + content + matcher.group(2)));
    }

    private static Map<String, Object> json(Readiness.Result result) {
        var json = new LinkedHashMap<String, Object>();
        var settings = result.settings();
        var bands = new LinkedHashMap<String, Object>();
        bands.put("READY", ">= " + settings.ready());
        bands.put("EXTRACTABLE", ">= " + settings.extractable());
        bands.put("ENTANGLED", "< " + settings.extractable());
        bands.put("BLOCKED", "a hard gate breaks");
        json.put("bands", bands);
        var weights = new LinkedHashMap<String, Object>();
        for (var dimension : Readiness.Dimension.values()) {
            weights.put(dimension.id, settings.weight(dimension));
        }
        json.put("weights", weights);
        json.put("history", result.historyNote());
        json.put("shared", result.shared());
        var modules = new ArrayList<Map<String, Object>>();
        for (var score : ordered(result)) {
            var module = new LinkedHashMap<String, Object>();
            module.put("module", score.module());
            module.put("score", score.score());
            module.put("band", score.band().name());
            module.put(
                    "gates",
                    score.gates().stream()
                            .map(gate -> {
                                var item = new LinkedHashMap<String, Object>();
                                item.put("gate", gate.gate());
                                item.put("cause", gate.cause());
                                item.put("location", gate.location().toString());
                                return item;
                            })
                            .toList());
            var dimensions = new ArrayList<Map<String, Object>>();
            for (var dimension : score.dimensions()) {
                var item = new LinkedHashMap<String, Object>();
                item.put("dimension", dimension.id());
                item.put("weight", dimension.weight());
                item.put("value", dimension.value());
                item.put("skipped", dimension.skipped());
                item.put("note", dimension.note());
                item.put(
                        "deductions",
                        dimension.deductions().stream()
                                .map(deduction -> {
                                    var entry = new LinkedHashMap<String, Object>();
                                    entry.put("cause", deduction.cause());
                                    entry.put("amount", Readiness.round(deduction.amount()));
                                    entry.put("location", deduction.location().toString());
                                    return entry;
                                })
                                .toList());
                dimensions.add(item);
            }
            module.put("dimensions", dimensions);
            var calls = result.calls().getOrDefault(score.module(), java.util.Set.of());
            module.put("calls", calls);
            module.put("listens-to", result.events().getOrDefault(score.module(), java.util.Set.of()));
            modules.add(module);
        }
        json.put("modules", modules);
        return json;
    }

    private static Map<String, Object> sarif(Readiness.Result result) {
        var rules = new ArrayList<Map<String, Object>>();
        for (var gate : List.of("sync-cycle", "api-bypass", "foreign-data", "entity-crossing")) {
            rules.add(Map.of(
                    "id",
                    "readiness/" + gate,
                    "name",
                    gate,
                    "shortDescription",
                    Map.of("text", "Extraction gate " + gate + ": " + ReadinessBaseline.fixOf(gate))));
        }
        for (var dimension : Readiness.Dimension.values()) {
            rules.add(Map.of(
                    "id",
                    "readiness/" + dimension.id,
                    "name",
                    dimension.id,
                    "shortDescription",
                    Map.of("text", "Extraction readiness: " + dimension.title)));
        }
        var results = new ArrayList<Map<String, Object>>();
        for (var score : ordered(result)) {
            for (var gate : score.gates()) {
                results.add(result(
                        "readiness/" + gate.gate(),
                        "error",
                        "Module '%s' is BLOCKED: %s".formatted(score.module(), gate.cause()),
                        gate.location()));
            }
            for (var dimension : score.dimensions()) {
                for (var deduction : dimension.deductions()) {
                    results.add(result(
                            "readiness/" + dimension.id(),
                            "note",
                            String.format(
                                    Locale.ROOT,
                                    "Module '%s' (%d, %s), %s −%.2f: %s",
                                    score.module(),
                                    score.score(),
                                    score.band(),
                                    dimension.id(),
                                    deduction.amount(),
                                    deduction.cause()),
                            deduction.location()));
                }
            }
        }
        return Sarif.log("seams-fitness-readiness", rules, results, List.of());
    }

    private static Map<String, Object> result(
            String rule, String level, String message, ReadinessScore.Location location) {
        return Sarif.result(rule, level, message, location.file(), location.line());
    }

    private static String format(double weight) {
        return weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
