package dev.newsroom.devtools.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy this JVM's JIT compiler was since the last look, as a share of the machine. In a run of a minute or two
 * the compiler is still at work on the services' code and takes a third of the CPU, so figures taken then describe
 * a warming JVM, not a service that has been up for a day; {@code bench --warmup-until-compiled} warms up until
 * this share falls below {@link #IDLE_SHARE}.
 */
final class CompilerWatch {

    /** A compiler this busy or less counts as idle: what is left is the occasional late method. */
    static final double IDLE_SHARE = 0.05;

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private long compilingMillis;
    private long lookedAtNanos;

    CompilerWatch() {
        if (!compiler.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("This JVM does not report its JIT compiler's time; run without"
                    + " --warmup-until-compiled");
        }
        look();
    }

    /** The compiler's elapsed time since the last call over all cores' time, from 0 to 1. */
    double busyShareSinceLastLook() {
        long compiled = compiler.getTotalCompilationTime() - compilingMillis;
        double wallMillis = (System.nanoTime() - lookedAtNanos) / 1e6;
        look();
        return wallMillis <= 0 ? 0 : Math.min(1, compiled / (wallMillis * cores));
    }

    private void look() {
        compilingMillis = compiler.getTotalCompilationTime();
        lookedAtNanos = System.nanoTime();
    }
}
