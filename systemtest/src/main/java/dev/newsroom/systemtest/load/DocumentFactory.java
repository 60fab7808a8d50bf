package dev.newsroom.systemtest.load;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.systemtest.load.GeneratedDocument.ExpectedArticle;
import dev.newsroom.systemtest.load.GeneratedDocument.Resend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes a realistic, reproducible stream of raw documents from the sample inputs: every story gets ids of its own
 * and a sentence that varies (so each document is a new story with its own hash), some document ids come again
 * with changed stories (new versions) or unchanged (nothing new), some feeds carry an empty item, and a share of
 * the stream is bad input of every kind the raw topic sees.
 *
 * <p>What the pipeline must make of each good document is worked out here with ingest's own parser over the very
 * bytes that are sent, and its versioning is replayed in send order: a re-sent document id always lands on the same
 * partition, so ingest sees the versions of a story in that order too.
 */
public final class DocumentFactory {

    /** The source the documents claim; ids of stories without a guid or URL derive from it. */
    public static final String SOURCE = "systemtest.example";
    private static final int OVERSIZED_BYTES = 20 * 1024 * 1024;
    private static final int UNKNOWN_SCHEMA_ID_BASE = 1_900_000_000;

    private static final List<String> ARABIC = List.of(
            "وأفاد مراسلنا بأن %d شخصاً تابعوا التطورات في المنطقة حتى ساعة متأخرة",
            "وذكرت مصادر محلية أن الاجتماع رقم %d سيعقد الأسبوع المقبل في العاصمة",
            "وقال مسؤول حكومي إن %d فريقاً يعملون على تقييم الوضع الميداني",
            "وأشار بيان رسمي إلى تخصيص %d مليون دولار لدعم المتضررين",
            "وأكد شهود عيان أن حركة المرور توقفت لمدة %d دقيقة على الطريق الرئيسي",
            "ونقلت وكالات الأنباء عن مصدر دبلوماسي أن المحادثات استمرت %d ساعات",
            "وتوقع محللون أن ترتفع الأسعار بنسبة %d في المئة خلال الربع المقبل",
            "وأعلنت السلطات إعادة فتح %d مدرسة بعد انتهاء أعمال الصيانة");
    private static final List<String> ENGLISH = List.of(
            "Officials said %d people had been briefed on the situation by Sunday evening.",
            "A spokesperson confirmed that meeting number %d would take place next week.",
            "Local media reported that %d teams were assessing the damage on the ground.",
            "The statement said %d million dollars had been set aside for those affected.",
            "Witnesses said traffic stood still for %d minutes on the main road.",
            "Diplomats said the talks had lasted %d hours without a final agreement.",
            "Analysts expect prices to rise by %d percent in the coming quarter.",
            "Authorities said %d schools would reopen once repairs were finished.");
    private static final List<String> FRENCH = List.of(
            "Selon un porte-parole, %d personnes ont été informées dimanche soir.",
            "Les organisateurs ont indiqué que %d camions étaient attendus cette semaine.",
            "Un responsable a précisé que %d équipes évaluaient les besoins sur place.");

    private final Map<DocumentKind, Template> templates = new HashMap<>();
    private final String seedText;
    private final DocumentParser parser = new DocumentParser();
    private final Random random;
    private final String runId;
    private final double poisonShare;
    private final int oversizedEvery;
    private final Map<String, LastVersion> versions = new HashMap<>();
    private final List<String> sentIds = new ArrayList<>();
    private final Map<String, GeneratedDocument> latest = new HashMap<>();
    private final Map<String, Integer> variations = new HashMap<>();
    private long serial;
    private long poisonCount;

    /** What ingest's version store holds for an article, replayed. */
    private record LastVersion(int version, String contentHash) {
    }

