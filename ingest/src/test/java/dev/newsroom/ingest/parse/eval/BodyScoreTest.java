package dev.newsroom.ingest.parse.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BodyScoreTest {

    @Test
    void wordsAreLowerCasedWithoutPunctuation() {
        assertThat(BodyTokens.of("The cat, the CAT! «Café» 2,5 l’avion")).containsExactly("the", "cat", "the", "cat", "café", "2,5", "l’avion");
    }

    @Test
    void arabicCyrillicAndHangulCountWordByWord() {
        assertThat(BodyTokens.of("«اقرأ» أيضاً، موسكва")).containsExactly("اقرأ", "أيضاً", "موسكва");
        assertThat(BodyTokens.of("Москва — столица.")).containsExactly("москва", "столица");
        assertThat(BodyTokens.of("대통령이 말했다.")).containsExactly("대통령이", "말했다");
    }

    @Test
    void hanKanaAndThaiCountCharacterByCharacter() {
        assertThat(BodyTokens.of("北京市，今天。")).containsExactly("北", "京", "市", "今", "天");
        assertThat(BodyTokens.of("東京都で会見した")).containsExactly("東", "京", "都", "で", "会", "見", "し", "た");
        assertThat(BodyTokens.of("ภาษาไทย")).containsExactly("ภ", "า", "ษ", "า", "ไ", "ท", "ย");
    }

    @Test
    void scoresCountTokensAsABagWithMultiplicity() {
        BodyScore score = BodyScore.of("The cat, the cat! Sat.", "the CAT sat on the mat");
        assertThat(score.extractedTokens()).isEqualTo(5);
        assertThat(score.truthTokens()).isEqualTo(6);
        assertThat(score.precision()).isCloseTo(4 / 5.0, within(1e-9));
        assertThat(score.recall()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * 0.8 * (4 / 6.0) / (0.8 + 4 / 6.0), within(1e-9));
    }

    @Test
    void anEmptyExtractionScoresZeroAndAPerfectOneScoresOne() {
        assertThat(BodyScore.of("", "some truth").f1()).isZero();
        assertThat(BodyScore.of("中文 text", "中文 text").f1()).isEqualTo(1.0);
        assertThat(BodyScore.of("完全不同", "另一句话").f1()).isZero();
    }
}
