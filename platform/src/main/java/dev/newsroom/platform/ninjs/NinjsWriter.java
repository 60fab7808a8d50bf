package dev.newsroom.platform.ninjs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Entity;
import dev.newsroom.schemas.EntityType;
import dev.newsroom.schemas.Media;
import dev.newsroom.schemas.Subject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders articles as IPTC ninjs 2.2, the pipeline's outward face: what outlets receive and what the offline
 * commands print. The Avro records keep the full detail (offsets, confidences, lineage); ninjs keeps what a
 * downstream site needs.
 */
public final class NinjsWriter {

    public static final String SCHEMA_RESOURCE = "/ninjs/ninjs-schema_2.2.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URN_PREFIX = "urn:newsroom:article:";

    private NinjsWriter() {
    }

    /** The article as ingest produced it. */
    public static ObjectNode article(Article article) {
        ObjectNode ninjs = JSON.createObjectNode();
        ninjs.put("uri", uriFor(article.getId()));
        ninjs.put("type", "text");
        ninjs.put("version", String.valueOf(article.getVersion()));
        if (article.getPublishedAt() != null) {
            ninjs.put("firstcreated", time(article.getPublishedAt()));
        }
        Instant versionCreated = article.getUpdatedAt() != null ? article.getUpdatedAt()
                : article.getPublishedAt() != null ? article.getPublishedAt()
                : article.getLineage().getIngestedAt();
        ninjs.put("versioncreated", time(versionCreated));
        if (article.getLanguage() != null) {
            ninjs.put("language", article.getLanguage());
        }
        ninjs.set("headlines", JSON.createArrayNode().add(JSON.createObjectNode()
                .put("role", "main").put("value", article.getHeadline())));
        String text = bodyText(article);
        ObjectNode body = JSON.createObjectNode()
                .put("role", "main")
                .put("contenttype", "text/html")
                .put("charcount", text.codePointCount(0, text.length()))
                .put("wordcount", words(text))
                .put("value", article.getBodyHtml());
        ninjs.set("bodies", JSON.createArrayNode().add(body));
        if (article.getSummary() != null && !article.getSummary().isBlank()) {
            ninjs.set("descriptions", JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("role", "summary").put("value", article.getSummary())));
        }
        if (!article.getByline().isEmpty()) {
            ninjs.put("by", String.join(", ", article.getByline()));
        }
        ArrayNode altIds = JSON.createArrayNode();
        article.getAltIds().forEach(alt -> altIds.add(JSON.createObjectNode()
                .put("role", alt.getRole()).put("value", alt.getValue())));
        if (article.getCanonicalUrl() != null && article.getAltIds().stream()
                .noneMatch(alt -> alt.getRole().equals("url") && alt.getValue().equals(article.getCanonicalUrl()))) {
            altIds.add(JSON.createObjectNode().put("role", "url").put("value", article.getCanonicalUrl()));
        }
        if (!altIds.isEmpty()) {
            ninjs.set("altids", altIds);
        }
        ArrayNode associations = JSON.createArrayNode();
        int index = 0;
        for (Media media : article.getMedia()) {
            associations.add(association(media, ++index));
        }
        if (!associations.isEmpty()) {
            ninjs.set("associations", associations);
        }
        return ninjs;
    }

    /**
     * The article after enrichment: the detected language, people, organisations, places and events
     * ({@code rel} "about" for the most salient entity and those close to it, else "mentions"; {@code literal}
     * the name as the article writes it), IPTC subjects most relevant first, and the slug.
     */
    public static ObjectNode enriched(EnrichedArticle enriched) {
        ObjectNode ninjs = article(enriched.getArticle());
        ninjs.put("language", enriched.getLanguage().getCode());
        ninjs.put("slugline", enriched.getSlug());
        double topSalience = enriched.getEntities().stream().mapToDouble(Entity::getSalience).max().orElse(0);
        addEntities(ninjs, "people", enriched.getEntities(), EntityType.PERSON, topSalience);
        addEntities(ninjs, "organisations", enriched.getEntities(), EntityType.ORGANISATION, topSalience);
        addEntities(ninjs, "places", enriched.getEntities(), EntityType.PLACE, topSalience);
        addEntities(ninjs, "events", enriched.getEntities(), EntityType.EVENT, topSalience);
        ArrayNode subjects = JSON.createArrayNode();
        for (Subject subject : enriched.getSubjects()) {
            subjects.add(JSON.createObjectNode()
                    .put("name", subject.getName())
                    .put("uri", subject.getUri())
                    .put("literal", subject.getCode())
                    .put("relevance", Math.max(0, Math.min(100, subject.getRelevance()))));
        }
        if (!subjects.isEmpty()) {
            ninjs.set("subjects", subjects);
        }
        if (!ninjs.has("descriptions") && enriched.getSummary() != null && !enriched.getSummary().isBlank()) {
            ninjs.set("descriptions", JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("role", "summary-generated").put("value", enriched.getSummary())));
        }
        return ninjs;
    }

    private static void addEntities(ObjectNode ninjs, String field, List<Entity> entities, EntityType type,
                                    double topSalience) {
        ArrayNode items = JSON.createArrayNode();
        for (Entity entity : entities) {
            if (entity.getType() != type) {
                continue;
            }
            ObjectNode item = JSON.createObjectNode()
                    .put("name", entity.getName())
                    .put("rel", topSalience > 0 && entity.getSalience() >= 0.8 * topSalience ? "about" : "mentions");
            if (entity.getUri() != null) {
                item.put("uri", entity.getUri());
            }
            if (!entity.getMentions().isEmpty()) {
                item.put("literal", entity.getMentions().get(0).getText());
            }
            items.add(item);
        }
        if (!items.isEmpty()) {
            ninjs.set(field, items);
        }
    }

    private static ObjectNode association(Media media, int index) {
        ObjectNode item = JSON.createObjectNode()
                .put("name", "media-" + index)
                .put("uri", media.getUrl())
                .put("type", switch (media.getKind()) {
                    case IMAGE -> "picture";
                    case VIDEO -> "video";
                    case AUDIO -> "audio";
                    default -> "component";
                });
        ObjectNode rendition = JSON.createObjectNode().put("name", "original").put("href", media.getUrl());
        if (media.getMimeType() != null) {
            rendition.put("contenttype", media.getMimeType());
        }
        if (media.getWidth() != null) {
            rendition.put("width", media.getWidth());
        }
        if (media.getHeight() != null) {
            rendition.put("height", media.getHeight());
        }
        item.set("renditions", JSON.createArrayNode().add(rendition));
        if (media.getCaption() != null) {
            item.set("descriptions", JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("role", "caption").put("value", media.getCaption())));
        }
        if (media.getCredit() != null) {
            item.put("copyrightnotice", media.getCredit());
        }
        return item;
    }

    /**
     * ninjs wants a URI: an article id that already is one (a guid URL, a {@code tag:} URI) is used as it is,
     * anything else becomes {@code urn:newsroom:article:<percent-encoded id>}.
     */
    public static String uriFor(String articleId) {
        try {
            URI uri = new URI(articleId);
            if (uri.isAbsolute() && uri.getScheme().matches("[a-zA-Z][a-zA-Z0-9+.-]*")
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https")
                    || uri.getScheme().equalsIgnoreCase("urn") || uri.getScheme().equalsIgnoreCase("tag"))) {
                return articleId;
            }
        } catch (URISyntaxException e) {
            // not a URI: encoded below
        }
        return URN_PREFIX + URLEncoder.encode(articleId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String toJson(ObjectNode ninjs) {
        try {
            return JSON.writeValueAsString(ninjs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ninjs is always serialisable", e);
        }
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static String bodyText(Article article) {
        StringBuilder text = new StringBuilder();
        for (BodyBlock block : article.getBlocks()) {
            text.append(block.getText()).append('\n');
        }
        return text.toString().strip();
    }

    private static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(cp);
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
            i += Character.charCount(cp);
        }
        return count;
    }
}
