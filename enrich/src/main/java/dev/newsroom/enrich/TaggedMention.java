package dev.newsroom.enrich;

import dev.newsroom.schemas.EntityType;

/**
 * One name in a tagged text: code-point offsets [start, end) into the text, the words as written (attached
 * clitics excluded), the entity's type, canonical English name and URI (null unless a citable source gave one).
 */
public record TaggedMention(int start, int end, String text, EntityType type, String name, String uri,
                            double confidence) {
}
