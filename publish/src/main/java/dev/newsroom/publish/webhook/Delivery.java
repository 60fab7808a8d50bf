package dev.newsroom.publish.webhook;

import dev.newsroom.publish.notice.AdvisoryNotices;
import dev.newsroom.schemas.PublishedArticle;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One published version on its way to one webhook outlet: the record it came from (to commit past it, or to park
 * it byte for byte), the message, and how the attempts went. Touched only by its worker's thread.
 */
final class Delivery {

    final ConsumerRecord<String, byte[]> record;
    final TopicPartition partition;
    final PublishedArticle published;
    final WebhookMessage message;
    int attempts;
    Integer lastStatus;
    String lastError;
    /** Set when its partition is taken away: answers and timers that arrive later are ignored. */
    boolean cancelled;

    Delivery(ConsumerRecord<String, byte[]> record, PublishedArticle published, AdvisoryNotices notices) {
        this.record = record;
        this.partition = new TopicPartition(record.topic(), record.partition());
        this.published = published;
        this.message = WebhookMessage.of(published, notices);
    }

    String articleId() {
        return published.getArticleId();
    }

    String describe() {
        return "article '" + published.getArticleId() + "' version " + published.getVersion() + " (" + message.event()
                + ", " + message.webhookId() + ")";
    }
}
