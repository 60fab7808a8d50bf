package dev.newsroom.publish.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleReferenceTest {

    @Test
    void aUrlMatchesWhateverItsHostsCaseTrailingDotPortSlashFragmentAndTrackingParameters() {
        String key = "web://akhbar.example/2026/11/28/palmyra?id=7";
        assertThat(ArticleReference.matchKey("https://akhbar.example/2026/11/28/palmyra?id=7")).isEqualTo(key);
        assertThat(ArticleReference.matchKey("http://Akhbar.Example.:80/2026/11/28/palmyra/?utm_source=x&id=7#top"))
                .isEqualTo(key);
        assertThat(ArticleReference.matchKey("https://akhbar.example:8443/a")).isEqualTo("web://akhbar.example:8443/a");
        assertThat(ArticleReference.matchKey("akhbar-7731")).isEqualTo("akhbar-7731");
    }
}
