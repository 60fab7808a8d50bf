package dev.newsroom.ingest.parse;

import dev.newsroom.schemas.Article;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What one raw document yielded: its format and charset as decided, one article per usable item (in document order),
 * and the items that yielded none.
 */
public record ParsedDocument(InputFormat format, Charset charset, List<Article> articles, List<ItemRejection> rejectedItems) {

    public ParsedDocument {
        articles = List.copyOf(articles);
        rejectedItems = List.copyOf(rejectedItems);
    }
}
