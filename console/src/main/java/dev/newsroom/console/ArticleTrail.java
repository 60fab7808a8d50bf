package dev.newsroom.console;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.PublishedArticle;
import java.util.ArrayList;
import java.util.List;

/** Everything the pipeline wrote about one article, in the order it was read from each topic. */
final class ArticleTrail {

    /** A record and where it sits. */
    record At<T>(T value, String topic, int partition, long offset, long timestamp) {
    }

    private final String id;
    private final List<At<Article>> versions = new ArrayList<>();
    private final List<At<EnrichedArticle>> enriched = new ArrayList<>();
    private final List<At<PublishedArticle>> published = new ArrayList<>();
    private final List<At<DeliveryReceipt>> deliveries = new ArrayList<>();
    private final List<At<ModerationEvent>> moderation = new ArrayList<>();

    ArticleTrail(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    synchronized void addVersion(At<Article> article) {
        versions.add(article);
    }

    synchronized void addEnriched(At<EnrichedArticle> article) {
        enriched.add(article);
    }

    synchronized void addPublished(At<PublishedArticle> article) {
        published.add(article);
    }

    synchronized void addDelivery(At<DeliveryReceipt> receipt) {
        deliveries.add(receipt);
    }

    synchronized void addModeration(At<ModerationEvent> event) {
        moderation.add(event);
    }

    synchronized List<At<Article>> versions() {
        return List.copyOf(versions);
    }

    synchronized List<At<EnrichedArticle>> enriched() {
        return List.copyOf(enriched);
    }

    synchronized List<At<PublishedArticle>> published() {
        return List.copyOf(published);
    }

    synchronized List<At<DeliveryReceipt>> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized List<At<ModerationEvent>> moderation() {
        return List.copyOf(moderation);
    }

    /** The newest article version seen: from the articles topic, else from an enriched record. */
    synchronized Article latest() {
        Article latest = null;
        for (At<Article> version : versions) {
            latest = newer(latest, version.value());
        }
        for (At<EnrichedArticle> version : enriched) {
            latest = newer(latest, version.value().getArticle());
        }
        return latest;
    }

    /** The latest published state, if it was published. */
    synchronized PublishedArticle livePublished() {
        return published.isEmpty() ? null : published.get(published.size() - 1).value();
    }

    private static Article newer(Article current, Article candidate) {
        return current == null || candidate.getVersion() >= current.getVersion() ? candidate : current;
    }
}
