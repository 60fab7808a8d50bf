package dev.newsroom.ingest.parse;

import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Media;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a format reader found in one item, before normalisation: the common shape every format maps to.
 * Mutable and short-lived; {@link ArticleAssembler} turns it into an {@code Article}.
 */
final class ItemDraft {

    final int index;
    String guid;
    boolean guidIsPermalink;
    final List<AltId> altIds = new ArrayList<>();
    String link;
    String baseUri;
    String language;
    String headline;
    /** The headline is plain text already (a feed's text title): "&lt;" in it is a character, not markup. */
    boolean headlineIsText;
    final List<String> bylines = new ArrayList<>();
    Instant published;
    Instant updated;
    /** Body as HTML markup (feeds, ninjs); or {@link #bodyElement} for an extracted page; or {@link #bodyText}. */
    String bodyHtml;
    Element bodyElement;
    String bodyText;
    String summary;
    /** Like {@link #headlineIsText}, for the summary. */
    boolean summaryIsText;
    final List<Media> media = new ArrayList<>();
    final List<String> categories = new ArrayList<>();

    ItemDraft(int index) {
        this.index = index;
    }

    void addAltId(String role, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String trimmed = value.strip();
        for (AltId existing : altIds) {
            if (existing.getRole().equals(role) && existing.getValue().equals(trimmed)) {
                return;
            }
        }
        altIds.add(AltId.newBuilder().setRole(role).setValue(trimmed).build());
    }

    void addByline(String name) {
        String clean = TextNormalizer.normalize(name);
        if (!clean.isEmpty() && !bylines.contains(clean)) {
            bylines.add(clean);
        }
    }

    void addCategory(String category) {
        String clean = TextNormalizer.normalize(category);
        if (!clean.isEmpty() && !categories.contains(clean)) {
            categories.add(clean);
        }
    }

    boolean hasBody() {
        return (bodyHtml != null && !bodyHtml.isBlank()) || bodyElement != null || (bodyText != null && !bodyText.isBlank());
    }
}
