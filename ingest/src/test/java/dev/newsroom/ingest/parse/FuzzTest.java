package dev.newsroom.ingest.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded random inputs: random bytes, truncated samples and mutated samples. The parser must return or throw
 * {@link RejectedDocumentException}, nothing else, and never hang (the timeout is only a hang guard).
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
