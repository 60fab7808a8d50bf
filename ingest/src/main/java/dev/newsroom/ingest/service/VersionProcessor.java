package dev.newsroom.ingest.service;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.IngestOutcome;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gives each story its version: an unchanged re-ingest (same content hash as the last version) emits no article but
 * an outcome naming the version it matches; a changed one is the next version, dated by the source's update time
 * or, failing that, when ingest saw it. Runs after the repartition by article id, so every copy of a story (the
 * page, the feed item) meets the same store.
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
        LastVersion last = LastVersion.parse(versions.get(record.key()));
        if (last != null && last.contentHash().equals(article.getContentHash())) {
            IngestOutcome unchanged = nothingDue.unchanged(article, last.version());
            metrics.nothingDue(unchanged.getKind());
            context().forward(record.withValue(IngestResult.nothingDue(unchanged)));
            return;
        }
        int version = last == null ? 1 : last.version() + 1;
        Article.Builder next = Article.newBuilder(article).setVersion(version);
        if (version > 1 && article.getUpdatedAt() == null) {
            next.setUpdatedAt(article.getLineage().getIngestedAt());
        }
        versions.put(record.key(), new LastVersion(version, article.getContentHash()).format());
        metrics.emitted(version);
        context().forward(record.withValue(IngestResult.of(next.build())));
    }

    /** What the store keeps per article: "version:contentHash". */
    record LastVersion(int version, String contentHash) {
        static LastVersion parse(String stored) {
            if (stored == null) {
                return null;
            }
            int colon = stored.indexOf(':');
            return new LastVersion(Integer.parseInt(stored.substring(0, colon)), stored.substring(colon + 1));
        }

        String format() {
            return version + ":" + contentHash;
        }
    }
}
