package io.seams.shop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Java program started as a process of its own, its output going to a log file. */
public final class JavaProcess {

    private JavaProcess() {}

    /** Starts {@code java <arguments>} with the Java that runs this program, in {@code folder}. */
    public static Process start(Path folder, Path log, List<String> arguments) throws IOException {
        Files.createDirectories(log.getParent());
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Asks the process to stop (SIGTERM: a clean shutdown), and kills it if it has not after {@code grace}. */
    public static void stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notInTime) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would: no shutdown hook runs. */
    public static void kill(ProcessHandle process) {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** The last lines of a log, to say why a process did not start. */
    public static String tail(Path log, int lines) {
        try {
            var all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
