package dev.newsroom.ingest.poller;

import dev.newsroom.schemas.RawDocument;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the poller produced. */
final class RecordingSink implements RawDocumentSink {

    private final List<RawDocument> documents = new CopyOnWriteArrayList<>();

    @Override
    public void accept(RawDocument document) {
        documents.add(document);
    }

    List<RawDocument> documents() {
        return documents;
    }
}
