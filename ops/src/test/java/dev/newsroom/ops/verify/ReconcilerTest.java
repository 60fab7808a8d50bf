package dev.newsroom.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.verify.Account.NothingDueLine;
import dev.newsroom.ops.verify.Account.Problem;
import dev.newsroom.ops.verify.Account.StageLine;
import dev.newsroom.ops.verify.PipelineLedger.ArticleRecord;
import dev.newsroom.ops.verify.PipelineLedger.DeadLetterRecord;
import dev.newsroom.ops.verify.PipelineLedger.OutcomeRecord;
import dev.newsroom.ops.verify.PipelineLedger.RawRecord;
import dev.newsroom.schemas.IngestOutcomeKind;
import dev.newsroom.schemas.Stage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * How the account classes each raw record at ingest: produced, dead-lettered, nothing due by kind, pending or
 * unaccounted, and what it flags as duplicated or decided twice.
 */
class ReconcilerTest {

    private static final String RAW = "newsroom.raw.v1";
    private static final String ARTICLES = "newsroom.articles.v1";
    private static final String OUTCOMES = "newsroom.ingest.outcomes.v1";
    private static final Instant T = Instant.parse("2026-11-28T09:00:00Z");

    private final List<RawRecord> raw = new ArrayList<>();
    private final List<ArticleRecord> articles = new ArrayList<>();
    private final List<OutcomeRecord> outcomes = new ArrayList<>();
    private final List<DeadLetterRecord> letters = new ArrayList<>();

    @Test
    void everyRawRecordIsCountedOnceUnderWhatBecameOfIt() {
        raw(0, "feed");
        article(0, 0, "a", 1);
        article(0, 1, "b", 1);
        outcome(0, 2, IngestOutcomeKind.DUPLICATE_ITEM, "a");
        raw(1, "broken");
        wholeLetter(1);
        raw(2, "all-items-bad");
        itemLetter(2, 0);
        raw(3, "empty-rss");
        outcome(3, null, IngestOutcomeKind.EMPTY_DOCUMENT, null);
        raw(4, "feed-again");
        outcome(4, 0, IngestOutcomeKind.UNCHANGED, "a");
        outcome(4, 1, IngestOutcomeKind.UNCHANGED, "b");
        outcome(4, 2, IngestOutcomeKind.DUPLICATE_ITEM, "a");
        raw(5, "empty-atom");
        outcome(5, null, IngestOutcomeKind.EMPTY_DOCUMENT, null);

        Account account = reconcile(committed(6));

        assertThat(ingest(account)).isEqualTo(new StageLine("ingest", "raw documents", 6, 1, 2, 2, 3, 0, 0, 0));
        assertThat(account.nothingDue()).containsExactly(
                new NothingDueLine("empty document", 2, 2),
                new NothingDueLine("unchanged", 1, 2),
                new NothingDueLine("duplicate item", 0, 2));
        assertThat(account.items().itemDeadLetters()).isEqualTo(1);
        assertThat(account.items().documentDeadLetters()).isEqualTo(1);
        assertThat(account.problems()).isEmpty();
        assertThat(account.consistent()).isTrue();
    }

