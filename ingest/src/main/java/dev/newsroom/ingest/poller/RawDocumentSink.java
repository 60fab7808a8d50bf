package dev.newsroom.ingest.poller;

import dev.newsroom.schemas.RawDocument;

/** Where the poller hands what it fetched; Kafka in production ({@link KafkaRawDocumentSink}). */
@FunctionalInterface
public interface RawDocumentSink {

    /**
     * Takes one document, returning only once it is safely handed on. The poller calls this from several
     * threads at once, one per feed.
     *
     * @throws RuntimeException if the document could not be handed on; the poller then counts an error for
     *                          the feed and fetches the document again on its next attempt
     */
    void accept(RawDocument document);
}
