package dev.newsroom.ingest.parse.charset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample a page is judged on: its text between the tags, cut at the sample's length wherever that falls. */
class TextPlausibilityTest {

    private static final String WORDS = "word ".repeat(TextPlausibility.SAMPLE_CHARS / 4);

    @Test
    void aPagesTextIsSampledUpToTheLimitAndNoFurther() {
        // "<p>" is kept as one space, so the sample ends right before the control characters, or takes both.
        String past = "<p>" + WORDS.substring(0, TextPlausibility.SAMPLE_CHARS - 1) + "\u0001\u0001</p>";
        String within = "<p>" + WORDS.substring(0, TextPlausibility.SAMPLE_CHARS - 3) + "\u0001\u0001</p>";
        assertThat(TextPlausibility.of(past).junk()).isZero();
        assertThat(TextPlausibility.of(within).junk()).isEqualTo(2);
    }

    @Test
    void textAcrossTagsAndScriptsIsSampledAsOneRun() {
        String page = "<html><script>\u0001\u0001</script><b>a\u0001</b>b<!-- \u0001 -->c\u0001<i>d</i>";
        assertThat(TextPlausibility.of(page).junk()).isEqualTo(2);
    }
}
