package dev.newsroom.ingest.topology;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.IngestOutcome;

/**
 * One result of ingesting a raw document: an article, a dead letter for an item that yields none, or an outcome
 * saying why nothing is due (an empty feed, an unchanged re-ingest, a repeated item).
 */
record IngestResult(Article article, DeadLetter deadLetter, IngestOutcome nothingDue) {

    static IngestResult of(Article article) {
        return new IngestResult(article, null, null);
    }

    static IngestResult rejected(DeadLetter deadLetter) {
        return new IngestResult(null, deadLetter, null);
    }

    static IngestResult nothingDue(IngestOutcome outcome) {
        return new IngestResult(null, null, outcome);
    }

    boolean isRejected() {
        return deadLetter != null;
    }

    boolean isNothingDue() {
        return nothingDue != null;
    }
}
