package dev.newsroom.publish.publication;

import dev.newsroom.schemas.PublicationEvent;

/** What outlets call a publication event: the Standard Webhooks {@code type}, also the Kafka outlets' event header. */
public final class EventNames {

    private EventNames() {
    }

    public static String of(PublicationEvent event) {
        return switch (event) {
            case PUBLISHED -> "article.published";
            case UPDATED -> "article.updated";
            case CORRECTED -> "article.corrected";
            case WITHHELD -> "article.withheld";
            case RELEASED -> "article.released";
            case KILLED -> "article.killed";
            case OTHER -> "article.changed";
        };
    }
}
