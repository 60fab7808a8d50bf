package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded random inputs: random bytes, truncated samples and mutated samples. The parser must return or throw
 * {@link RejectedDocumentException}, nothing else, and never hang (the timeout is only a hang guard). The bulk run
 * feeds thousands of mutated feeds and pages (bytes flipped, cut, spliced with markup, declared in the wrong charset,
 * nested thousands deep, attributes of up to a megabyte) and requires an outcome for every one that is not
 * a defect: articles, item rejections or a document rejection with its reason, never {@code PARSER_FAILURE}.
 */
class FuzzTest {

    private static final long SEED = 0x6E657773L;
    private static final String[][] SAMPLES = {{Fixtures.SEED, "text/plain"}, {"page-ar-palmyra.html", "text/html"},
            {"feed-ar.rss", "application/rss+xml"}, {"feed-en.atom", "application/atom+xml"}, {"feed.json", "application/feed+json"},
            {"wire-ninjs.json", "application/json"}};
    private static final String[] CONTENT_TYPES = {null, "text/html", "text/plain", "application/rss+xml", "application/json",
            "application/xml; charset=utf-8", "text/html; charset=windows-1256"};

    static Stream<Arguments> inputs() {
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[random.nextInt(2048)];
            random.nextBytes(bytes);
            cases.add(Arguments.of("random-" + i, CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], bytes));
        }
        for (String[] sample : SAMPLES) {
            byte[] full = Fixtures.sample(sample[0]);
            for (int i = 0; i < 8; i++) {
                cases.add(Arguments.of("truncated-" + sample[0] + "-" + i, sample[1], Arrays.copyOf(full, random.nextInt(full.length))));
            }
            for (int i = 0; i < 12; i++) {
                cases.add(Arguments.of("mutated-" + sample[0] + "-" + i, sample[1], mutate(full, random)));
            }
        }
        return cases.stream();
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(30);
        String[] splices = {"<", ">", "&", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "]]>", "{", "}", "\"", "\u0000", "<script>", "</item>",
                "<item>", "&#xFFFF;", "\uD800"};
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] splice = splices[random.nextInt(splices.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    byte[] grown = new byte[bytes.length + splice.length];
                    System.arraycopy(bytes, 0, grown, 0, at);
                    System.arraycopy(splice, 0, grown, at, splice.length);
                    System.arraycopy(bytes, at, grown, at + splice.length, bytes.length - at);
                    bytes = grown;
                }
                default -> {
                    int length = Math.min(random.nextInt(64), bytes.length - at);
                    byte[] shrunk = new byte[bytes.length - length];
                    System.arraycopy(bytes, 0, shrunk, 0, at);
                    System.arraycopy(bytes, at + length, shrunk, at, bytes.length - at - length);
                    bytes = shrunk.length == 0 ? bytes : shrunk;
                }
            }
        }
        return bytes;
    }

    private static final String[] EXTRA_FEEDS = {
            "<rss><item><title>Channel-less</title><description>A body of text for the item in the feed.</description></item></rss>",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><item rdf:about="
                    + "\"https://news.example/a\"><title>RDF</title><description>Text &amp; more text.</description></item></rdf:RDF>",
            "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><title mode=\"base64\">SGVsbG8=</title><content "
                    + "type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Body <b>x</b></p></div>"
                    + "</content><issued>2004-01-01</issued></entry></feed>"};
    private static final String[] DECLARED_CHARSETS = {"utf-8", "windows-1256", "shift_jis", "utf-16", "iso-8859-1", "koi8-r",
            "gb18030", "no-such-charset", "utf-32"};

    @Test
    void thousandsOfMutatedFeedsAndPagesEachGetAnOutcomeThatIsNotADefect() {
        Random random = new Random(SEED + 1);
        List<byte[]> seeds = new ArrayList<>();
        List<String> seedTypes = new ArrayList<>();
        for (String[] sample : SAMPLES) {
            seeds.add(Fixtures.sample(sample[0]));
            seedTypes.add(sample[1]);
        }
        for (String feed : EXTRA_FEEDS) {
            seeds.add(feed.getBytes(StandardCharsets.UTF_8));
            seedTypes.add("application/xml");
        }
        List<String> defects = new ArrayList<>();
        int outcomes = 0;
        for (int i = 0; i < 3000; i++) {
            int pick = random.nextInt(seeds.size());
            byte[] seed = seeds.get(pick);
            String contentType = seedTypes.get(pick);
            byte[] payload = switch (i % 6) {
                case 0 -> mutate(seed, random);
                case 1 -> Arrays.copyOf(seed, random.nextInt(seed.length));
                case 2 -> flipBytes(seed, random);
                case 3 -> {
                    contentType = contentType + "; charset=" + DECLARED_CHARSETS[random.nextInt(DECLARED_CHARSETS.length)];
                    yield mutate(seed, random);
                }
                case 4 -> deeplyNested(random);
                default -> hugeAttribute(seed, random);
            };
            String name = "fuzz-" + i;
            try {
                ParsedDocument document = Fixtures.parse(Fixtures.input(name, contentType, null, payload));
                for (ItemRejection rejection : document.rejectedItems()) {
                    if (rejection.reason().contains("ingest failed")) {
                        defects.add(name + ": " + rejection.reason());
                    }
                }
                outcomes++;
            } catch (RejectedDocumentException e) {
                if (e.reason() == RejectedDocumentException.Reason.PARSER_FAILURE || !e.getMessage().startsWith("Document '" + name + "'")) {
                    defects.add(name + ": " + e.reason() + ": " + e.getMessage());
                }
                outcomes++;
            }
        }
        assertThat(outcomes).isEqualTo(3000);
        assertThat(defects).as("documents or items that hit a defect in ingest").isEmpty();
    }

    private static byte[] flipBytes(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int flips = 1 + random.nextInt(Math.max(1, bytes.length / 50));
        for (int f = 0; f < flips; f++) {
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
        }
        return bytes;
    }

    /** Markup nested far deeper than any reader should recurse: XML elements, HTML in a feed item, a page's divs. */
    private static byte[] deeplyNested(Random random) {
        int depth = 300 + random.nextInt(700);
        String text = switch (random.nextInt(3)) {
            case 0 -> "<rss><channel><item><title>Deep</title>" + "<x>".repeat(depth) + "</item></channel></rss>";
            case 1 -> "<rss><channel><item><title>Deep</title><description><![CDATA[" + "<div><p>".repeat(depth)
                    + "Text in the depths of the item body." + "]]></description></item></channel></rss>";
            default -> "<html><body><article>" + "<div><span>".repeat(depth) + "A paragraph of prose deep inside a page, "
                    + "long enough to count as the article's text if it is found at all by the extractor." + "</article></body></html>";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hugeAttribute(byte[] seed, Random random) {
        String text = new String(seed, StandardCharsets.UTF_8);
        int tag = text.indexOf('<', random.nextInt(Math.max(1, text.length() / 2)));
        int nameEnd = tag < 0 ? -1 : text.indexOf(' ', tag);
        int close = tag < 0 ? -1 : text.indexOf('>', tag);
        String attribute = " data-huge=\"" + "x".repeat(1 << (10 + random.nextInt(11))) + "\"";
        if (tag < 0 || close < 0) {
            return (text + attribute).getBytes(StandardCharsets.UTF_8);
        }
        int at = nameEnd > 0 && nameEnd < close ? nameEnd : close;
        return (text.substring(0, at) + attribute + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void returnsOrRejectsAndNeverHangs(String name, String contentType, byte[] payload) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                ParsedDocument document = Fixtures.parse(Fixtures.input(name, contentType, null, payload));
                document.articles().forEach(article -> {
                    assertThat(article.getId()).isNotBlank();
                    assertThat(article.getContentHash()).hasSize(64);
                });
            } catch (RejectedDocumentException e) {
                assertThat(e.reason()).isNotNull();
                assertThat(e.getMessage()).startsWith("Document '" + name + "'");
            }
        });
    }
}
