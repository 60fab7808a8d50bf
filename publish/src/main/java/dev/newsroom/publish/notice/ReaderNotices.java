package dev.newsroom.publish.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.PublishedArticle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What readers are told about an article's advisories: ninjs {@code descriptions} with role {@code advisory}, one
 * per notice. An automatic advisory becomes its kind's editorial notice in the article's language; an editor's
 * keeps the editor's words (without words, an editor confirming a suggestion, it is the kind's notice); a suggestion (below the detector's threshold) is not shown. The detector's evidence
 * stays in the Avro records ({@code advisories[].reason}) for editors and operators.
 */
public final class ReaderNotices {

    public static final String ROLE = "advisory";
    /** The source enrich gives the advisories it raises; anything else is an editor. */
    public static final String AUTOMATIC_SOURCE = "enrich";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReaderNotices() {
    }

    /** The notices, in the order of the advisories, without repeats. */
    public static List<String> texts(List<Advisory> advisories, String language, AdvisoryNotices notices) {
        Set<String> texts = new LinkedHashSet<>();
        for (Advisory advisory : advisories) {
            if (Boolean.TRUE.equals(advisory.getSuggestion())) {
                continue;
            }
            boolean editorsWords = !isAutomatic(advisory) && !advisory.getReason().isBlank();
            texts.add(editorsWords ? advisory.getReason() : notices.text(advisory.getKind(), language));
        }
        return List.copyOf(texts);
    }

    public static boolean isAutomatic(Advisory advisory) {
        return AUTOMATIC_SOURCE.equals(advisory.getSource());
    }

    /** Replaces the advisory descriptions of {@code ninjs} with these notices. */
    public static void apply(ObjectNode ninjs, List<Advisory> advisories, AdvisoryNotices notices) {
        ArrayNode descriptions = JSON.createArrayNode();
        for (JsonNode description : ninjs.path("descriptions")) {
            if (!ROLE.equals(description.path("role").asText())) {
                descriptions.add(description);
            }
        }
        for (String text : texts(advisories, ninjs.path("language").asText(null), notices)) {
            descriptions.add(JSON.createObjectNode().put("role", ROLE).put("value", text));
        }
        if (descriptions.isEmpty()) {
            ninjs.remove("descriptions");
        } else {
            ninjs.set("descriptions", descriptions);
        }
    }

    /**
     * The ninjs an outlet with these notices sends for a published version: the published log's own when the
     * outlet keeps the built-in texts (it was composed with them), else the same with the outlet's notices.
     */
    public static String ninjsFor(PublishedArticle published, AdvisoryNotices notices) {
        if (!notices.customised() || published.getAdvisories().isEmpty()) {
            return published.getNinjs();
        }
        try {
            ObjectNode ninjs = (ObjectNode) JSON.readTree(published.getNinjs());
            if (!ninjs.has("bodies")) {
                return published.getNinjs();
            }
            apply(ninjs, published.getAdvisories(), notices);
            return NinjsWriter.toJson(ninjs);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Published article '" + published.getArticleId() + "' version "
                    + published.getVersion() + " has ninjs that is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
