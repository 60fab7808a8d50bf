package dev.newsroom.console;

import dev.newsroom.console.ArticleTrail.At;
import dev.newsroom.console.ConsoleServer.NotFound;
import dev.newsroom.console.ConsoleServer.Redirect;
import dev.newsroom.console.ConsoleServer.View;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Entity;
import dev.newsroom.schemas.EntityType;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Subject;
import dev.newsroom.schemas.TextDirection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Article search and an article's lineage: from the raw record to every outlet that received it. */
final class ArticlePages {

    /** Raw documents fetched for one lineage page: a feed re-polled all week can be behind many versions. */
    private static final int MAX_RAW = 10;

    private final Console console;
    private final Moderation moderation;

    ArticlePages(Console console) {
        this.console = console;
        this.moderation = new Moderation(console);
    }

    static String link(String articleId) {
        return "/articles/" + URLEncoder.encode(articleId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    View search(Exchange exchange) {
        String query = exchange.parameter("q");
        ArticleIndex index = console.articles();
        List<ArticleTrail> found = index.search(query == null ? "" : query);
        Paging<ArticleTrail> page = Paging.of(found, exchange.intParameter("page", 1), Paging.DEFAULT_SIZE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ArticleTrail trail : page.rows()) {
            Article latest = trail.latest();
            PublishedArticle published = trail.livePublished();
            rows.add(Model.of("id", trail.id(), "link", link(trail.id()), "headline", latest.getHeadline(),
                    "lang", language(trail), "dir", direction(latest), "source", latest.getSource(),
                    "url", Objects.toString(latest.getCanonicalUrl(), ""), "version", latest.getVersion(),
                    "ingestedAt", Model.time(latest.getLineage().getIngestedAt()),
                    "pubstatus", published == null ? "not published" : published.getPubstatus().name()));
        }
        return new View("articles", Model.of("nav", "articles", "q", query == null ? "" : query, "rows", rows,
                "page", page, "indexReady", index.caughtUp(), "undecodable", index.undecodable(),
                "pageLink", "/articles?q=" + URLEncoder.encode(query == null ? "" : query, StandardCharsets.UTF_8)
                        + "&page="));
    }

    View lineage(String id, Exchange exchange) {
        ArticleTrail trail = console.articles().find(id).orElseThrow(() -> new NotFound("No article '" + id
                + "' in the pipeline's topics" + (console.articles().caughtUp() ? "" : " read so far (the console is"
                + " still reading them)")));
        Article latest = trail.latest();
        if (latest == null) {
            throw new NotFound("Article '" + id + "' has deliveries or moderation events but no version in the"
                    + " articles or enriched topics (past their retention?)");
        }
        Map<String, Object> model = Model.of("nav", "articles", "id", trail.id(), "headline", latest.getHeadline(),
                "lang", language(trail), "dir", direction(latest), "url", Objects.toString(latest.getCanonicalUrl(), ""),
                "source", latest.getSource());
        model.put("raws", raws(trail));
        model.put("versions", versions(trail));
        model.put("enrichments", enrichments(trail));
        model.put("published", published(trail));
        model.put("deliveries", deliveries(trail));
        model.put("moderation", moderationEvents(trail));
        model.put("moderateAction", link(trail.id()) + "/moderate");
        model.put("actions", Moderation.ACTIONS);
        model.put("kinds", Moderation.KINDS);
        model.put("outcome", exchange.parameter("outcome"));
        model.put("outcomeOk", !"0".equals(exchange.parameter("ok")));
        return new View("article", model);
    }

    Audit.Result moderate(String id, Exchange exchange) {
        Moderation.Outcome outcome = moderation.send(exchange.user().issuedBy(), id, exchange.parameter("action"),
                exchange.parameter("reason"), exchange.parameter("note"), exchange.parameter("until"),
                exchange.parameter("kind"));
        return new Audit.Result(new Redirect(link(id) + "?ok=" + (outcome.ok() ? "1" : "0") + "&outcome="
                + URLEncoder.encode(outcome.message(), StandardCharsets.UTF_8) + "#moderate"), outcome.ok(),
                outcome.message());
    }

    private List<Map<String, Object>> raws(ArticleTrail trail) {
        Set<List<Object>> coordinates = new LinkedHashSet<>();
        Map<List<Object>, Lineage> lineages = new LinkedHashMap<>();
        for (At<Article> version : trail.versions()) {
            Lineage lineage = version.value().getLineage();
            List<Object> where = List.of(lineage.getRawTopic(), lineage.getRawPartition(), lineage.getRawOffset());
            coordinates.add(where);
            lineages.putIfAbsent(where, lineage);
        }
        List<Map<String, Object>> raws = new ArrayList<>();
        for (List<Object> where : coordinates.stream().limit(MAX_RAW).toList()) {
            Lineage lineage = lineages.get(where);
            Optional<At<RawDocument>> raw = console.raw(lineage.getRawTopic(), lineage.getRawPartition(),
                    lineage.getRawOffset());
            Map<String, Object> row = Model.of("topic", lineage.getRawTopic(), "partition", lineage.getRawPartition(),
                    "offset", lineage.getRawOffset(), "documentId", lineage.getDocumentId(),
                    "itemIndex", lineage.getItemIndex(), "format", lineage.getFormat(), "found", raw.isPresent());
            raw.ifPresent(record -> {
                RawDocument document = record.value();
                row.put("source", document.getSource());
                row.put("contentType", Objects.toString(document.getContentType(), ""));
                row.put("uri", Objects.toString(document.getUri(), ""));
                row.put("receivedAt", Model.time(document.getReceivedAt()));
                row.put("size", Model.bytes(document.getPayload().remaining()));
            });
            raws.add(row);
        }
        return raws;
    }

    private List<Map<String, Object>> versions(ArticleTrail trail) {
        Map<Integer, At<Article>> byVersion = new java.util.TreeMap<>();
        trail.versions().forEach(version -> byVersion.putIfAbsent(version.value().getVersion(), version));
        List<Map<String, Object>> rows = new ArrayList<>();
        String language = language(trail);
        Article previous = null;
        for (At<Article> at : byVersion.values()) {
            Article article = at.value();
            rows.add(Model.of("version", article.getVersion(), "at", at.topic() + "-" + at.partition() + "@" + at.offset(),
                    "ingestedAt", Model.time(article.getLineage().getIngestedAt()), "headline", article.getHeadline(),
                    "lang", language, "dir", direction(article), "contentHash", article.getContentHash(),
                    "changes", VersionDiff.changes(previous, article),
                    "added", VersionDiff.paragraphsAdded(previous, article),
                    "removed", VersionDiff.paragraphsAdded(article, previous)));
            previous = article;
        }
        return rows;
    }

    private List<Map<String, Object>> enrichments(ArticleTrail trail) {
        Map<Integer, EnrichedArticle> byVersion = new java.util.TreeMap<>();
        trail.enriched().forEach(at -> byVersion.put(at.value().getArticle().getVersion(), at.value()));
        List<Map<String, Object>> rows = new ArrayList<>();
        byVersion.forEach((version, enriched) -> rows.add(Model.of("version", version,
                "language", enriched.getLanguage().getCode(),
                "confidence", String.format(Locale.ROOT, "%.2f", enriched.getLanguage().getConfidence()),
                "dir", direction(enriched.getArticle()),
                "people", entities(enriched, EntityType.PERSON),
                "organisations", entities(enriched, EntityType.ORGANISATION),
                "places", entities(enriched, EntityType.PLACE),
                "others", entities(enriched, EntityType.EVENT, EntityType.OTHER),
                "sections", enriched.getSubjects().stream().map((Subject s) -> Model.of("name", s.getName(),
                        "code", s.getCode(), "relevance", s.getRelevance())).toList(),
                "advisories", advisories(enriched.getAdvisories()),
                "keywords", String.join(", ", enriched.getKeywords()),
                "enricherVersion", enriched.getEnricherVersion(),
                "enrichedAt", Model.time(enriched.getEnrichedAt()))));
        return rows;
    }

    private static List<Map<String, Object>> entities(EnrichedArticle enriched, EntityType... types) {
        List<EntityType> wanted = List.of(types);
        return enriched.getEntities().stream().filter(e -> wanted.contains(e.getType())).map((Entity e) -> Model.of(
                "name", e.getName(), "localName", Objects.toString(e.getLocalName(), ""),
                "uri", Objects.toString(e.getUri(), ""), "type", e.getType().name(),
                "mentions", e.getMentions().size(),
                "salience", String.format(Locale.ROOT, "%.2f", e.getSalience()))).toList();
    }

    private static List<Map<String, Object>> advisories(List<Advisory> advisories) {
        return advisories.stream().map(a -> Model.of("kind", a.getKind().name(), "reason", a.getReason(),
                "source", a.getSource(), "suggestion", a.getSuggestion())).toList();
    }

    private static List<Map<String, Object>> published(ArticleTrail trail) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (At<PublishedArticle> at : trail.published()) {
            PublishedArticle published = at.value();
            rows.add(Model.of("version", published.getVersion(), "pubstatus", published.getPubstatus().name(),
                    "event", published.getEvent().name(), "outlets", String.join(", ", published.getOutlets()),
                    "updatedAt", Model.time(published.getUpdatedAt()),
                    "correctionNote", Objects.toString(published.getCorrectionNote(), ""),
                    "embargoUntil", Model.time(published.getEmbargoUntil()),
                    "advisories", advisories(published.getAdvisories())));
        }
        return rows;
    }

    private static List<Map<String, Object>> deliveries(ArticleTrail trail) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (At<DeliveryReceipt> at : trail.deliveries()) {
            DeliveryReceipt receipt = at.value();
            rows.add(Model.of("outlet", receipt.getOutlet(), "kind", receipt.getOutletKind().name().toLowerCase(Locale.ROOT),
                    "version", receipt.getVersion(), "event", receipt.getEvent(), "attempt", receipt.getAttempt(),
                    "outcome", receipt.getOutcome().name(),
                    "httpStatus", receipt.getHttpStatus() == null ? "" : receipt.getHttpStatus().toString(),
                    "error", Objects.toString(receipt.getError(), ""),
                    "attemptedAt", Model.time(receipt.getAttemptedAt()), "durationMs", receipt.getDurationMs(),
                    "nextAttemptAt", Model.time(receipt.getNextAttemptAt())));
        }
        return rows;
    }

