package dev.newsroom.ops.operate.replay;

import dev.newsroom.ops.operate.Formats;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress on stderr, so stdout keeps only the summary: a bar redrawn in place on a terminal, a line every few
 * seconds when stderr is a file or a pipe. Rate and ETA count source offsets, since that is what is left to read
 * whatever the filter keeps.
 */
public final class ProgressBar {

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private final long total;
    private final long began = System.nanoTime();
    private final long interval;
    private long lastDrawn;
    private boolean drawn;

    public ProgressBar(PrintWriter err, boolean terminal, String label, long total) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
        this.total = total;
        this.interval = (terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5)).toNanos();
        this.lastDrawn = began;
    }

    public void update(long doneOffsets, long copied) {
        long now = System.nanoTime();
        if (now - lastDrawn >= interval) {
            draw(doneOffsets, copied, now);
        }
    }

    public void finish(long doneOffsets, long copied) {
        if (drawn || total > 0) {
            draw(doneOffsets, copied, System.nanoTime());
            if (terminal) {
                err.println();
            }
        }
    }

    private void draw(long done, long copied, long now) {
        lastDrawn = now;
        drawn = true;
        double seconds = Math.max(1e-3, (now - began) / 1e9);
        double rate = done / seconds;
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = done >= total ? "done" : rate <= 0 ? "ETA ?"
                : "ETA " + Formats.age(Duration.ofSeconds((long) Math.ceil((total - done) / rate)));
        String line = String.format("%s [%s%s] %3d%% %s/%s offsets, %s copied, %s/s, %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), Formats.count(done), Formats.count(total),
                Formats.count(copied), Formats.count(Math.round(rate)), eta);
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
        } else {
            err.println(line);
        }
        err.flush();
    }
}
