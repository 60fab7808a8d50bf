package dev.newsroom.ingest.topology;

import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.schemas.IngestOutcomeKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

/**
 * What ingest counts, for /metrics: documents by format, articles by outcome, rejections by reason, and what rightly
 * yielded nothing by kind.
 */
public final class IngestMetrics {

    private final Map<InputFormat, Counter> documents = new EnumMap<>(InputFormat.class);
    private final Map<RejectedDocumentException.Reason, Counter> rejectedDocuments =
            new EnumMap<>(RejectedDocumentException.Reason.class);
    private final Counter newArticles;
    private final Counter newVersions;
    private final Map<IngestOutcomeKind, Counter> nothingDue = new EnumMap<>(IngestOutcomeKind.class);
    private final Counter rejectedItems;

    public IngestMetrics(MeterRegistry meters) {
        for (InputFormat format : InputFormat.values()) {
            documents.put(format, meters.counter("newsroom.ingest.documents", "format", format.format()));
        }
        for (RejectedDocumentException.Reason reason : RejectedDocumentException.Reason.values()) {
            rejectedDocuments.put(reason, meters.counter("newsroom.ingest.documents.rejected",
                    "reason", reason.name().toLowerCase(Locale.ROOT)));
        }
        newArticles = meters.counter("newsroom.ingest.articles", "outcome", "new");
        newVersions = meters.counter("newsroom.ingest.articles", "outcome", "new-version");
        for (IngestOutcomeKind kind : EnumSet.complementOf(EnumSet.of(IngestOutcomeKind.OTHER))) {
            nothingDue.put(kind, meters.counter("newsroom.ingest.nothing-due",
                    "kind", kind.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        rejectedItems = meters.counter("newsroom.ingest.items.rejected");
    }

    static IngestMetrics discarding() {
        return new IngestMetrics(new SimpleMeterRegistry());
    }

    void parsed(InputFormat format) {
        documents.get(format).increment();
    }

    void rejected(RejectedDocumentException e) {
        rejectedDocuments.get(e.reason()).increment();
    }

    void rejectedItem() {
        rejectedItems.increment();
    }

    void emitted(int version) {
        (version == 1 ? newArticles : newVersions).increment();
    }

    void nothingDue(IngestOutcomeKind kind) {
        nothingDue.get(kind).increment();
    }
}