    /**
     * @param runId          makes every id unique to this run, so runs can share a cluster
     * @param poisonShare    share of bad inputs, 0..1
     * @param oversizedEvery one bad input in this many is a 20 MB payload (they are costly: keep them rare)
     */
    public DocumentFactory(Path samples, long seed, String runId, double poisonShare, int oversizedEvery) {
        this.random = new Random(seed);
        this.runId = runId;
        this.poisonShare = poisonShare;
        this.oversizedEvery = oversizedEvery;
        String rss = read(samples, "feed-ar.rss");
        String atom = read(samples, "feed-en.atom");
        String jsonFeed = read(samples, "feed.json");
        String page = read(samples, "page-ar-palmyra.html");
        seedText = read(samples, "000_5ae1655f0e8fde34.txt");
        String ninjs = read(samples, "wire-ninjs.json");
        String seedLead = "في خضم التوترات الإقليمية المتصاعدة";
        templates.put(DocumentKind.ARABIC_RSS, new Template(rss, ARABIC, List.of(
                "https://akhbar.example/2025/12/14/palmyra-attack-us-syria/",
                "https://akhbar.example/2025/12/13/egypt-central-bank-rates/",
                "https://akhbar.example/2025/12/12/morocco-senegal-afcon/",
                "https://akhbar.example/?p=48213", "https://akhbar.example/?p=48190",
                "https://akhbar.example/?p=48122"),
                List.of(seedLead, "قررت لجنة السياسة النقدية", "تأهل منتخب المغرب")));
        templates.put(DocumentKind.ENGLISH_ATOM, new Template(atom, ENGLISH, List.of(
                "tag:wire.example,2025:world/palmyra-attack-7731", "tag:wire.example,2025:tech/eu-ai-newsrooms-7702",
                "https://wire.example/world/2025/12/14/palmyra-attack",
                "https://wire.example/tech/2025/12/12/eu-ai-newsrooms"),
                List.of("Two U.S. soldiers and an American civilian", "European Union negotiators agreed")));
        templates.put(DocumentKind.ENGLISH_JSON_FEED, new Template(jsonFeed, ENGLISH,
                List.of("https://weather.example/2025/12/14/storm-levant"), List.of("A winter storm swept")));
        templates.put(DocumentKind.ARABIC_PAGE, new Template(page, ARABIC,
                List.of("https://akhbar.example/2025/12/14/palmyra-attack-us-syria/"), List.of(seedLead)));
        templates.put(DocumentKind.ARABIC_TEXT, new Template(seedText, ARABIC, List.of(), List.of(seedLead)));
        templates.put(DocumentKind.ARABIC_TEXT_MISLABELLED, new Template(seedText.replace('“', '"').replace('”', '"'),
                ARABIC, List.of(), List.of(seedLead)));
        templates.put(DocumentKind.FRENCH_NINJS, new Template(ninjs, FRENCH,
                List.of("urn:newsml:wire.example:20251214:fr-gaza-aid-2291"),
                List.of("Les Nations unies ont annoncé")));
    }

    /** A sample's text with every id made unique and a varying sentence before each story's lead. */
    private record Template(String text, List<String> sentences, List<String> ids, List<String> leads) {
    }

