package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.body.BodyBuilder;
import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Media;
import dev.newsroom.schemas.MediaKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * What a format reader found in one item, before normalisation: the common shape every format maps to.
 * Mutable and short-lived; {@link ArticleAssembler} turns it into an {@code Article}.
 */
public final class ItemDraft {

    public final int index;
    public String guid;
    public boolean guidIsPermalink;
    final List<AltId> altIds = new ArrayList<>();
    public String link;
    public String baseUri;
    public String language;
    public String headline;
    /** The headline is plain text already (a feed's text title): "&lt;" in it is a character, not markup. */
    public boolean headlineIsText;
    public final List<String> bylines = new ArrayList<>();
    public Instant published;
    public Instant updated;
    /** Body as HTML markup (feeds, ninjs); or {@link #bodyElement} for an extracted page; or {@link #bodyText}. */
    public String bodyHtml;
    public Element bodyElement;
    public String bodyText;
    public String summary;
    /** Like {@link #headlineIsText}, for the summary. */
    public boolean summaryIsText;
    public final List<Media> media = new ArrayList<>();
    public final List<String> categories = new ArrayList<>();

    public ItemDraft(int index) {
        this.index = index;
    }

    public void addAltId(String role, String value) {
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

    public void addByline(String name) {
        String clean = TextNormalizer.normalize(name);
        if (!clean.isEmpty() && !bylines.contains(clean)) {
            bylines.add(clean);
        }
    }

    public void addCategory(String category) {
        String clean = TextNormalizer.normalize(category);
        if (!clean.isEmpty() && !categories.contains(clean)) {
            categories.add(clean);
        }
    }

    public boolean hasBody() {
        return (bodyHtml != null && !bodyHtml.isBlank()) || bodyElement != null || (bodyText != null && !bodyText.isBlank());
    }

    public void addMedia(String url, String type, String caption, String credit, String width, String height,
                         String mimeHint) {
        if (!Urls.isHttp(url) || media.stream().anyMatch(m -> m.getUrl().equals(url))) {
            return;
        }
        String lowerType = type == null ? "" : type.toLowerCase(Locale.ROOT).strip();
        MediaKind kind = lowerType.startsWith("image") ? MediaKind.IMAGE
                : lowerType.startsWith("video") ? MediaKind.VIDEO
                : lowerType.startsWith("audio") ? MediaKind.AUDIO
                : looksLikeImage(url) ? MediaKind.IMAGE : MediaKind.OTHER;
        String mime = lowerType.contains("/") ? lowerType : mimeHint;
        media.add(Media.newBuilder()
                .setKind(kind)
                .setUrl(url)
                .setMimeType(mime)
                .setCaption(BodyBuilder.emptyToNull(ArticleAssembler.plainTextOf(caption)))
                .setCredit(BodyBuilder.emptyToNull(ArticleAssembler.plainTextOf(credit)))
                .setWidth(BodyBuilder.dimension(width))
                .setHeight(BodyBuilder.dimension(height))
                .build());
    }

    private static boolean looksLikeImage(String url) {
        String path = url.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return path.endsWith(".jpg") || path.endsWith(".jpeg") || path.endsWith(".png") || path.endsWith(".gif") || path.endsWith(".webp")
                || path.endsWith(".avif");
    }
}
