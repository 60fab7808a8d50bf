package dev.newsroom.devtools.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Stop-the-world GC pauses during a phase: in this JVM from the collectors' notifications, in a child JVM from its
 * {@code -Xlog:gc} file. Concurrent cycles (ZGC, Shenandoah) are not pauses and are left out.
 */
final class GcPauses {

    /** Pauses of one JVM in a phase; heap sizes in MB after each collection. */
    record Summary(int count, double maxMillis, double totalMillis, int over50Millis, long maxHeapAfterMb,
                   long heapCapacityMb) {
        static final Summary NONE = new Summary(0, 0, 0, 0, 0, 0);
    }

    private record Pause(double millis, long heapAfterMb, long capacityMb) {
    }

    private static final Pattern LOG_PAUSE = Pattern.compile(
            "Pause .*?(\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    private GcPauses() {
    }

    /** Collects this JVM's pauses from now until {@link InProcess#stop()}. */
    static InProcess inThisJvm() {
        return new InProcess();
    }

    /** This JVM's collectors, listened to. */
    static final class InProcess {
        private final List<Pause> pauses = new ArrayList<>();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            if (info.getGcName().contains("Cycles")) {
                return;
            }
            long after = 0;
            long capacity = 0;
            for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (isHeapPool(pool.getKey())) {
                    MemoryUsage usage = pool.getValue();
                    after += usage.getUsed();
                    capacity += Math.max(0, usage.getCommitted());
                }
            }
            record(new Pause(info.getGcInfo().getDuration(), after >> 20, capacity >> 20));
        };

        private InProcess() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
        }

        private synchronized void record(Pause pause) {
            pauses.add(pause);
        }

        Summary stop() {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone: nothing to remove
                }
            }
            synchronized (this) {
                return summarise(pauses);
            }
        }

        private static boolean isHeapPool(String pool) {
            return !pool.contains("Metaspace") && !pool.contains("Code") && !pool.contains("Compressed Class");
        }
    }

    /** A child JVM's GC log, read from where it stood when {@link #logFrom} was called. */
    static final class LogWindow {
        private final Path log;
        private final long start;

        private LogWindow(Path log, long start) {
            this.log = log;
            this.start = start;
        }

        Summary read() {
            List<Pause> pauses = new ArrayList<>();
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                file.seek(Math.min(start, file.length()));
                byte[] rest = new byte[(int) (file.length() - file.getFilePointer())];
                file.readFully(rest);
                for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                    Matcher pause = LOG_PAUSE.matcher(line);
                    if (pause.find()) {
                        pauses.add(new Pause(Double.parseDouble(pause.group(4)), Long.parseLong(pause.group(2)),
                                Long.parseLong(pause.group(3))));
                    }
                }
            } catch (IOException e) {
                return Summary.NONE;
            }
            return summarise(pauses);
        }
    }

    static LogWindow logFrom(Path log) {
        return new LogWindow(log, log.toFile().length());
    }

    private static Summary summarise(List<Pause> pauses) {
        double max = 0;
        double total = 0;
        int over = 0;
        long heapAfter = 0;
        long capacity = 0;
        for (Pause pause : pauses) {
            max = Math.max(max, pause.millis());
            total += pause.millis();
            over += pause.millis() > 50 ? 1 : 0;
            heapAfter = Math.max(heapAfter, pause.heapAfterMb());
            capacity = Math.max(capacity, pause.capacityMb());
        }
        return new Summary(pauses.size(), max, total, over, heapAfter, capacity);
    }
}
