package dev.newsroom.publish.outlet;

import java.util.List;

/** What outlet filters look at: the article's detected language, its source and its IPTC sections. */
public record ArticleFacts(String language, String source, List<Section> sections) {

    /** An IPTC Media Topic the article is about, with enrich's relevance (0..100). */
    public record Section(String code, String name, int relevance) {
    }

    public ArticleFacts {
        sections = List.copyOf(sections);
    }
}
