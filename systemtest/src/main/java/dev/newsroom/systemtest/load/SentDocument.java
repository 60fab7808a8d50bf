package dev.newsroom.systemtest.load;

/** A generated document as the broker acknowledged it: where it sits in the raw topic. */
public record SentDocument(GeneratedDocument document, int partition, long offset) {
}
