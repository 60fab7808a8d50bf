package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void arabicWordsMatchWithOrWithoutHarakatHamzaAndTatweel() {
        assertThat(SearchText.fold("هُجُوم تَدْمُر")).isEqualTo(SearchText.fold("هجوم تدمر"));
        assertThat(SearchText.fold("الإقليمية")).isEqualTo(SearchText.fold("الاقليمية"));
        assertThat(SearchText.fold("أمريكي")).isEqualTo("امريكي");
        assertThat(SearchText.fold("مكافحـــة")).isEqualTo(SearchText.fold("مكافحه"));
        assertThat(SearchText.fold("على")).isEqualTo(SearchText.fold("علي"));
    }

    @Test
    void latinWordsAreCaseAndCompatibilityFolded() {
        assertThat(SearchText.fold("PALMYRA")).isEqualTo("palmyra");
        assertThat(SearchText.fold("ﬁnance")).isEqualTo("finance");
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsInAnyScript() {
        assertThat(SearchText.words("U.S. soldiers killed near Palmyra, Syria (2025)"))
                .containsExactly("u", "s", "soldiers", "killed", "near", "palmyra", "syria", "2025");
        assertThat(SearchText.words("هجوم تدمر: تفاصيل الحادثة")).containsExactly("هجوم", "تدمر", "تفاصيل", "الحادثه");
        assertThat(SearchText.words(null)).isEmpty();
    }
}
