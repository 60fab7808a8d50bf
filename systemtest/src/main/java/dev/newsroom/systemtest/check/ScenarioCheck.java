package dev.newsroom.systemtest.check;

import dev.newsroom.ops.verify.LineageKey;
import dev.newsroom.ops.verify.PipelineLedger;
import dev.newsroom.ops.verify.PipelineLedger.ArticleRecord;
import dev.newsroom.ops.verify.PipelineLedger.DeadLetterRecord;
import dev.newsroom.ops.verify.PipelineLedger.OutletRecord;
import dev.newsroom.ops.verify.PipelineLedger.PublishedRecord;
import dev.newsroom.ops.verify.RecordPosition;
import dev.newsroom.publish.publication.DeliveryId;
import dev.newsroom.publish.publication.EventNames;
import dev.newsroom.schemas.PublicationEvent;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.check.Verdict.Counts;
import dev.newsroom.systemtest.check.Verdict.KindCounts;
import dev.newsroom.systemtest.check.Verdict.OutletCounts;
import dev.newsroom.systemtest.load.DocumentKind;
import dev.newsroom.systemtest.load.GeneratedDocument;
import dev.newsroom.systemtest.load.GeneratedDocument.ExpectedArticle;
import dev.newsroom.systemtest.load.SentDocument;
import dev.newsroom.systemtest.receiver.WebhookSite;
import dev.newsroom.systemtest.receiver.WebhookSite.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Holds the pipeline's outputs against what the sent documents must produce, Jepsen-style: everything is counted at
 * the end. Expectations come from the generator (ingest's parser and versioning replayed over the same bytes); the
 * outputs come from the read_committed ledger and from the webhook sites' own records.
 *
 * <p>Violations: an article, enriched or published version that should not exist or exists twice; a dead letter for
 * a good document or with the wrong reason; a webhook request with a bad signature, an article version delivered
 * under two different webhook ids, an article's versions accepted out of order; a Kafka outlet record twice.
 */
public final class ScenarioCheck {

    private static final Map<DocumentKind, String> REASONS = Map.of(
            DocumentKind.MALFORMED_XML, "not well-formed XML",
            DocumentKind.UNDECODABLE_CHARSET, "cannot be decoded as text",
            DocumentKind.OVERSIZED, "more than the limit",
            DocumentKind.DOCTYPE_BOMB, "DOCTYPE",
            DocumentKind.RANDOM_BYTES, "not in the Confluent wire format",
            DocumentKind.UNKNOWN_SCHEMA_ID, "does not know");
    private static final int LISTED = 10;

    private final List<SentDocument> sent;
    private final Map<String, WebhookSite> webhooks;

    /** @param webhooks the webhook outlets by name, and the sites they deliver to */
    public ScenarioCheck(List<SentDocument> sent, Map<String, WebhookSite> webhooks) {
        this.sent = List.copyOf(sent);
        this.webhooks = Map.copyOf(webhooks);
    }

    /** Takes the sites' records, then reads the ledger on (so every delivery seen is of a version it holds). */
    public Verdict check(PipelineLedger ledger) {
        Map<String, List<Request>> requests = new TreeMap<>();
        webhooks.forEach((outlet, site) -> requests.put(outlet, site.requests()));
        ledger.catchUp();
        Problems problems = new Problems();
        String rawTopic = ledger.topics().name(TopicId.RAW);

        Map<List<Object>, ExpectedArticle> expected = new LinkedHashMap<>();
        Map<List<Object>, LineageKey> expectedLineage = new HashMap<>();
        Map<String, Integer> expectedVersions = new HashMap<>();
        Map<RecordPosition, SentDocument> byPosition = new HashMap<>();
        long expectedItemLetters = 0;
        long identical = 0;
        long changed = 0;
        for (SentDocument document : sent) {
            RecordPosition position = new RecordPosition(rawTopic, document.partition(), document.offset());
            byPosition.put(position, document);
            GeneratedDocument generated = document.document();
            identical += generated.resend() == GeneratedDocument.Resend.IDENTICAL ? 1 : 0;
            changed += generated.resend() == GeneratedDocument.Resend.CHANGED ? 1 : 0;
            expectedItemLetters += generated.rejectedItems().size();
            for (ExpectedArticle article : generated.articles()) {
                List<Object> key = List.of(article.articleId(), article.version());
                expected.put(key, article);
                expectedLineage.put(key, new LineageKey(rawTopic, document.partition(), document.offset(),
                        article.itemIndex()));
                expectedVersions.merge(article.articleId(), article.version(), Math::max);
            }
        }

        long raw = ledger.raw().size();
        if (raw > sent.size()) {
            problems.violation("the raw topic holds " + raw + " records, but only " + sent.size() + " were sent");
        }

        Map<List<Object>, List<ArticleRecord>> articles = ledger.articles().stream()
                .collect(Collectors.groupingBy(a -> List.of(a.articleId(), a.version())));
        versions("article", expected.keySet(), articles, problems);
        articles.forEach((key, records) -> {
            LineageKey lineage = expectedLineage.get(key);
            if (lineage != null && !records.get(0).lineage().equals(lineage)) {
                problems.violation("article " + key + " came from " + records.get(0).lineage() + ", not from "
                        + lineage);
            }
        });
        Map<List<Object>, List<ArticleRecord>> enriched = ledger.enriched().stream()
                .collect(Collectors.groupingBy(a -> List.of(a.articleId(), a.version())));
        versions("enriched article", expected.keySet(), enriched, problems);

        Set<List<Object>> expectedPublished = new HashSet<>();
        expectedVersions.forEach((id, last) -> {
            for (int version = 1; version <= last; version++) {
                expectedPublished.add(List.of(id, version));
            }
        });
        Map<List<Object>, List<PublishedRecord>> published = ledger.published().stream()
                .collect(Collectors.groupingBy(p -> List.of(p.articleId(), p.version())));
        versions("published version", expectedPublished, published, problems);

        long[] letterCounts = deadLetters(ledger.deadLetters(), byPosition, problems);
        List<KindCounts> bad = badInputs(ledger.deadLetters(), byPosition);
        List<OutletCounts> outlets = new ArrayList<>();
        for (var entry : requests.entrySet()) {
            outlets.add(webhook(entry.getKey(), entry.getValue(), ledger.published(), problems));
        }
        ledger.outletTopics().keySet().forEach(outlet -> outlets.add(kafkaOutlet(outlet, ledger.outletRecords(),
                ledger.published(), problems)));

        long good = sent.stream().filter(d -> !d.document().isPoison()).count();
        Counts counts = new Counts(sent.size(), good, sent.size() - good, identical, changed, expected.size(),
                ledger.articles().size(), ledger.articles().stream().map(ArticleRecord::articleId).distinct().count(),
                expectedItemLetters, letterCounts[0], sent.size() - good, letterCounts[1], ledger.enriched().size(),
                expectedPublished.size(), ledger.published().size(), outlets, bad);
        return new Verdict(problems.missing(), problems.violations(), counts);
    }

    /** Each expected version exactly once, nothing unexpected. */
    private static <T> void versions(String what, Set<List<Object>> expected, Map<List<Object>, List<T>> observed,
                                     Problems problems) {
        for (List<Object> key : expected) {
            List<T> records = observed.get(key);
            if (records == null) {
                problems.missing(what + " " + key);
            } else if (records.size() > 1) {
                problems.violation(what + " " + key + " appears " + records.size() + " times");
            }
        }
        observed.keySet().stream().filter(key -> !expected.contains(key))
                .forEach(key -> problems.violation("unexpected " + what + " " + key));
    }

    /** @return item letters and whole-document letters seen */
    private long[] deadLetters(List<DeadLetterRecord> letters, Map<RecordPosition, SentDocument> byPosition,
                               Problems problems) {
        Set<List<Object>> seen = new HashSet<>();
        long items = 0;
        long documents = 0;
        for (DeadLetterRecord letter : letters) {
            SentDocument document = byPosition.get(letter.original());
            if (letter.stage() != Stage.INGEST || document == null) {
                problems.violation("unexpected " + letter.stage() + " dead letter for " + letter.original() + ": "
                        + letter.reason());
                continue;
            }
            if (!seen.add(List.of(letter.original(), String.valueOf(letter.itemIndex())))) {
                problems.violation("dead letter for " + letter.original() + " item " + letter.itemIndex()
                        + " appears twice");
                continue;
            }
            GeneratedDocument generated = document.document();
            if (letter.itemIndex() != null) {
                items++;
                if (!generated.rejectedItems().contains(letter.itemIndex())) {
                    problems.violation("good document " + generated.documentId() + " item " + letter.itemIndex()
                            + " was dead-lettered: " + letter.reason());
                }
            } else {
                documents++;
                if (!generated.isPoison()) {
                    problems.violation("good document " + generated.documentId() + " (" + generated.kind()
                            + ") was dead-lettered: " + letter.reason());
                } else if (!letter.reason().contains(REASONS.get(generated.kind()))) {
                    problems.violation(generated.kind() + " document " + generated.documentId()
                            + " was dead-lettered for the wrong reason: " + letter.reason());
                }
            }
        }
        for (var entry : byPosition.entrySet()) {
            GeneratedDocument generated = entry.getValue().document();
            if (generated.isPoison() && !seen.contains(List.of(entry.getKey(), "null"))) {
                problems.missing("dead letter for " + generated.kind() + " document " + generated.documentId());
            }
            for (int item : generated.rejectedItems()) {
                if (!seen.contains(List.of(entry.getKey(), String.valueOf(item)))) {
                    problems.missing("dead letter for item " + item + " of " + generated.documentId());
                }
            }
        }
        return new long[] {items, documents};
    }

    private static List<KindCounts> badInputs(List<DeadLetterRecord> letters,
                                              Map<RecordPosition, SentDocument> byPosition) {
        Map<DocumentKind, long[]> counts = new TreeMap<>();
        byPosition.values().stream().filter(d -> d.document().isPoison())
                .forEach(d -> counts.computeIfAbsent(d.document().kind(), k -> new long[2])[0]++);
        for (DeadLetterRecord letter : letters) {
            SentDocument document = byPosition.get(letter.original());
            if (document != null && document.document().isPoison() && letter.itemIndex() == null
                    && letter.reason().contains(REASONS.get(document.document().kind()))) {
                counts.get(document.document().kind())[1]++;
            }
        }
        return counts.entrySet().stream().map(e -> new KindCounts(e.getKey().name(), e.getValue()[0],
                e.getValue()[1])).toList();
    }

    private OutletCounts webhook(String outlet, List<Request> requests, List<PublishedRecord> published,
                                 Problems problems) {
        Map<String, PublishedRecord> due = new HashMap<>();
        for (PublishedRecord version : published) {
            if (version.outlets().contains(outlet)) {
                due.put(deliveryId(version), version);
            }
        }
        Map<String, Long> accepted = new HashMap<>();
        Map<List<Object>, Set<String>> idsByVersion = new HashMap<>();
        Map<String, Integer> highest = new HashMap<>();
        long refused = 0;
        long badSignatures = 0;
        long outOfOrder = 0;
        List<Request> inOrder = new ArrayList<>(requests);
        inOrder.sort(Comparator.comparing(Request::at));
        for (Request request : inOrder) {
            if (!request.signatureValid() || !request.timestampFresh()) {
                badSignatures++;
                problems.violation("outlet " + outlet + ": request " + request.webhookId() + " with a bad signature"
                        + " or a stale timestamp");
            }
            idsByVersion.computeIfAbsent(List.of(request.articleUri(), request.version(), request.type()),
                    k -> new HashSet<>()).add(request.webhookId());
            if (!request.accepted()) {
                refused++;
                continue;
            }
            boolean first = accepted.merge(request.webhookId(), 1L, Long::sum) == 1;
            if (!due.containsKey(request.webhookId())) {
                problems.violation("outlet " + outlet + " received " + request.webhookId() + " ("
                        + request.articleUri() + " version " + request.version() + "), which was never published"
                        + " to it");
            }
            if (first) {
                int before = highest.getOrDefault(request.articleUri(), 0);
                if (request.version() < before) {
                    outOfOrder++;
                    problems.violation("outlet " + outlet + ": " + request.articleUri() + " version "
                            + request.version() + " accepted after version " + before);
                }
                highest.merge(request.articleUri(), request.version(), Math::max);
            }
        }
        long conflicts = 0;
        for (var entry : idsByVersion.entrySet()) {
            if (entry.getValue().size() > 1) {
                conflicts++;
                problems.violation("outlet " + outlet + ": " + entry.getKey() + " delivered under different webhook"
                        + " ids " + entry.getValue());
            }
        }
        for (var entry : due.entrySet()) {
            if (!accepted.containsKey(entry.getKey())) {
                problems.missing("outlet " + outlet + ": delivery of " + entry.getValue().articleId() + " version "
                        + entry.getValue().version());
            }
        }
        long delivered = accepted.keySet().stream().filter(due::containsKey).count();
        long repeats = accepted.values().stream().mapToLong(count -> count - 1).sum();
        return new OutletCounts(outlet, "webhook", due.size(), delivered, requests.size(), repeats, refused,
                conflicts, outOfOrder, badSignatures, 0);
    }

    private static OutletCounts kafkaOutlet(String outlet, List<OutletRecord> records, List<PublishedRecord> published,
                                            Problems problems) {
        Map<List<Object>, Long> copies = records.stream().filter(r -> outlet.equals(r.outlet()))
                .collect(Collectors.groupingBy(r -> List.of(String.valueOf(r.articleId()), r.version()),
                        Collectors.counting()));
        long due = 0;
        long duplicates = 0;
        Set<List<Object>> expected = new HashSet<>();
        for (PublishedRecord version : published) {
            if (!version.outlets().contains(outlet)) {
                continue;
            }
            due++;
            List<Object> key = List.of(version.articleId(), version.version());
            expected.add(key);
            long count = copies.getOrDefault(key, 0L);
            if (count == 0) {
                problems.missing("outlet " + outlet + ": " + key);
            } else if (count > 1) {
                duplicates += count - 1;
                problems.violation("outlet " + outlet + ": " + key + " on its topic " + count + " times");
            }
        }
        copies.keySet().stream().filter(key -> !expected.contains(key))
                .forEach(key -> problems.violation("outlet " + outlet + ": " + key + " was never published to it"));
        long delivered = copies.keySet().stream().filter(expected::contains).count();
        return new OutletCounts(outlet, "kafka", due, delivered, records.stream()
                .filter(r -> outlet.equals(r.outlet())).count(), 0, 0, 0, 0, 0, duplicates);
    }

    public static String deliveryId(PublishedRecord version) {
        return DeliveryId.of(version.articleId(), version.version(),
                EventNames.of(PublicationEvent.valueOf(version.event())));
    }

    /** Collects problems, keeping the first few of each sort in full and counting the rest. */
    private static final class Problems {
        private final List<String> missing = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();
        private long moreMissing;
        private long moreViolations;

        void missing(String what) {
            if (missing.size() < LISTED) {
                missing.add(what);
            } else {
                moreMissing++;
            }
        }

        void violation(String what) {
            if (violations.size() < LISTED) {
                violations.add(what);
            } else {
                moreViolations++;
            }
        }

        List<String> missing() {
            List<String> all = new ArrayList<>(missing);
            if (moreMissing > 0) {
                all.add("... and " + moreMissing + " more missing");
            }
            return all;
        }

        List<String> violations() {
            List<String> all = new ArrayList<>(violations);
            if (moreViolations > 0) {
                all.add("... and " + moreViolations + " more violations");
            }
            return all;
        }
    }
}
