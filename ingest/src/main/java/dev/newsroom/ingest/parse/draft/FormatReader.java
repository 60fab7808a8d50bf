package dev.newsroom.ingest.parse.draft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import java.util.List;

/**
 * Reads one document format into item drafts, one per item; {@link DocumentParser} holds one reader per
 * {@link InputFormat} and does the rest (charset before, assembly after). A reader reports faults it recovers from
 * as warnings, and a document it cannot read as a {@link RejectedDocumentException} naming the document and why.
 */
public interface FormatReader {

    /**
     * The decoded document.
     *
     * @param json the document parsed as JSON when its format is a JSON one (it was read to tell JSON Feed from
     *             ninjs), else null
     */
    record DocumentText(String text, JsonNode json) {
    }

    List<ItemDraft> read(DocumentText document, ParseContext context, List<String> warnings);
}
