package dev.newsroom.ingest.parse;

import dev.newsroom.schemas.Lineage;

/** What every reader needs to know about the document it reads, and how messages name it. */
record ParseContext(RawInput input, InputFormat format, ParserLimits limits, Lineage lineageBase) {

    String source() {
        return input.source();
    }

    String documentUri() {
        return input.uri();
    }

    /** Language declared by the transport ({@code Content-Language}), the weakest declaration. */
    String headerLanguage() {
        return input.header("content-language");
    }

    ParseContext withFormat(InputFormat detected) {
        return new ParseContext(input, detected, limits, lineageBase);
    }

    /** "Document 'feed-17' (application/rss+xml)", as every error message starts. */
    String describe() {
        return describe(input);
    }

    static String describe(RawInput input) {
        StringBuilder label = new StringBuilder("Document '").append(input.documentId()).append("' (");
        if (input.forcedFormat() != null) {
            label.append("forced ").append(input.forcedFormat().format());
            if (input.contentType() != null) {
                label.append(", declared ").append(input.contentType());
            }
        } else {
            label.append(input.contentType() == null ? "no content type" : input.contentType());
        }
        return label.append(')').toString();
    }
}
