package io.seams.fitness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0, the format code-scanning tools read: the few parts the reports write. */
final class Sarif {

    private Sarif() {}

    /** A log of one run of the tool {@code driver}, with its rules, results and notifications. */
    static Map<String, Object> log(
            String driver,
            List<Map<String, Object>> rules,
            List<Map<String, Object>> results,
            List<Map<String, Object>> notifications) {
        var tool = new LinkedHashMap<String, Object>();
        tool.put("name", driver);
        tool.put("rules", rules);
        var run = new LinkedHashMap<String, Object>();
        run.put("tool", Map.of("driver", tool));
        run.put(
                "invocations",
                List.of(Map.of("executionSuccessful", true, "toolExecutionNotifications", notifications)));
        run.put("results", results);
        var sarif = new LinkedHashMap<String, Object>();
        sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        return sarif;
    }

    /** A result of a rule, at {@code file} (none when empty) and {@code line} (none when 0 or less). */
    static Map<String, Object> result(String rule, String level, String message, String file, int line) {
        var item = new LinkedHashMap<String, Object>();
        item.put("ruleId", rule);
        item.put("level", level);
        item.put("message", Map.of("text", message));
        if (!file.isEmpty()) {
            var physical = new LinkedHashMap<String, Object>();
            physical.put("artifactLocation", Map.of("uri", file.replace('\\', '/')));
            if (line > 0) {
                physical.put("region", Map.of("startLine", line));
            }
            item.put("locations", List.of(Map.of("physicalLocation", physical)));
        }
        return item;
    }
}
