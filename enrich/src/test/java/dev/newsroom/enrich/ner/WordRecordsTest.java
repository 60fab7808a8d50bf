package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.text.WordFrequencies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tagger's word records must give exactly the labels and margins that decoding the full feature list gives: the
 * records are a way of adding up the same weights, not a different model.
 */
class WordRecordsTest {
    private static final String DATA = "/dev/newsroom/enrich/data/";
    private static FeatureExtractor extractor;
    private static SequenceModel arabic;
    private static SequenceModel english;

    @BeforeAll
    static void load() throws IOException {
        Triggers triggers = new Triggers();
        triggers.load(open("ner/triggers.tsv"));
        triggers.loadNameList(open("ner/given-names-ar.txt"));
        WordClusters clusters = WordClusters.create();
        clusters.load(open("ner/clusters-ar.tsv.gz"));
        clusters.load(open("ner/clusters-en.tsv.gz"));
        WordFrequencies frequencies = WordFrequencies.read(open("ner/ar-word-frequencies.tsv"), List.of(), 0);
        extractor = new FeatureExtractor(triggers, frequencies, clusters);
        arabic = SequenceModel.read(open("ner/ar-newsfane.model.gz"));
        english = SequenceModel.read(open("ner/en-gmb.model.gz"));
    }

    private static InputStream open(String path) {
        return WordRecordsTest.class.getResourceAsStream(DATA + path);
    }

    @Test
    void arabicNewswireIsLabelledExactlyAsTheFullFeatureListLabelsIt() throws IOException {
        assertSameDecoding(arabic, NamedEntityTagger.ARABIC_OUTSIDE_PENALTY,
                sentences(Path.of("..", "corpora", "newsfane-dev", "newsfane-dev.conll"), 600));
    }

    @Test
    void englishNewswireIsLabelledExactlyAsTheFullFeatureListLabelsIt() throws IOException {
        assertSameDecoding(english, 0f, sentences(Path.of("..", "corpora", "gmb", "gmb-test.conll"), 600));
    }

    @Test
    void recordsStayExactAfterTheTableIsEmptiedOnAStreamOfNewWords() {
        List<List<Segment>> sentences = new ArrayList<>();
        for (int s = 0; s < 1_200; s++) {
            List<Segment> sentence = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                String word = (w % 3 == 0 ? "Name" : "word") + (s * 10 + w);
                sentence.add(new Segment(w * 12, w * 12 + word.length(), word, word.toLowerCase(), Token.Kind.WORD,
                        false, false));
            }
            sentences.add(sentence);
        }
        assertSameDecoding(english, 0f, sentences);
    }

    private static List<List<Segment>> sentences(Path conll, int limit) throws IOException {
        List<List<Segment>> out = new ArrayList<>();
        for (ConllCorpus.Sentence sentence : ConllCorpus.read(conll)) {
            if (out.size() == limit) {
                break;
            }
            out.add(ArabicSegmenter.unsplit(Tokenizer.pretokenized(sentence.tokens())));
        }
        return out;
    }

    private static void assertSameDecoding(SequenceModel model, float penalty, List<List<Segment>> sentences) {
        WordRecords records = new WordRecords(model, extractor);
        Random random = new Random(7);
        int positions = 0;
        int named = 0;
        for (List<Segment> segments : sentences) {
            int n = segments.size();
            int[] gazetteer = labels(random, n, Labels.COUNT);
            int[] memory = labels(random, n, 13);
            if (random.nextInt(10) == 0) {
                memory[random.nextInt(n)] = 40;
            }
            FeatureExtractor.Context full = extractor.extract(segments, gazetteer, memory);
            int[] expected = new int[n];
            float[] expectedMargins = new float[n];
            Decoder.decode(model, full, penalty, expected, expectedMargins, new Decoder.Scratch());

            FeatureExtractor.Context c = new FeatureExtractor.Context(n);
            records.fill(c, segments, gazetteer, memory);
            int[] actual = new int[n];
            float[] actualMargins = new float[n];
            records.decode(c, penalty, actual, actualMargins, new Decoder.Scratch());

            assertThat(actual).as("labels of %s", segments).containsExactly(expected);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToIntBits(actualMargins[i])).as("margin %d of %s", i, segments)
                        .isEqualTo(Float.floatToIntBits(expectedMargins[i]));
                named += expected[i] == Labels.O ? 0 : 1;
            }
            positions += n;
        }
        assertThat(positions).isGreaterThan(5_000);
        assertThat(named).as("positions given a name label").isGreaterThan(200);
    }

    /**
     * Mostly no label, sometimes one below {@code bound}, as the gazetteer and name memory mark a sentence; now and
     * then a label too large for the tagger's memo of label scores, which must be scored all the same.
     */
    private static int[] labels(Random random, int n, int bound) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(4) == 0 ? random.nextInt(bound) : 0;
        }
        return labels;
    }
}
