package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Lineage;

/** What every reader needs to know about the document it reads, and how messages name it. */
public record ParseContext(RawInput input, InputFormat format, ParserLimits limits, Lineage lineageBase) {

    public String source() {
        return input.source();
    }

    public String documentUri() {
        return input.uri();
    }

    /** Language declared by the transport ({@code Content-Language}), the weakest declaration. */
    public String headerLanguage() {
        return input.header("content-language");
    }

    public ParseContext withFormat(InputFormat detected) {
        return new ParseContext(input, detected, limits, lineageBase);
    }

    /** "Document 'feed-17' (application/rss+xml)", as every error message starts. */
    public String describe() {
        return describe(input);
    }

    public static String describe(RawInput input) {
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
