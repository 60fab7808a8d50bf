package dev.newsroom.ops.verify;

import dev.newsroom.ops.operate.status.ReasonPattern;
import dev.newsroom.ops.verify.Account.DeliveryLine;
import dev.newsroom.ops.verify.Account.IngestItems;
import dev.newsroom.ops.verify.Account.NothingDueLine;
import dev.newsroom.ops.verify.Account.Problem;
import dev.newsroom.ops.verify.Account.ReasonLine;
import dev.newsroom.ops.verify.Account.StageLine;
import dev.newsroom.ops.verify.PipelineLedger.ArticleRecord;
import dev.newsroom.ops.verify.PipelineLedger.DeadLetterRecord;
import dev.newsroom.ops.verify.PipelineLedger.OutcomeRecord;
import dev.newsroom.ops.verify.PipelineLedger.OutletRecord;
import dev.newsroom.ops.verify.PipelineLedger.PublishedRecord;
import dev.newsroom.ops.verify.PipelineLedger.RawRecord;
import dev.newsroom.ops.verify.PipelineLedger.Receipt;
import dev.newsroom.publish.publication.DeliveryId;
import dev.newsroom.publish.publication.EventNames;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.IngestOutcomeKind;
import dev.newsroom.schemas.PublicationEvent;
import dev.newsroom.schemas.Pubstatus;
import dev.newsroom.schemas.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Balances the books: follows every input of every stage in the ledger to what became of it.
 *
 * <ul>
 *   <li>ingest: a raw record produced article versions (by their lineage), was dead-lettered whole or item by item,
 *       or ingest wrote down why nothing is due (an empty feed, unchanged items, repeated items);</li>
 *   <li>enrich: an article version has its enriched version, or a dead letter;</li>
 *   <li>publish: an enriched version is carried by a published version (same lineage), was dead-lettered, or its
 *       article had been killed;</li>
 *   <li>outlets: each published version addressed to an outlet was delivered (a receipt, and for Kafka outlets
 *       whose topic is known, the record on it), parked, or is being retried.</li>
 * </ul>
 * An input with none of these is pending while its service's group has not committed past it, and unaccounted
 * once it has. The same version twice on a read_committed output is a duplicate.
 */
public final class Reconciler {

    private Reconciler() {
    }

    public static Account reconcile(PipelineLedger ledger, ServiceGroups groups) {
        return reconcile(ledger.snapshot(), groups);
    }

