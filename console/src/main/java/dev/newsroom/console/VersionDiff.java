package dev.newsroom.console;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BodyBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from one article version to the next, as an editor reads it: which fields, and which body
 * paragraphs came or went (paragraphs are the unit editors rewrite, so a word-level diff would only be noise).
 */
final class VersionDiff {

    private VersionDiff() {
    }

    /** The fields that changed, e.g. {@code headline}; "first version" for the first. */
    static List<String> changes(Article previous, Article current) {
        List<String> changes = new ArrayList<>();
        if (previous == null) {
            changes.add("first version");
            return changes;
        }
        compare(changes, "headline", previous.getHeadline(), current.getHeadline());
        compare(changes, "summary", previous.getSummary(), current.getSummary());
        compare(changes, "byline", previous.getByline(), current.getByline());
        compare(changes, "canonical URL", previous.getCanonicalUrl(), current.getCanonicalUrl());
        compare(changes, "language", previous.getLanguage(), current.getLanguage());
        compare(changes, "published at", previous.getPublishedAt(), current.getPublishedAt());
        compare(changes, "updated at", previous.getUpdatedAt(), current.getUpdatedAt());
        compare(changes, "body", texts(previous), texts(current));
        compare(changes, "media", previous.getMedia(), current.getMedia());
        compare(changes, "categories", previous.getCategories(), current.getCategories());
        if (changes.isEmpty()) {
            changes.add("no visible change");
        }
        return changes;
    }

    /** Paragraphs of {@code current} that {@code previous} did not have (none for a first version). */
    static List<String> paragraphsAdded(Article previous, Article current) {
        if (previous == null || current == null) {
            return List.of();
        }
        Set<String> before = new HashSet<>(texts(previous));
        return texts(current).stream().filter(text -> !before.contains(text)).toList();
    }

    private static List<String> texts(Article article) {
        return article.getBlocks().stream().map(BodyBlock::getText).toList();
    }

    private static void compare(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field);
        }
    }
}
