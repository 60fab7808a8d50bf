package dev.newsroom.ingest.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void arabicLettersAreKeptAsWrittenInOutput() {
        String text = "اقرأ أيضاً إلى مؤتمر";
        assertThat(TextNormalizer.normalize(text)).isEqualTo(text);
    }

    @Test
    void zwnjStaysInsidePersianWordsAndGoesElsewhere() {
        assertThat(TextNormalizer.normalize("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        assertThat(TextNormalizer.normalize("\u200Cسلام \u200C دنیا\u200C")).isEqualTo("سلام دنیا");
    }

    @Test
    void whitespaceAndBidiJunkCollapse() {
        assertThat(TextNormalizer.normalize("  a\u00A0\u2009b\t\n c \u200E\u202Ad\u202C\uFEFFe  ")).isEqualTo("a b c de");
        assertThat(TextNormalizer.normalizeKeepingLines(" line one \r\n  line\u00A0two \n\n")).isEqualTo("line one\nline two");
    }

    @Test
    void decomposedLettersBecomeNfc() {
        assertThat(TextNormalizer.normalize("e\u0301te\u0301")).isEqualTo("été");
    }

    @Test
    void matchKeyFoldsOnlyForComparison() {
        assertThat(TextNormalizer.matchKey("اقرأ أيضاً:")).isEqualTo(TextNormalizer.matchKey("اقرا ايضا"));
        assertThat(TextNormalizer.matchKey("Read More »")).isEqualTo("read more");
        assertThat(TextNormalizer.matchKey("L’article")).isEqualTo("l'article");
    }
}
