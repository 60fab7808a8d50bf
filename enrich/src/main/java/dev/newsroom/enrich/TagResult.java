package dev.newsroom.enrich;

import java.util.List;

/** What {@code newsroom tag} prints for a plain text: its language, the names in it and its IPTC subjects. */
public record TagResult(String language, double languageConfidence, List<TaggedMention> mentions,
                        List<SubjectScore> subjects) {
}
