package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.schemas.Article;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The parser keeps nothing between documents: a refused or recovered document changes nothing for the next one. */
class ParserStatelessnessTest {

    private static final String CUT_OFF = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</title>";
    private static final String ENTITY_FEED = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"boom\">]><rss version=\"2.0\">"
            + "<channel><item><title>&x;</title></item></channel></rss>";

    private static List<Article> parse(String name, String xml) {
        return Fixtures.PARSER.parse(RawInput.of(name, "test", "application/rss+xml", null, xml.getBytes(StandardCharsets.UTF_8)),
                Fixtures.lineage()).articles();
    }

    private static Reason rejection(String name, String xml) {
        return catchThrowableOfType(() -> parse(name, xml), RejectedDocumentException.class).reason();
    }

    @Test
    void aFeedParsesTheSameAfterMalformedAndUnsafeDocumentsOnTheSameThread() {
        String feed = Fixtures.sampleText("feed-ar.rss");
        List<Article> first = parse("a", feed);
        assertThat(rejection("b", CUT_OFF)).isEqualTo(Reason.MALFORMED);
        assertThat(rejection("c", ENTITY_FEED)).isEqualTo(Reason.UNSAFE_XML);
        assertThat(parse("a", feed)).isEqualTo(first);
        assertThat(rejection("c", ENTITY_FEED)).isEqualTo(Reason.UNSAFE_XML);
    }

    @Test
    void threadsParseConcurrentlyWithTheSameResult() throws Exception {
        String rss = Fixtures.sampleText("feed-ar.rss");
        String atom = Fixtures.sampleText("feed-en.atom");
        List<Article> expectedRss = parse("a", rss);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 4; task++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        if (!parse("a", rss).equals(expectedRss) || parse("e", atom).isEmpty()) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
