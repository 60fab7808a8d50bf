package dev.newsroom.systemtest.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs another main class in this JVM and ends the JVM when the process that started it goes away: the parent holds
 * this process's stdin open, so end-of-file on stdin means the parent died, even by {@code kill -9}. A test JVM
 * that crashes therefore leaves no broker or service running. {@code OrphanGuard MAIN_CLASS [ARG ...]}.
 */
public final class OrphanGuard {

    /** Exit status of a process whose parent disappeared. */
    static final int ORPHANED = 3;
    private static final long HALT_AFTER_MS = 20_000;

    private OrphanGuard() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: OrphanGuard MAIN_CLASS [ARG ...]");
            System.exit(2);
        }
        Thread watch = new Thread(() -> exitAtEndOfInput(System.in), "orphan-guard");
        watch.setDaemon(true);
        watch.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitAtEndOfInput(InputStream parent) {
        try {
            while (parent.read() >= 0) {
                // the parent never writes; reading only waits for the pipe to close
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of input
        }
        // A clean exit runs the shutdown hooks (a service leaves its group); halt if they hang on a dead cluster.
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(ORPHANED);
        }, "orphan-guard-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(ORPHANED);
    }
}