    private static List<Map<String, Object>> moderationEvents(ArticleTrail trail) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (At<ModerationEvent> at : trail.moderation()) {
            ModerationEvent event = at.value();
            rows.add(Model.of("type", event.getType().name(), "pubstatus", event.getPubstatus().name(),
                    "version", event.getVersion(), "reason", Objects.toString(event.getReason(), ""),
                    "detail", Objects.toString(event.getDetail(), ""),
                    "issuedBy", Objects.toString(event.getIssuedBy(), ""),
                    "occurredAt", Model.time(event.getOccurredAt())));
        }
        return rows;
    }

    /** The article's language for the lang attribute; blank when undeclared (dir="auto" still orders it). */
    private static String language(Article article) {
        return Objects.toString(article.getLanguage(), "");
    }

    /** The declared language, else the one enrich detected (plain text declares none), for screen readers and fonts. */
    private static String language(ArticleTrail trail) {
        String declared = language(trail.latest());
        if (!declared.isEmpty()) {
            return declared;
        }
        List<At<EnrichedArticle>> enriched = trail.enriched();
        String detected = enriched.isEmpty() ? "" : enriched.get(enriched.size() - 1).value().getLanguage().getCode();
        return detected.equals("und") ? "" : detected;
    }

    private static String direction(Article article) {
        return article.getDirection() == TextDirection.rtl ? "rtl" : "ltr";
    }
}
