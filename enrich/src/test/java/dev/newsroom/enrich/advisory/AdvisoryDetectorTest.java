package dev.newsroom.enrich.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.topics.Stemming;
import dev.newsroom.schemas.AdvisoryKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How phrases of the lexicon match where they overlap, on a lexicon made to show it. */
class AdvisoryDetectorTest {

    private static final String LEXICON = String.join("\n",
            "NONE\tnone\tcease fire",
            "VIOLENCE\tstrong\tfire on",
            "DEATH\tsure\tbody was found|found dead|charred remains",
            "GRAPHIC\tstrong\tfound charred");

    private final AdvisoryDetector detector = detector();

    private static AdvisoryDetector detector() {
        AdvisoryDetector detector = new AdvisoryDetector();
        detector.load("en", new ByteArrayInputStream(LEXICON.getBytes(StandardCharsets.UTF_8)));
        return detector;
    }

    private Map<AdvisoryKind, Evidence> evidence(String text) {
        StemmedText words = StemmedText.of(ArabicSegmenter.unsplit(Tokenizer.tokenize(text)), Stemming.words("en"), 1.0);
        return detector.evidence("en", List.of(words));
    }

    @Test
    void aPhraseThatBeginsInsideAnotherAndRunsPastItCountsForItsOwnKind() {
        Map<AdvisoryKind, Evidence> evidence = evidence("The body was found charred in a car.");

        assertThat(evidence.get(AdvisoryKind.DEATH).words()).containsExactly("body was found");
        assertThat(evidence.get(AdvisoryKind.GRAPHIC).words()).containsExactly("found charred");
    }

    @Test
    void aPhraseThatRunsPastOneOfItsOwnKindDoesNotCountItAgain() {
        Map<AdvisoryKind, Evidence> evidence = evidence("The body was found dead in a field.");

        assertThat(evidence.get(AdvisoryKind.DEATH).words()).containsExactly("body was found");
    }

    @Test
    void aKindCountsAgainOncePastItsOwnLastPhraseThoughInsideAnotherKinds() {
        Map<AdvisoryKind, Evidence> evidence = evidence("The body was found charred remains were taken away.");

        assertThat(evidence.get(AdvisoryKind.DEATH).words()).containsExactly("body was found", "charred remains");
        assertThat(evidence.get(AdvisoryKind.GRAPHIC).words()).containsExactly("found charred");
    }

    @Test
    void nothingThatBeginsInsideANeutralPhraseCounts() {
        Map<AdvisoryKind, Evidence> evidence = evidence("Both sides agreed to cease fire on the border at midnight.");

        assertThat(evidence.get(AdvisoryKind.VIOLENCE)).isNull();
    }
}
