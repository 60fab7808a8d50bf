package dev.newsroom.ingest.topology;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.IngestOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gives each story its version: an unchanged re-ingest (same content hash as the last version) emits no article but
 * an outcome naming the version it matches; a changed one is the next version, dated by the source's update time
 * or, failing that, when ingest saw it. Runs after the repartition by article id, so every copy of a story (the
 * page, the feed item) meets the same store.
 *
 * <p>Content equal to one of the story's {@value #REMEMBERED} latest versions is unchanged too: without that, two
 * copies of one story that differ (a page and its feed item, two items of one id in different feeds) would make a new
 * version each time either is sent again, flipping between them for ever. The price: content that truly goes back to
 * an earlier version is not published again (an editor's correction is the way to do that).
 */
final class VersionProcessor extends ContextualProcessor<String, Article, String, IngestResult> {

    static final String STORE = "article-versions";

    private final NothingDueOutcomes nothingDue;
    private final IngestMetrics metrics;
    private KeyValueStore<String, String> versions;

    VersionProcessor(NothingDueOutcomes nothingDue, IngestMetrics metrics) {
        this.nothingDue = nothingDue;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, IngestResult> context) {
        super.init(context);
        versions = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        RecentVersions recent = RecentVersions.parse(versions.get(record.key()));
        Integer matching = recent.versionWith(article.getContentHash());
        if (matching != null) {
            IngestOutcome unchanged = nothingDue.unchanged(article, matching, recent.latest());
            metrics.nothingDue(unchanged.getKind());
            context().forward(record.withValue(IngestResult.nothingDue(unchanged)));
            return;
        }
        int version = recent.latest() + 1;
        Article.Builder next = Article.newBuilder(article).setVersion(version);
        if (version > 1 && article.getUpdatedAt() == null) {
            next.setUpdatedAt(article.getLineage().getIngestedAt());
        }
        versions.put(record.key(), recent.with(version, article.getContentHash()).format());
        metrics.emitted(version);
        context().forward(record.withValue(IngestResult.of(next.build())));
    }

    static final int REMEMBERED = 8;

    /**
     * What the store keeps per article: its latest versions' numbers and content hashes, newest first, as
     * "3:hashC 2:hashB 1:hashA" (a store written before holds only "version:hash", which reads the same).
     */
    record RecentVersions(List<Integer> numbers, List<String> contentHashes) {

        static final RecentVersions NONE = new RecentVersions(List.of(), List.of());

        static RecentVersions parse(String stored) {
            if (stored == null || stored.isEmpty()) {
                return NONE;
            }
            List<Integer> numbers = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            for (String pair : stored.split(" ")) {
                int colon = pair.indexOf(':');
                numbers.add(Integer.parseInt(pair.substring(0, colon)));
                hashes.add(pair.substring(colon + 1));
            }
            return new RecentVersions(numbers, hashes);
        }

        /** The latest version's number, 0 for a story not seen before. */
        int latest() {
            return numbers.isEmpty() ? 0 : numbers.get(0);
        }

        /** The remembered version with this content, or {@code null}. */
        Integer versionWith(String contentHash) {
            int at = contentHashes.indexOf(contentHash);
            return at < 0 ? null : numbers.get(at);
        }

        RecentVersions with(int version, String contentHash) {
            List<Integer> newNumbers = new ArrayList<>(REMEMBERED);
            List<String> newHashes = new ArrayList<>(REMEMBERED);
            newNumbers.add(version);
            newHashes.add(contentHash);
            for (int i = 0; i < numbers.size() && newNumbers.size() < REMEMBERED; i++) {
                newNumbers.add(numbers.get(i));
                newHashes.add(contentHashes.get(i));
            }
            return new RecentVersions(newNumbers, newHashes);
        }

        String format() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < numbers.size(); i++) {
                out.append(i == 0 ? "" : " ").append(numbers.get(i)).append(':').append(contentHashes.get(i));
            }
            return out.toString();
        }
    }
}
