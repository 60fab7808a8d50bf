package dev.newsroom.devtools.bench;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.Lineage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic raw documents made from the sample inputs: Arabic RSS items, the Arabic page and plain text, English
 * Atom entries and JSON Feed items, 2–15 KB, about 6 KB on average. Every document gets ids of its own (so every
 * story is new to ingest) and a varying sentence before each lead (so every content hash and every text enrich
 * sees differs). A share of bad inputs, each of which ingest must turn into exactly one dead letter, can be mixed in.
 *
 * <p>How many articles a good document yields is worked out once per variant with ingest's own parser; the
 * variations change ids and one sentence, never the number of stories.
 */
public final class DocumentMix {

    static final String SOURCE = "bench.example";

    private static final List<String> ARABIC = List.of(
            "وقال مراسلنا إن %d شخصاً تابعوا التطورات حتى ساعة متأخرة من الليل",
            "وذكرت مصادر محلية أن الاجتماع رقم %d سيعقد الأسبوع المقبل في العاصمة",
            "وأوضح مسؤول حكومي أن %d فريقاً يعملون على تقييم الوضع الميداني",
            "وأشار بيان رسمي إلى تخصيص %d مليون دولار لدعم المتضررين",
            "ونقلت وكالات الأنباء عن مصدر دبلوماسي أن المحادثات استمرت %d ساعات",
            "وتوقع محللون أن ترتفع الأسعار بنسبة %d في المئة خلال الربع المقبل");
    private static final List<String> ENGLISH = List.of(
            "Officials said %d people had been briefed on the situation by Sunday evening.",
            "A spokesperson confirmed that meeting number %d would take place next week.",
            "Local media reported that %d teams were assessing the damage on the ground.",
            "The statement said %d million dollars had been set aside for those affected.",
            "Diplomats said the talks had lasted %d hours without a final agreement.",
            "Analysts expect prices to rise by %d percent in the coming quarter.");

    /** What a document is made of, and what the pipeline makes of it. */
    public enum Kind {
        ARABIC_RSS, ARABIC_PAGE, ARABIC_TEXT, ENGLISH_ATOM, ENGLISH_JSON_FEED, BAD
    }

    /** A variant of a sample: its text with placeholders, how to make it unique, and its article count. */
    private record Variant(Kind kind, String contentType, String text, List<String> hosts, List<String> leads,
                           List<String> sentences, int weight, int articles) {
    }

    /** One generated raw document; {@code expectedArticles} is 0 and {@code bad} true for a bad input. */
    public record Document(String documentId, Kind kind, String contentType, byte[] payload, int expectedArticles,
                           boolean bad, boolean wireFormatBroken) {
    }

    private final List<Variant> variants = new ArrayList<>();
    private final int totalWeight;
    private final String runId;
    private final Random random;
    private final String rss;
    private long serial;

    /** @param runId makes every id unique to this run, so runs can share a cluster */
    public DocumentMix(Path samples, String runId, long seed) {
        this.runId = runId;
        this.random = new Random(seed);
        rss = read(samples, "feed-ar.rss");
        String page = read(samples, "page-ar-palmyra.html");
        String text = read(samples, "000_5ae1655f0e8fde34.txt");
        String atom = read(samples, "feed-en.atom");
        String jsonFeed = read(samples, "feed.json");

        List<String> arabicHosts = List.of("https://akhbar.example/");
        List<String> rssLeads = List.of("في خضم التوترات الإقليمية المتصاعدة", "قررت لجنة السياسة النقدية",
                "تأهل منتخب المغرب");
        List<String> rssItems = split(rss, "  <item>", "  </item>\n");
        String rssHead = rss.substring(0, rss.indexOf("  <item>"));
        String rssTail = "</channel>\n</rss>\n";
        add(Kind.ARABIC_RSS, "application/rss+xml", rssHead + rssItems.get(0) + rssTail, arabicHosts, rssLeads, ARABIC, 2);
        add(Kind.ARABIC_RSS, "application/rss+xml", rssHead + rssItems.get(1) + rssItems.get(2) + rssTail, arabicHosts,
                rssLeads, ARABIC, 2);
        add(Kind.ARABIC_RSS, "application/rss+xml", rssHead + rssItems.get(1) + rssTail, arabicHosts, rssLeads, ARABIC, 1);
        add(Kind.ARABIC_RSS, "application/rss+xml", rss, arabicHosts, rssLeads, ARABIC, 1);
        String seedLead = "في خضم التوترات الإقليمية المتصاعدة";
        add(Kind.ARABIC_TEXT, "text/plain; charset=utf-8", text, List.of(), List.of(seedLead), ARABIC, 2);
        add(Kind.ARABIC_PAGE, "text/html", page, arabicHosts, List.of(seedLead), ARABIC, 1);

        List<String> atomHosts = List.of("https://wire.example/", "tag:wire.example,2025:");
        List<String> atomLeads = List.of("Two U.S. soldiers and an American civilian", "European Union negotiators agreed");
        List<String> atomEntries = split(atom, "  <entry>", "  </entry>\n");
        String atomHead = atom.substring(0, atom.indexOf("  <entry>"));
        add(Kind.ENGLISH_ATOM, "application/atom+xml", atomHead + atomEntries.get(0) + "</feed>\n", atomHosts, atomLeads,
                ENGLISH, 2);
        add(Kind.ENGLISH_ATOM, "application/atom+xml", atom, atomHosts, atomLeads, ENGLISH, 2);

        String jsonItem = jsonFeed.substring(jsonFeed.indexOf("    {"), jsonFeed.lastIndexOf("    }") + 5);
        String jsonItems = String.join(",\n", jsonUpdate(jsonItem, 1), jsonUpdate(jsonItem, 2), jsonUpdate(jsonItem, 3));
        add(Kind.ENGLISH_JSON_FEED, "application/feed+json", jsonFeed.replace(jsonItem, jsonItems),
                List.of("https://weather.example/"), List.of("A winter storm swept"), ENGLISH, 2);
        totalWeight = variants.stream().mapToInt(Variant::weight).sum();
    }

