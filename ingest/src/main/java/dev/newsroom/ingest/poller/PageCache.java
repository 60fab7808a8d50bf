package dev.newsroom.ingest.poller;

import dev.newsroom.ingest.parse.document.LinkedPage;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reduced pages by item link, shared by every feed, bounded by {@code poller.full-text.cache-bytes} (least recently
 * used dropped first). A page is kept with its validators, so once it is due for a refresh a conditional request
 * answered 304 reuses it; a page that could not be fetched is remembered too, so it is not asked for again on every
 * production of its feed.
 */
final class PageCache {

    /**
     * One link's last outcome.
     *
     * @param page       the reduced page, or empty when the last attempt failed
     * @param validators what to send to ask whether the page changed
     * @param checkedAt  when the server last gave or confirmed the page (or the attempt failed)
     * @param failure    why the last attempt failed, when it did
     */
    record Entry(Optional<LinkedPage> page, Validators validators, Instant checkedAt, Optional<String> failure) {

        static Entry of(LinkedPage page, Validators validators, Instant checkedAt) {
            return new Entry(Optional.of(page), validators, checkedAt, Optional.empty());
        }

        static Entry failed(String reason, Instant at) {
            return new Entry(Optional.empty(), Validators.NONE, at, Optional.of(reason));
        }

        Entry confirmedAt(Instant at) {
            return new Entry(page, validators, at, failure);
        }

        long bytes() {
            // The payload dominates; the rest is the two URLs, the validators and the objects around them.
            return page.map(p -> p.payload().length + 2L * (p.url().length() + p.fetchedUrl().length())).orElse(0L)
                    + failure.map(String::length).orElse(0) * 2L + 256;
        }
    }

    private final long capacityBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    PageCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    synchronized Optional<Entry> get(String link) {
        return Optional.ofNullable(entries.get(link));
    }

    synchronized void put(String link, Entry entry) {
        Entry previous = entries.put(link, entry);
        if (previous != null) {
            bytes -= previous.bytes();
        }
        bytes += entry.bytes();
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > capacityBytes && eldest.hasNext()) {
            Map.Entry<String, Entry> dropped = eldest.next();
            if (dropped.getKey().equals(link)) {
                continue;
            }
            bytes -= dropped.getValue().bytes();
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }
}
