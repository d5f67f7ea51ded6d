package io.seams.fitness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which modules change together, from the last commits of git history: a module that is rarely
 * changed without another is one deployment with it in all but name. Bounded (at most {@code
 * commits} commits, one {@code git log}, ten seconds) and optional: without git, or outside a
 * checkout, there is no history and the dimension is skipped.
 *
 * <p>The window ends at a given commit (the one the readiness baseline was accepted at), not at
 * HEAD, so the score does not move with every commit; accepting a new baseline moves the window. A
 * shallow clone counts as no history.
 */
final class CoChange {

    /**
     * The history read.
     *
     * @param commit the commit the window ends at
     * @param commitsByModule per module, the files' commits touching it: commit → every module it touched
     */
    record History(String commit, Map<String, List<Set<String>>> commitsByModule) {

        /** For one module: how many of its commits touched another of {@code modules}, and which, by count. */
        Map<String, Integer> partners(String module, Set<String> modules) {
            var counts = new TreeMap<String, Integer>();
            for (var touched : commitsByModule.getOrDefault(module, List.of())) {
                touched.stream()
                        .filter(other -> !other.equals(module) && modules.contains(other))
                        .forEach(other -> counts.merge(other, 1, Integer::sum));
            }
            return counts;
        }

        int commits(String module) {
            return commitsByModule.getOrDefault(module, List.of()).size();
        }

        int commitsWithOthers(String module, Set<String> modules) {
            return (int) commitsByModule.getOrDefault(module, List.of()).stream()
                    .filter(touched ->
                            touched.stream().anyMatch(other -> !other.equals(module) && modules.contains(other)))
                    .count();
        }
    }

    private static final String COMMIT_MARK = "\u001ecommit ";

    private CoChange() {}

    /** The commit HEAD is at, if this is a git checkout with git on the path. */
    static Optional<String> head(Path folder) {
        return git(folder, "rev-parse", "--verify", "HEAD^{commit}").map(String::trim);
    }

    /**
     * The last {@code commits} commits up to {@code commit} (merges left out), each mapped to the
     * modules whose files it touched; empty when git, the checkout or the commit is missing.
     */
    static Optional<History> read(
            Path folder, String commit, int commits, Function<String, Optional<String>> moduleOfFile) {
        if (commits <= 0) {
            return Optional.empty();
        }
        // A shallow clone (CI's usual fetch depth) has a truncated window: as good as no history.
        if (git(folder, "rev-parse", "--is-shallow-repository")
                .map(answer -> !answer.trim().equals("false"))
                .orElse(true)) {
            return Optional.empty();
        }
        return git(
                        folder,
                        "log",
                        "-n",
                        Integer.toString(commits),
                        "--no-merges",
                        "--name-only",
                        "--format=" + COMMIT_MARK.replace("\u001e", "%x1e") + "%H",
                        commit,
                        "--")
                .map(log -> new History(commit, parse(log, moduleOfFile)));
    }

    /** {@code git log --name-only} output, commits marked {@value #COMMIT_MARK}, to each module's commits. */
    static Map<String, List<Set<String>>> parse(String log, Function<String, Optional<String>> moduleOfFile) {
        var byModule = new TreeMap<String, List<Set<String>>>();
        for (var commit : log.split("\u001e")) {
            if (commit.isBlank()) {
                continue;
            }
            var touched = new TreeSet<String>();
            var lines = commit.split("\n");
            for (int i = 1; i < lines.length; i++) {
                var file = lines[i].trim();
                if (!file.isEmpty()) {
                    moduleOfFile.apply(file).ifPresent(touched::add);
                }
            }
            touched.forEach(module ->
                    byModule.computeIfAbsent(module, key -> new ArrayList<>()).add(touched));
        }
        return byModule;
    }

    /**
     * Maps a file of the repository to a module: Java sources by the module's package folder
     * ({@code .../com/example/orders/...}), migrations by the module's folder under the
     * migrations folder ({@code db/orders/V1__x.sql}).
     */
    static Function<String, Optional<String>> fileMapping(ModularApplication app) {
        var packages = new LinkedHashMap<String, String>();
        app.modules()
                .forEach(module -> packages.put(
                        "/" + module.getBasePackage().getName().replace('.', '/') + "/",
                        ModularApplication.nameOf(module)));
        var migrations = app.migrations().normalize().toString().replace('\\', '/');
        return file -> {
            var path = "/" + file;
            for (var entry : packages.entrySet()) {
                if (path.contains(entry.getKey())) {
                    return Optional.of(entry.getValue());
                }
            }
            var index = path.indexOf("/" + migrations + "/");
            if (index >= 0) {
                var rest = path.substring(index + migrations.length() + 2);
                var slash = rest.indexOf('/');
                if (slash > 0) {
                    var folder = rest.substring(0, slash);
                    if (app.moduleNames().contains(folder)) {
                        return Optional.of(folder);
                    }
                    return Optional.ofNullable(app.schemaOwners().get(folder));
                }
            }
            return Optional.empty();
        };
    }

    private static Optional<String> git(Path folder, String... arguments) {
        var command = new ArrayList<String>(
                List.of("git", "-C", folder.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            var output = new String[1];
            var reader = new Thread(() -> {
                try {
                    output[0] = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    output[0] = null;
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            reader.join(1000);
            return process.exitValue() == 0 ? Optional.ofNullable(output[0]) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