    /** One of a story's running updates, with an id and a headline of its own: ingest reports equal items as duplicates. */
    private static String jsonUpdate(String item, int number) {
        return item.replace("/storm-levant", "/storm-levant-" + number)
                .replace("flooding to Beirut", "flooding to Beirut (update " + number + ")");
    }

    private void add(Kind kind, String contentType, String text, List<String> hosts, List<String> leads,
                     List<String> sentences, int weight) {
        Variant unsized = new Variant(kind, contentType, text, hosts, leads, sentences, weight, 0);
        byte[] probe = render(unsized, "probe", 0);
        Lineage lineage = Lineage.newBuilder().setRawTopic("bench").setRawPartition(0).setRawOffset(0)
                .setDocumentId("probe").setFormat("").setIngestedAt(Instant.EPOCH).build();
        var parsed = new DocumentParser().parse(RawInput.of("probe", SOURCE, contentType, null, probe), lineage);
        if (!parsed.rejectedItems().isEmpty()) {
            throw new IllegalStateException("A " + kind + " variant has items ingest rejects: " + parsed.rejectedItems());
        }
        long distinct = parsed.articles().stream().map(Article::getContentHash).distinct().count();
        if (distinct < parsed.articles().size()) {
            throw new IllegalStateException("A " + kind + " variant has items with equal content, which ingest reports"
                    + " as duplicates rather than articles");
        }
        variants.add(new Variant(kind, contentType, text, hosts, leads, sentences, weight, parsed.articles().size()));
    }

    private static List<String> split(String text, String open, String close) {
        List<String> parts = new ArrayList<>();
        int at = text.indexOf(open);
        while (at >= 0) {
            int end = text.indexOf(close, at) + close.length();
            parts.add(text.substring(at, end));
            at = text.indexOf(open, end);
        }
        return parts;
    }

    private static String read(Path samples, String name) {
        try {
            return Files.readString(samples.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("bench needs the sample inputs; cannot read " + samples.resolve(name), e);
        }
    }

    /**
     * The next document. One mix makes all of a run's documents: plain text has no id but its content, so only the
     * running number keeps two phases' texts apart.
     *
     * @param phase    part of the id ("w" warm-up, "m" measured)
     * @param badShare share of bad inputs, 0..1
     */
    public Document next(String phase, double badShare) {
        serial++;
        String documentId = runId + "-" + phase + "-" + serial;
        if (random.nextDouble() < badShare) {
            return bad(documentId);
        }
        int pick = random.nextInt(totalWeight);
        Variant variant = variants.get(0);
        for (Variant candidate : variants) {
            pick -= candidate.weight();
            if (pick < 0) {
                variant = candidate;
                break;
            }
        }
        return new Document(documentId, variant.kind(), variant.contentType(), render(variant, documentId, serial),
                variant.articles(), false, false);
    }

    private static byte[] render(Variant variant, String tag, long number) {
        String text = variant.text();
        for (String host : variant.hosts()) {
            text = text.replace(host, host + tag + "/");
        }
        Random sentences = new Random(number);
        for (String lead : variant.leads()) {
            String sentence = variant.sentences().get(sentences.nextInt(variant.sentences().size())).formatted(number);
            text = text.replace(lead, sentence + " " + lead);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every kind of bad input the raw topic sees, each of which ends as exactly one dead letter. */
    private Document bad(String documentId) {
        int kind = random.nextInt(4);
        return switch (kind) {
            case 0 -> new Document(documentId, Kind.BAD, "application/rss+xml",
                    rss.substring(0, rss.length() / 2).getBytes(StandardCharsets.UTF_8), 0, true, false);
            case 1 -> new Document(documentId, Kind.BAD, "application/rss+xml",
                    rss.replaceFirst("\\?>", "?>\n<!DOCTYPE rss [<!ENTITY x \"x\">]>").getBytes(StandardCharsets.UTF_8),
                    0, true, false);
            case 2 -> new Document(documentId, Kind.BAD, "text/plain", new byte[0], 0, true, false);
            default -> new Document(documentId, Kind.BAD, "application/octet-stream",
                    ("not a raw document " + documentId).getBytes(StandardCharsets.UTF_8), 0, true, true);
        };
    }

    /** Checks that a bad input really is refused by the parser (wire-format breakage is refused before it). */
    static boolean refusedByParser(Document document) {
        if (document.wireFormatBroken()) {
            return true;
        }
        Lineage lineage = Lineage.newBuilder().setRawTopic("bench").setRawPartition(0).setRawOffset(0)
                .setDocumentId(document.documentId()).setFormat("").setIngestedAt(Instant.EPOCH).build();
        try {
            new DocumentParser().parse(RawInput.of(document.documentId(), SOURCE, document.contentType(), null,
                    document.payload()), lineage);
            return false;
        } catch (RejectedDocumentException e) {
            return true;
        }
    }
}