    @Test
    void aProcessedRecordWithoutATraceIsUnaccountedEvenWhenItRepeatsAnEarlierDocument() {
        raw(0, "feed");
        article(0, 0, "a", 1);
        raw(1, "feed");
        raw(2, "feed");

        Account account = reconcile(committed(2));

        assertThat(ingest(account).unaccounted()).as("the re-send at offset 1 left no outcome").isEqualTo(1);
        assertThat(ingest(account).pending()).as("offset 2 is beyond the committed offset").isEqualTo(1);
        assertThat(account.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.UNACCOUNTED);
            assertThat(problem.what()).contains(RAW + "-0@1", "key 'feed'", "no article, dead letter or nothing-due"
                    + " outcome");
        });
    }

    @Test
    void recordsWithoutATraceArePendingWhileIngestsRepartitionHasRecordsInFlight() {
        raw(0, "feed");
        raw(1, "feed-again");

        Account account = reconcile(committed(2, 3));

        assertThat(ingest(account).pending()).isEqualTo(2);
        assertThat(account.consistent()).isTrue();
        assertThat(account.complete()).isFalse();
    }

    @Test
    void theSameOutcomeTwiceIsADuplicate() {
        raw(0, "feed-again");
        outcome(0, 0, IngestOutcomeKind.UNCHANGED, "a");
        outcome(0, 0, IngestOutcomeKind.UNCHANGED, "a");

        Account account = reconcile(committed(1));

        assertThat(ingest(account).duplicates()).isEqualTo(1);
        assertThat(account.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.DUPLICATE);
            assertThat(problem.what()).contains("UNCHANGED outcome for raw record " + RAW + "-0@0 item 0",
                    "2 times");
        });
    }

    @Test
    void anItemBothVersionedAndNothingDueIsAConflict() {
        raw(0, "feed");
        article(0, 0, "a", 1);
        outcome(0, 0, IngestOutcomeKind.UNCHANGED, "a");
        raw(1, "empty-but-not");
        itemLetter(1, 0);
        outcome(1, null, IngestOutcomeKind.EMPTY_DOCUMENT, null);

        Account account = reconcile(committed(2));

        assertThat(account.problems()).extracting(Problem::kind)
                .containsExactly(Problem.Kind.CONFLICT, Problem.Kind.CONFLICT);
        assertThat(account.problems().get(0).what()).contains(RAW + "-0@0 item 0 is unchanged");
        assertThat(account.problems().get(1).what()).contains(RAW + "-0@1 is empty document");
        assertThat(account.consistent()).isFalse();
    }

    @Test
    void theReportShowsNothingDueByKind() {
        raw(0, "empty-rss");
        outcome(0, null, IngestOutcomeKind.EMPTY_DOCUMENT, null);
        raw(1, "feed-again");
        outcome(1, 0, IngestOutcomeKind.UNCHANGED, "a");

        StringWriter text = new StringWriter();
        AccountReport.print(reconcile(committed(2)), new PrintWriter(text));

        assertThat(text.toString())
                .containsPattern("ingest\\s+raw documents\\s+2\\s+0\\s+0\\s+0\\s+2\\s+0\\s+0\\s+0")
                .contains("NOTHING DUE AT INGEST", "2 nothing-due outcomes", "BALANCED")
                .containsPattern("empty document\\s+1\\s+1")
                .containsPattern("unchanged\\s+1\\s+1");
    }

    private Account reconcile(ServiceGroups groups) {
        LedgerSnapshot ledger = new LedgerSnapshot(T, T.plusSeconds(60), "newsroom.published.v1", Map.of(), raw,
                articles, outcomes, List.of(), List.of(), List.of(), letters, List.of());
        return Reconciler.reconcile(ledger, groups);
    }

    private static StageLine ingest(Account account) {
        return account.stages().get(0);
    }

    private static ServiceGroups committed(long ingestOffset) {
        return committed(ingestOffset, 0);
    }

    private static ServiceGroups committed(long ingestOffset, long repartitionLag) {
        return new ServiceGroups("newsroom-ingest", "newsroom-enrich", "newsroom-publish",
                Map.of("newsroom-ingest", Map.of(new TopicPartition(RAW, 0), ingestOffset)),
                Map.of("newsroom-ingest", repartitionLag));
    }

    private void raw(long offset, String key) {
        raw.add(new RawRecord(at(RAW, offset), key, true, key, T));
    }

    private void article(long rawOffset, int item, String id, int version) {
        articles.add(new ArticleRecord(at(ARTICLES, articles.size()), id, version,
                new LineageKey(RAW, 0, rawOffset, item), "hash-" + id));
    }

    private void outcome(long rawOffset, Integer item, IngestOutcomeKind kind, String articleId) {
        outcomes.add(new OutcomeRecord(at(OUTCOMES, outcomes.size()), at(RAW, rawOffset), item, kind, articleId,
                kind == IngestOutcomeKind.UNCHANGED ? 1 : null, kind == IngestOutcomeKind.DUPLICATE_ITEM ? articleId
                : null, "why"));
    }

    private void wholeLetter(long rawOffset) {
        letters.add(letter(rawOffset, null));
    }

    private void itemLetter(long rawOffset, int item) {
        letters.add(letter(rawOffset, item));
    }

    private DeadLetterRecord letter(long rawOffset, Integer item) {
        return new DeadLetterRecord(at("newsroom.deadletter.v1", letters.size()), "INGEST:" + RAW + ":0:" + rawOffset
                + (item == null ? "" : ":" + item), Stage.INGEST, "Document is not well-formed XML",
                at(RAW, rawOffset), item, null, null, T);
    }

    private static RecordPosition at(String topic, long offset) {
        return new RecordPosition(topic, 0, offset);
    }
}