    private static String read(Path samples, String name) {
        try {
            return Files.readString(samples.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample " + samples.resolve(name), e);
        }
    }

    /** The next document of the stream. */
    public GeneratedDocument next() {
        serial++;
        if (random.nextDouble() < poisonShare) {
            return poison();
        }
        double roll = random.nextDouble();
        if (!sentIds.isEmpty() && roll < 0.12) {
            GeneratedDocument earlier = latest.get(sentIds.get(random.nextInt(sentIds.size())));
            GeneratedDocument again = roll < 0.08 ? changedResend(earlier) : identicalResend(earlier);
            latest.put(again.documentId(), again);
            return again;
        }
        DocumentKind kind = pick(new DocumentKind[] {
                DocumentKind.ARABIC_RSS, DocumentKind.ARABIC_RSS, DocumentKind.ARABIC_RSS, DocumentKind.ARABIC_RSS,
                DocumentKind.ENGLISH_ATOM, DocumentKind.ENGLISH_ATOM, DocumentKind.ENGLISH_ATOM,
                DocumentKind.ENGLISH_JSON_FEED, DocumentKind.ENGLISH_JSON_FEED,
                DocumentKind.ARABIC_PAGE, DocumentKind.ARABIC_PAGE, DocumentKind.ARABIC_PAGE,
                DocumentKind.ARABIC_TEXT, DocumentKind.ARABIC_TEXT, DocumentKind.ARABIC_TEXT_MISLABELLED,
                DocumentKind.FRENCH_NINJS});
        String documentId = runId + "-doc-" + serial;
        GeneratedDocument document = good(documentId, kind, serial, 0, Resend.NO);
        sentIds.add(documentId);
        latest.put(documentId, document);
        return document;
    }

    private GeneratedDocument identicalResend(GeneratedDocument earlier) {
        ParsedDocument parsed = parse(earlier.documentId(), earlier.contentType(), earlier.payload());
        return new GeneratedDocument(serial, earlier.documentId(), earlier.kind(), Resend.IDENTICAL,
                earlier.contentType(), earlier.payload(), versions(parsed), rejectedItems(parsed));
    }

    private GeneratedDocument changedResend(GeneratedDocument earlier) {
        int variation = variations.merge(earlier.documentId(), 1, Integer::sum);
        long story = Long.parseLong(earlier.documentId().substring(earlier.documentId().lastIndexOf('-') + 1));
        return good(earlier.documentId(), earlier.kind(), story, variation, Resend.CHANGED);
    }

    private GeneratedDocument good(String documentId, DocumentKind kind, long story, int variation, Resend resend) {
        Template template = templates.get(kind);
        String text = template.text();
        for (String id : template.ids()) {
            text = text.replace(id, unique(id, story));
        }
        Random sentences = new Random(story * 31 + variation);
        for (String lead : template.leads()) {
            String sentence = template.sentences().get(sentences.nextInt(template.sentences().size()))
                    .formatted(story * 10 + variation);
            text = text.replace(lead, sentence + " " + lead);
        }
        if (kind == DocumentKind.ARABIC_RSS && story % 5 == 0) {
            text = text.replace("</channel>", "  <item><link>https://akhbar.example/empty-" + runId + "-" + story
                    + "</link></item>\n</channel>");
        }
        Charset charset = kind == DocumentKind.ARABIC_TEXT_MISLABELLED ? Charset.forName("windows-1256")
                : StandardCharsets.UTF_8;
        byte[] payload = text.getBytes(charset);
        String contentType = kind.contentType();
        ParsedDocument parsed = parse(documentId, contentType, payload);
        return new GeneratedDocument(serial, documentId, kind, resend, contentType, payload, versions(parsed),
                rejectedItems(parsed));
    }

    private static List<Integer> rejectedItems(ParsedDocument parsed) {
        return parsed.rejectedItems().stream().map(ItemRejection::itemIndex).toList();
    }

    private String unique(String id, long story) {
        String suffix = "-" + runId + "-" + story;
        return id.endsWith("/") ? id.substring(0, id.length() - 1) + suffix + "/" : id + suffix;
    }

    /** Ingest's versioning replayed: a changed story is the next version, an unchanged one emits nothing. */
    private List<ExpectedArticle> versions(ParsedDocument parsed) {
        List<ExpectedArticle> expected = new ArrayList<>();
        for (Article article : parsed.articles()) {
            LastVersion last = versions.get(article.getId());
            if (last != null && last.contentHash().equals(article.getContentHash())) {
                continue;
            }
            int version = last == null ? 1 : last.version() + 1;
            versions.put(article.getId(), new LastVersion(version, article.getContentHash()));
            expected.add(new ExpectedArticle(article.getId(), version, article.getContentHash(),
                    article.getLineage().getItemIndex()));
        }
        return expected;
    }

    private ParsedDocument parse(String documentId, String contentType, byte[] payload) {
        Lineage lineage = Lineage.newBuilder().setRawTopic("generator").setRawPartition(0).setRawOffset(0)
                .setDocumentId(documentId).setItemIndex(0).setFormat("").setIngestedAt(Instant.EPOCH).build();
        try {
            return parser.parse(new RawInput(documentId, SOURCE, contentType, null, null, Map.of(), payload,
                    Instant.EPOCH, null), lineage);
        } catch (RejectedDocumentException e) {
            throw new IllegalStateException("A document meant to be good is rejected by ingest's parser: "
                    + e.getMessage(), e);
        }
    }

    private GeneratedDocument poison() {
        String documentId = runId + "-bad-" + serial;
        poisonCount++;
        DocumentKind kind = oversizedEvery > 0 && (poisonCount - 1) % oversizedEvery == 0 ? DocumentKind.OVERSIZED
                : pick(new DocumentKind[] {DocumentKind.MALFORMED_XML, DocumentKind.UNDECODABLE_CHARSET,
                        DocumentKind.DOCTYPE_BOMB, DocumentKind.RANDOM_BYTES, DocumentKind.UNKNOWN_SCHEMA_ID});
        byte[] payload = switch (kind) {
            case MALFORMED_XML -> {
                String rss = templates.get(DocumentKind.ARABIC_RSS).text().replace("?p=48213", "?p=" + serial);
                yield rss.substring(0, rss.length() * 3 / 5).getBytes(StandardCharsets.UTF_8);
            }
            case UNDECODABLE_CHARSET -> {
                byte[] bytes = seedText.replace('“', '"').replace('”', '"').getBytes(Charset.forName("windows-1256"));
                for (int i = (int) (serial % 7); i < bytes.length; i += 7) {
                    bytes[i] = (byte) (0x01 + i % 8);
                }
                yield bytes;
            }
            case DOCTYPE_BOMB -> billionLaughs(serial).getBytes(StandardCharsets.UTF_8);
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[200 + random.nextInt(4000)];
                random.nextBytes(bytes);
                bytes[0] = (byte) (1 + random.nextInt(126));
                yield bytes;
            }
            case UNKNOWN_SCHEMA_ID -> ("A story under a schema id no registry issued, number " + serial)
                    .getBytes(StandardCharsets.UTF_8);
            case OVERSIZED -> null;
            default -> throw new IllegalStateException("not a bad input: " + kind);
        };
        return new GeneratedDocument(serial, documentId, kind, Resend.NO, kind.contentType(), payload, List.of(),
                List.of());
    }

    /** The 20 MB payload of an {@link DocumentKind#OVERSIZED} document, made only when it is sent. */
    public static byte[] oversizedPayload(long serial) {
        String paragraph = "<p>" + "An oversized page that no newsroom would ever send, number " + serial + ". " + "</p>\n";
        StringBuilder page = new StringBuilder(OVERSIZED_BYTES + 1024).append("<html><body><article>");
        while (page.length() < OVERSIZED_BYTES) {
            page.append(paragraph);
        }
        return page.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A schema id no registry has issued, for {@link DocumentKind#UNKNOWN_SCHEMA_ID}. */
    public static int unknownSchemaId(long serial) {
        return UNKNOWN_SCHEMA_ID_BASE + (int) (serial % 1_000_000);
    }

    private static String billionLaughs(long serial) {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n<!ENTITY lol \"lol" + serial
                + "\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">\n");
        }
        return bomb.append("]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol9;</title></feed>").toString();
    }

    private DocumentKind pick(DocumentKind[] weighted) {
        return weighted[random.nextInt(weighted.length)];
    }
}
