package dev.newsroom.enrich.ner;

import dev.newsroom.schemas.EntityType;

import java.util.List;

/** An entity found in a document, with every mention, before it is written into a record. */
public record FoundEntity(EntityType type, String name, String localName, String uri, double confidence,
                          double salience, List<FoundMention> mentions) {

    /** One mention: block (-1 headline), code-point offsets into that block's text, text without clitics. */
    public record FoundMention(int block, int start, int end, String text, double confidence) {
    }
}
