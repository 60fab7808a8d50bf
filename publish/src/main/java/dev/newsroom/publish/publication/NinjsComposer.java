package dev.newsroom.publish.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.publish.notice.AdvisoryNotices;
import dev.newsroom.publish.notice.ReaderNotices;
import dev.newsroom.publish.state.ArticleState;
import dev.newsroom.publish.state.StoredContent.StoredAdvisory;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.Pubstatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The ninjs 2.2 document outlets receive for an article in a given state.
 *
 * <ul>
 *   <li>usable: the full article, with {@code pubstatus} "usable", each advisory as a {@code descriptions} entry
 *       with role {@code advisory} holding the editorial notice in the article's language ({@link ReaderNotices};
 *       never the detector's evidence), and the latest correction note as one with role {@code correction} (both
 *       are meant for readers);</li>
 *   <li>withheld (held or embargoed) and canceled (killed): only what identifies the article ({@code uri},
 *       {@code type}, {@code firstcreated}, {@code language}), the status, {@code embargoed} while an embargo
 *       holds, and the editor's reason in {@code ednote} (a note for the receiving staff). The content itself is
 *       not repeated: a site takes the article down, and a killed story is not redistributed.</li>
 * </ul>
 */
public final class NinjsComposer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NinjsComposer() {
    }

    /** The document, with {@code version} still to be set by the caller once it is known. */
    public static ObjectNode compose(ArticleState state, Pubstatus pubstatus, Instant now) {
        return compose(state, pubstatus, now, stored(state));
    }

    /**
     * The same from {@code base}, the stored content's ninjs as a tree of the caller's (parsed from the state, or
     * the tree the stored text was just written from), which is changed in place.
     */
    public static ObjectNode compose(ArticleState state, Pubstatus pubstatus, Instant now, ObjectNode base) {
        return pubstatus == Pubstatus.usable ? usable(base, state, now) : notice(base, state, pubstatus, now);
    }

    /** The stored content's ninjs, parsed for the caller alone. */
    public static ObjectNode stored(ArticleState state) {
        return parse(state.content().ninjs());
    }

    /** @param ninjs parsed for this call alone, so it is changed in place */
    private static ObjectNode usable(ObjectNode ninjs, ArticleState state, Instant now) {
        ninjs.put("versioncreated", time(now));
        ninjs.put("pubstatus", Pubstatus.usable.name());
        ninjs.remove("embargoed");
        ArrayNode descriptions = ninjs.has("descriptions") ? (ArrayNode) ninjs.get("descriptions")
                : JSON.createArrayNode();
        List<Advisory> advisories = state.advisories().stream().map(StoredAdvisory::toAvro).toList();
        for (String notice : ReaderNotices.texts(advisories, ninjs.path("language").asText(null),
                AdvisoryNotices.BUILT_IN_ONLY)) {
            descriptions.add(JSON.createObjectNode().put("role", ReaderNotices.ROLE).put("value", notice));
        }
        if (state.correctionNote() != null) {
            descriptions.add(JSON.createObjectNode().put("role", "correction").put("value", state.correctionNote()));
        }
        if (!descriptions.isEmpty()) {
            ninjs.set("descriptions", descriptions);
        }
        return ninjs;
    }

    private static ObjectNode notice(ObjectNode base, ArticleState state, Pubstatus pubstatus, Instant now) {
        ObjectNode ninjs = JSON.createObjectNode();
        ninjs.set("uri", base.get("uri"));
        ninjs.set("type", base.get("type"));
        ninjs.set("version", base.get("version"));
        copy(base, ninjs, "firstcreated");
        ninjs.put("versioncreated", time(now));
        ninjs.put("pubstatus", pubstatus.name());
        copy(base, ninjs, "language");
        String note;
        if (pubstatus == Pubstatus.canceled) {
            note = "Killed" + reason(state.killReason());
        } else if (state.held()) {
            note = "Withheld" + reason(state.holdReason());
        } else {
            note = "Embargoed until " + time(state.embargoUntil());
        }
        if (pubstatus == Pubstatus.withheld && state.embargoUntil() != null) {
            ninjs.put("embargoed", time(state.embargoUntil()));
        }
        ninjs.put("ednote", note);
        return ninjs;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null) {
            to.set(field, value);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored ninjs is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
