package dev.newsroom.publish.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.publish.notice.AdvisoryNotices;
import dev.newsroom.publish.notice.ReaderNotices;
import dev.newsroom.schemas.PublishedArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One article as a feed lists it, read from the ninjs of its published version.
 *
 * @param id          the ninjs uri, a stable identifier for the entry
 * @param contentHtml the body, with the advisory notices before it and the correction note after it, wrapped in a
 *                    {@code div} carrying the language and, for right-to-left scripts, {@code dir="rtl"}
 */
public record FeedItem(String articleId, int version, String id, String title, String link, String summary,
                       String contentHtml, String language, Instant published, Instant updated, List<String> authors,
                       List<String> tags) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd",
            "ug", "ur", "yi");

    /** The item for a feed with these advisory notices. */
    public static FeedItem of(PublishedArticle published, AdvisoryNotices notices) {
        JsonNode ninjs;
        try {
            ninjs = JSON.readTree(ReaderNotices.ninjsFor(published, notices));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Published article '" + published.getArticleId() + "' version "
                    + published.getVersion() + " has ninjs that is not JSON: " + e.getOriginalMessage(), e);
        }
        String language = ninjs.path("language").asText(null);
        StringBuilder html = new StringBuilder();
        html.append("<div").append(language == null ? "" : " lang=\"" + escape(language) + "\"")
                .append(isRightToLeft(language) ? " dir=\"rtl\"" : "").append('>');
        String summary = null;
        String correction = null;
        for (JsonNode description : ninjs.path("descriptions")) {
            String role = description.path("role").asText("");
            String value = description.path("value").asText("");
            switch (role) {
                case "advisory" -> html.append("<p class=\"advisory\">").append(escape(value)).append("</p>");
                case "correction" -> correction = value;
                case "summary", "summary-generated" -> summary = summary == null ? value : summary;
                default -> {
                }
            }
        }
        for (JsonNode body : ninjs.path("bodies")) {
            html.append(body.path("value").asText(""));
        }
        if (correction != null) {
            html.append("<p class=\"correction\">").append(escape(correction)).append("</p>");
        }
        html.append("</div>");
        List<String> tags = new ArrayList<>();
        ninjs.path("subjects").forEach(subject -> tags.add(subject.path("name").asText()));
        String by = ninjs.path("by").asText(null);
        Instant firstPublished = time(ninjs.path("firstcreated").asText(null), published.getFirstPublishedAt());
        return new FeedItem(published.getArticleId(), published.getVersion(), ninjs.path("uri").asText(),
                ninjs.at("/headlines/0/value").asText(published.getArticleId()), link(ninjs), summary, html.toString(),
                language, firstPublished, published.getUpdatedAt(), by == null ? List.of() : List.of(by), tags);
    }

    public static boolean isRightToLeft(String language) {
        return language != null && RIGHT_TO_LEFT.contains(language.toLowerCase(Locale.ROOT).split("-")[0]);
    }

    private static String link(JsonNode ninjs) {
        for (JsonNode altId : ninjs.path("altids")) {
            if (altId.path("role").asText("").equals("url")) {
                return altId.path("value").asText();
            }
        }
        String uri = ninjs.path("uri").asText("");
        return uri.startsWith("http://") || uri.startsWith("https://") ? uri : null;
    }

    static Instant time(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        Instant plain = wholeSecondsUtc(text);
        if (plain != null) {
            return plain;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ}, the form ninjs times are written in here, read without {@code DateTimeFormatter}
     * (which took a third of the feed's work per article); null for any other text, and for the edge cases
     * {@link Instant#parse} has rules of its own for (hour 24, a leap second, a day the month lacks).
     */
    private static Instant wholeSecondsUtc(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L
                + minute * 60L + second);
    }

    /** The number in {@code length} ASCII digits at {@code start}, or -1. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