    public static Account reconcile(LedgerSnapshot ledger, ServiceGroups groups) {
        List<Problem> problems = new ArrayList<>();
        List<DeadLetterRecord> letters = ledger.deadLetters();
        Map<Stage, Map<RecordPosition, List<DeadLetterRecord>>> lettersByStage = new HashMap<>();
        for (DeadLetterRecord letter : letters) {
            lettersByStage.computeIfAbsent(letter.stage(), s -> new HashMap<>())
                    .computeIfAbsent(letter.original(), p -> new ArrayList<>()).add(letter);
        }
        duplicateDeadLetters(letters, problems);

        List<StageLine> stages = new ArrayList<>();
        IngestAccount ingest = ingest(ledger, groups, lettersByStage.getOrDefault(Stage.INGEST, Map.of()), problems);
        stages.add(ingest.line());
        stages.add(enrich(ledger, groups, lettersByStage.getOrDefault(Stage.ENRICH, Map.of()), problems));
        stages.add(publish(ledger, groups, lettersByStage.getOrDefault(Stage.PUBLISH, Map.of()), problems));
        List<DeliveryLine> deliveries = deliveries(ledger, groups, letters, problems);

        Map<List<String>, Long> reasons = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (DeadLetterRecord letter : letters) {
            reasons.merge(List.of(letter.stage().name(), ReasonPattern.of(letter.reason())), 1L, Long::sum);
        }
        List<ReasonLine> reasonLines = reasons.entrySet().stream()
                .map(e -> new ReasonLine(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparing(ReasonLine::stage).thenComparing(Comparator.comparingLong(
                        ReasonLine::count).reversed()).thenComparing(ReasonLine::reason))
                .toList();
        return new Account(ledger.from(), ledger.readAt(), stages, ingest.items(), ingest.nothingDue(), deliveries,
                reasonLines, problems);
    }

    /** What became of the raw records, the stage's line of the account and its details. */
    private record IngestAccount(StageLine line, IngestItems items, List<NothingDueLine> nothingDue) {
    }

    /**
     * Each raw record counts once, under the first that applies: dead-lettered whole; produced (an article version
     * comes from it); dead-lettered item by item (item dead letters and no article); nothing due (only ingest's
     * outcomes, under the first kind of {@link IngestOutcomeKind} among them: a document can only end without an
     * article through an empty feed or unchanged items, since a repeated item's original is versioned); pending;
     * unaccounted. An item with both an article or dead letter and a nothing-due outcome, or an empty-document
     * outcome beside anything else, is a conflict: ingest decided twice.
     */
    private static IngestAccount ingest(LedgerSnapshot ledger, ServiceGroups groups,
                                        Map<RecordPosition, List<DeadLetterRecord>> letters, List<Problem> problems) {
        List<ArticleRecord> articles = ledger.articles();
        Map<RecordPosition, List<ArticleRecord>> byRaw = articles.stream()
                .collect(Collectors.groupingBy(a -> a.lineage().rawRecord()));
        Map<RecordPosition, List<OutcomeRecord>> outcomesByRaw = ledger.outcomes().stream()
                .collect(Collectors.groupingBy(OutcomeRecord::raw));
        List<RawRecord> raw = new ArrayList<>(ledger.raw());
        raw.sort(Comparator.comparingInt((RawRecord r) -> r.position().partition())
                .thenComparingLong(r -> r.position().offset()));
        boolean inFlight = groups.internalLag(groups.ingest()) > 0;
        Map<IngestOutcomeKind, long[]> byKind = new EnumMap<>(IngestOutcomeKind.class);
        long produced = 0;
        long deadLettered = 0;
        long wholeLetters = 0;
        long nothingDue = 0;
        long pending = 0;
        long unaccounted = 0;
        long itemLetters = 0;
        long undecodable = 0;
        for (RawRecord record : raw) {
            List<DeadLetterRecord> own = letters.getOrDefault(record.position(), List.of());
            List<ArticleRecord> made = byRaw.getOrDefault(record.position(), List.of());
            List<OutcomeRecord> outcomes = outcomesByRaw.getOrDefault(record.position(), List.of());
            boolean whole = own.stream().anyMatch(letter -> letter.itemIndex() == null);
            long ownItemLetters = own.stream().filter(letter -> letter.itemIndex() != null).count();
            itemLetters += ownItemLetters;
            undecodable += record.decodable() ? 0 : 1;
            outcomes.forEach(outcome -> byKind.computeIfAbsent(outcome.kind(), k -> new long[2])[1]++);
            conflicts(record, made, own, outcomes, problems);
            if (whole) {
                deadLettered++;
                wholeLetters++;
            } else if (!made.isEmpty()) {
                produced++;
            } else if (ownItemLetters > 0) {
                deadLettered++;
            } else if (!outcomes.isEmpty()) {
                nothingDue++;
                IngestOutcomeKind kind = outcomes.stream().map(OutcomeRecord::kind)
                        .min(Comparator.naturalOrder()).orElseThrow();
                byKind.computeIfAbsent(kind, k -> new long[2])[0]++;
            } else if (inFlight || record.position().offset() >= groups.committed(groups.ingest(),
                    record.position().topic(), record.position().partition())) {
                pending++;
            } else {
                unaccounted++;
                problems.add(new Problem(Problem.Kind.UNACCOUNTED, "ingest", "raw record " + record.position()
                        + " (key '" + record.key() + "'): processed, but no article, dead letter or nothing-due"
                        + " outcome comes from it"));
            }
        }
        long duplicates = duplicates(articles, a -> a.articleId() + " version " + a.version(), "ingest",
                "article", problems)
                + duplicates(ledger.outcomes(), o -> o.kind() + " outcome for raw record " + o.raw()
                        + (o.itemIndex() == null ? "" : " item " + o.itemIndex()), "ingest", "nothing-due", problems);
        List<NothingDueLine> kinds = new ArrayList<>();
        byKind.forEach((kind, counts) -> kinds.add(new NothingDueLine(label(kind), counts[0], counts[1])));
        StageLine line = new StageLine("ingest", "raw documents", raw.size(), produced, articles.size(), deadLettered,
                nothingDue, pending, unaccounted, duplicates);
        return new IngestAccount(line, new IngestItems(articles.size(), itemLetters, wholeLetters, undecodable),
                kinds);
    }

    private static void conflicts(RawRecord record, List<ArticleRecord> made, List<DeadLetterRecord> letters,
                                  List<OutcomeRecord> outcomes, List<Problem> problems) {
        if (outcomes.isEmpty()) {
            return;
        }
        Set<Integer> traced = new HashSet<>();
        made.forEach(article -> traced.add(article.lineage().itemIndex()));
        letters.forEach(letter -> traced.add(letter.itemIndex()));
        for (OutcomeRecord outcome : outcomes) {
            boolean twice = outcome.itemIndex() == null
                    ? !traced.isEmpty() || outcomes.stream().anyMatch(other -> other.itemIndex() != null)
                    : traced.contains(outcome.itemIndex()) || traced.contains(null);
            if (twice) {
                problems.add(new Problem(Problem.Kind.CONFLICT, "ingest", "raw record " + record.position()
                        + (outcome.itemIndex() == null ? "" : " item " + outcome.itemIndex()) + " is "
                        + label(outcome.kind()) + " (" + outcome.reason() + "), yet an article, a dead letter or"
                        + " another outcome also comes from it"));
            }
        }
    }

    private static String label(IngestOutcomeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static StageLine enrich(LedgerSnapshot ledger, ServiceGroups groups,
                                    Map<RecordPosition, List<DeadLetterRecord>> letters, List<Problem> problems) {
        List<ArticleRecord> enriched = ledger.enriched();
        Set<String> done = enriched.stream().map(e -> e.articleId() + "\n" + e.version()).collect(Collectors.toSet());
        long produced = 0;
        long deadLettered = 0;
        long pending = 0;
        long unaccounted = 0;
        for (ArticleRecord article : ledger.articles()) {
            if (done.contains(article.articleId() + "\n" + article.version())) {
                produced++;
            } else if (letters.containsKey(article.position())) {
                deadLettered++;
            } else if (article.position().offset() >= groups.committed(groups.enrich(), article.position().topic(),
                    article.position().partition())) {
                pending++;
            } else {
                unaccounted++;
                problems.add(new Problem(Problem.Kind.UNACCOUNTED, "enrich", "article '" + article.articleId()
                        + "' version " + article.version() + " at " + article.position()
                        + ": processed, but neither enriched nor dead-lettered"));
            }
        }
        long duplicates = duplicates(enriched, e -> e.articleId() + " version " + e.version(), "enrich",
                "enriched article", problems);
        return new StageLine("enrich", "article versions", ledger.articles().size(), produced, enriched.size(),
                deadLettered, 0, pending, unaccounted, duplicates);
    }

    private static StageLine publish(LedgerSnapshot ledger, ServiceGroups groups,
                                     Map<RecordPosition, List<DeadLetterRecord>> letters, List<Problem> problems) {
        List<PublishedRecord> published = ledger.published();
        Set<LineageKey> carried = published.stream().map(PublishedRecord::lineage).collect(Collectors.toSet());
        Set<String> killed = published.stream().filter(p -> p.pubstatus() == Pubstatus.canceled)
                .map(PublishedRecord::articleId).collect(Collectors.toSet());
        long produced = 0;
        long deadLettered = 0;
        long nothingDue = 0;
        long pending = 0;
        long unaccounted = 0;
        for (ArticleRecord enriched : ledger.enriched()) {
            if (carried.contains(enriched.lineage())) {
                produced++;
            } else if (letters.containsKey(enriched.position())) {
                deadLettered++;
            } else if (enriched.position().offset() >= groups.committed(groups.publish(),
                    enriched.position().topic(), enriched.position().partition())) {
                pending++;
            } else if (killed.contains(enriched.articleId())) {
                nothingDue++;
            } else {
                unaccounted++;
                problems.add(new Problem(Problem.Kind.UNACCOUNTED, "publish", "enriched article '"
                        + enriched.articleId() + "' version " + enriched.version() + " at " + enriched.position()
                        + ": processed, but no published version carries it and it was not dead-lettered"));
            }
        }
        long duplicates = duplicates(published, p -> p.articleId() + " published version " + p.version(), "publish",
                "published version", problems);
        return new StageLine("publish", "enriched versions", ledger.enriched().size(), produced, published.size(),
                deadLettered, nothingDue, pending, unaccounted, duplicates);
    }

    private static List<DeliveryLine> deliveries(LedgerSnapshot ledger, ServiceGroups groups,
                                                 List<DeadLetterRecord> letters, List<Problem> problems) {
        Map<String, String> kinds = new TreeMap<>();
        ledger.outletTopics().keySet().forEach(outlet -> kinds.put(outlet, "KAFKA"));
        Map<List<String>, List<Receipt>> receipts = new HashMap<>();
        Map<List<String>, Set<String>> idsByVersion = new HashMap<>();
        for (Receipt receipt : ledger.receipts()) {
            kinds.putIfAbsent(receipt.outlet(), receipt.outletKind());
            receipts.computeIfAbsent(List.of(receipt.outlet(), receipt.deliveryId()), k -> new ArrayList<>())
                    .add(receipt);
            idsByVersion.computeIfAbsent(List.of(receipt.outlet(), receipt.articleId(),
                    String.valueOf(receipt.version()), receipt.event()), k -> new HashSet<>()).add(receipt.deliveryId());
        }
        Set<List<String>> parkedLetters = letters.stream().filter(l -> l.stage() == Stage.DELIVERY && l.webhookId() != null)
                .map(l -> List.of(String.valueOf(l.outlet()), l.webhookId())).collect(Collectors.toSet());
        Map<List<String>, Long> outletCopies = new HashMap<>();
        for (OutletRecord record : ledger.outletRecords()) {
            outletCopies.merge(List.of(record.outlet(), String.valueOf(record.articleId()),
                    String.valueOf(record.version())), 1L, Long::sum);
        }
        String publishedTopic = ledger.publishedTopic();
        Map<String, long[]> lines = new TreeMap<>();
        for (PublishedRecord version : ledger.published()) {
            String deliveryId = DeliveryId.of(version.articleId(), version.version(),
                    EventNames.of(PublicationEvent.valueOf(version.event())));
            for (String outlet : version.outlets()) {
                kinds.putIfAbsent(outlet, null);
                long[] line = lines.computeIfAbsent(outlet, o -> new long[9]);
                line[0]++;
                String kind = kinds.get(outlet);
                List<Receipt> own = receipts.getOrDefault(List.of(outlet, deliveryId), List.of());
                long delivered = "KAFKA".equals(kind) && ledger.outletTopics().containsKey(outlet)
                        ? outletCopies.getOrDefault(List.of(outlet, version.articleId(),
                                String.valueOf(version.version())), 0L)
                        : own.stream().filter(r -> r.outcome() == DeliveryOutcome.DELIVERED).count();
                String what = "article '" + version.articleId() + "' published version " + version.version()
                        + " (" + deliveryId + ") to outlet '" + outlet + "'";
                if (delivered > 0) {
                    line[1]++;
                    if ("WEBHOOK".equals(kind)) {
                        line[6] += delivered - 1;
                    } else if (delivered > 1) {
                        line[7] += delivered - 1;
                        problems.add(new Problem(Problem.Kind.DUPLICATE, "outlets", what + " delivered "
                                + delivered + " times"));
                    }
                } else if (own.stream().anyMatch(r -> r.outcome() == DeliveryOutcome.PARKED)
                        || parkedLetters.contains(List.of(outlet, deliveryId))) {
                    line[2]++;
                } else if (kind == null) {
                    continue;
                } else if (own.stream().anyMatch(r -> r.outcome() == DeliveryOutcome.RETRYING)) {
                    line[3]++;
                } else if ("WEBHOOK".equals(kind) && version.position().offset() >= groups.committed(
                        groups.webhook(outlet), publishedTopic, version.position().partition())) {
                    line[4]++;
                } else {
                    line[5]++;
                    problems.add(new Problem(Problem.Kind.UNACCOUNTED, "outlets", what + ": not delivered, parked"
                            + " or being retried, though its worker has moved past it"));
                }
            }
        }
        idsByVersion.forEach((key, ids) -> {
            if (ids.size() > 1) {
                lines.computeIfAbsent(key.get(0), o -> new long[9])[8]++;
                problems.add(new Problem(Problem.Kind.CONFLICT, "outlets", "article '" + key.get(1) + "' version "
                        + key.get(2) + " (" + key.get(3) + ") to outlet '" + key.get(0) + "' under " + ids.size()
                        + " different ids: " + ids));
            }
        });
        List<DeliveryLine> result = new ArrayList<>();
        lines.forEach((outlet, l) -> result.add(new DeliveryLine(outlet, kinds.get(outlet) == null
                ? "no receipts" : kinds.get(outlet).toLowerCase(Locale.ROOT),
                l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7], l[8])));
        return result;
    }

    private static <T> long duplicates(List<T> records, Function<T, String> version, String stage, String what,
                                       List<Problem> problems) {
        Map<String, Long> counts = records.stream().collect(Collectors.groupingBy(version, Collectors.counting()));
        long extra = 0;
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > 1) {
                extra += entry.getValue() - 1;
                problems.add(new Problem(Problem.Kind.DUPLICATE, stage, what + " " + entry.getKey() + " appears "
                        + entry.getValue() + " times"));
            }
        }
        return extra;
    }

    private static void duplicateDeadLetters(List<DeadLetterRecord> letters, List<Problem> problems) {
        Map<String, Long> counts = letters.stream().filter(l -> l.stage() != Stage.DELIVERY)
                .collect(Collectors.groupingBy(DeadLetterRecord::id, Collectors.counting()));
        counts.forEach((id, count) -> {
            if (count > 1) {
                problems.add(new Problem(Problem.Kind.DUPLICATE, "dead letters", "dead letter " + id + " appears "
                        + count + " times"));
            }
        });
    }
}
