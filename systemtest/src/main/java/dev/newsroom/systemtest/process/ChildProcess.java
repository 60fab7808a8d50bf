package dev.newsroom.systemtest.process;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by the tests under {@link OrphanGuard}: one main class, its own log file (stdout and stderr), and
 * the two ways the scenarios end it, {@link #kill()} (SIGKILL, as a crash) and {@link #stop(Duration)} (SIGTERM, as
 * an orchestrator's clean stop). Every child still alive when the test JVM exits is killed by a shutdown hook, and
 * one whose parent dies anyway exits by itself (the guard sees its stdin close).
 */
public final class ChildProcess {

    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildProcess::kill),
                "systemtest-children-kill"));
    }

    private final String name;
    private final Process process;
    private final OutputStream lifeline;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.log = log;
    }

    /**
     * Starts {@code java -XX:TieredStopAtLevel=1 [jvmOptions] -cp CLASSPATH OrphanGuard mainClass [args]} with the
     * running JVM's java, appending its output to {@code log}.
     */
    public static ChildProcess start(String name, String classpath, List<String> jvmOptions, String mainClass,
                                     List<String> args, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A child lives a minute or two at a few dozen documents a second: C2's compiling cost more CPU than its code
        // saved, and on two cores that CPU is what the scenarios' timing checks wait on (two scenarios: 306 CPU-seconds
        // with C2, 163 with C1 alone).
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, OrphanGuard.class.getName(), mainClass));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + name + ": " + String.join(" ", command.subList(1, command.size()))
                    .replace(classpath, "<classpath>") + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), log);
            RUNNING.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL, and waits until the process is gone: no shutdown hook runs, nothing is flushed or committed. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        release();
    }

    /**
     * SIGTERM, and waits up to {@code grace} for the process to finish its shutdown; kills it after that.
     *
     * @return true if it stopped by itself within {@code grace}
     */
    public boolean stop(Duration grace) {
        process.destroy();
        boolean clean = awaitExit(grace);
        if (!clean) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
        release();
        return clean;
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void release() {
        RUNNING.remove(this);
        try {
            lifeline.close();
        } catch (IOException e) {
            // the process is gone; its end of the pipe with it
        }
    }

    /** The last lines of the log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
