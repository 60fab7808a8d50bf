package dev.newsroom.ingest.parse.document;

import dev.newsroom.schemas.Article;
import java.nio.charset.Charset;
import java.util.List;

/**
 * What one raw document yielded: its format and charset as decided, one article per usable item (in document order),
 * the items that yielded none, and the faults the parser recovered from (an ill-formed feed it could still read).
 */
public record ParsedDocument(InputFormat format, Charset charset, List<Article> articles, List<ItemRejection> rejectedItems,
                             List<String> warnings) {

    public ParsedDocument {
        articles = List.copyOf(articles);
        rejectedItems = List.copyOf(rejectedItems);
        warnings = List.copyOf(warnings);
    }
}
