package dev.newsroom.ops.operate.replay;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Paces copies to a steady rate ({@code 500/s}, {@code 1200/m}, or a bare number per second), so a replay into a
 * live topic does not swamp the services that consume it. The n-th record waits until n / rate after the start,
 * so short stalls are caught up without bursts above the average.
 */
public final class RateLimit {

    private final double perSecond;
    private long began;
    private long admitted;

    private RateLimit(double perSecond) {
        this.perSecond = perSecond;
    }

    public static RateLimit unlimited() {
        return new RateLimit(0);
    }

    public static RateLimit perSecond(double perSecond) {
        return new RateLimit(perSecond);
    }

    public double perSecond() {
        return perSecond;
    }

    /** Waits for the next record's turn; returns early, false, once {@code stop} is set. */
    public boolean acquire(AtomicBoolean stop) throws InterruptedException {
        if (perSecond <= 0) {
            return !stop.get();
        }
        long now = System.nanoTime();
        if (admitted == 0) {
            began = now;
        }
        long due = began + (long) (admitted * 1e9 / perSecond);
        while (now < due) {
            if (stop.get()) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(due - now, 100_000_000L));
            now = System.nanoTime();
        }
        admitted++;
        return !stop.get();
    }

    /** picocli: {@code 500/s}, {@code 1200/m}, {@code 50}. */
    public static final class Converter implements ITypeConverter<RateLimit> {
        @Override
        public RateLimit convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            double divisor = 1;
            if (text.endsWith("/s")) {
                text = text.substring(0, text.length() - 2);
            } else if (text.endsWith("/m")) {
                text = text.substring(0, text.length() - 2);
                divisor = 60;
            }
            try {
                double rate = Double.parseDouble(text) / divisor;
                if (rate > 0 && Double.isFinite(rate)) {
                    return new RateLimit(rate);
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted forms
            }
            throw new TypeConversionException("'" + value + "' is not a rate: use records per second such as 500/s,"
                    + " or per minute such as 1200/m");
        }
    }
}
