package dev.newsroom.ingest.service;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeadLetter;

/** One result of parsing a raw document: an article, or a dead letter for an item that yields none. */
record ParseOutcome(Article article, DeadLetter deadLetter) {

    static ParseOutcome of(Article article) {
        return new ParseOutcome(article, null);
    }

    static ParseOutcome rejected(DeadLetter deadLetter) {
        return new ParseOutcome(null, deadLetter);
    }

    boolean isRejected() {
        return deadLetter != null;
    }
}
