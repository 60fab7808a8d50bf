package dev.newsroom.ingest.parse.body;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cleaner's shortcut for absolute URLs writes what jsoup's own resolution would have written. */
class UrlResolutionTest {

    private static final List<String> BASES = List.of("", "not a url", "https://news.example/a/b/c.html?q=1#top",
            "http://Example.COM:8080/x/", "file:/tmp/feed.xml");

    private static final List<String> URLS = List.of(
            "https://news.example/2026/12/story.html", "http://news.example", "https://news.example?x=1",
            "https://news.example#f", "https://news.example/a?b=c&d=%20e#frag", "https://news.example/#", "https://xn--mgbh0fb.example/",
            "HTTPS://news.example/a", "Http://news.example/a", "https://user@news.example/a", "https://news.example:443/a",
            "https://news.example:/a", "https://[::1]/a", "https://news.example/./a", "https://news.example/a/../b",
            "https://news.example/a/..", "https://news.example/a/.", "https://news.example/a b", "https://news.example/a\tb",
            "https://news.example/a\\b", "https://news.example/\u0627\u0644", "https://n\u00e9ws.example/", "https://", "http:///a",
            "https:news.example/a", "//news.example/a", "/a/b", "a/b", "?q=1", "#top", "../a", "mailto:desk@news.example",
            "javascript:alert(1)", "data:image/png;base64,AAAA", "", " https://news.example/a", "https://news.example/a ",
            "https://news.example/a?x=/./y", "https://news.example/a#/../b", "https://news.example/a?x=y#z?w");

    @Test
    void aUrlTakenAsItIsIsOneJsoupWouldLeaveUnchanged() {
        for (String url : URLS) {
            if (HtmlSafety.resolvesToItself(url)) {
                for (String base : BASES) {
                    assertThat(StringUtil.resolve(base, url)).as("%s against %s", url, base).isEqualTo(url);
                }
            }
        }
    }

    @Test
    void commonAbsoluteUrlsTakeTheShortcutAndOthersDoNot() {
        assertThat(HtmlSafety.resolvesToItself("https://news.example/2026/12/story.html?utm=rss#c")).isTrue();
        assertThat(HtmlSafety.resolvesToItself("http://news.example")).isTrue();
        assertThat(HtmlSafety.resolvesToItself("/2026/12/story.html")).isFalse();
        assertThat(HtmlSafety.resolvesToItself("HTTPS://news.example/a")).isFalse();
        assertThat(HtmlSafety.resolvesToItself("https://user@news.example/a")).isFalse();
        assertThat(HtmlSafety.resolvesToItself("https://news.example/a/../b")).isFalse();
        assertThat(HtmlSafety.resolvesToItself("mailto:desk@news.example")).isFalse();
    }

    @Test
    void randomUrlsTakingTheShortcutResolveToThemselves() {
        Random random = new Random(14);
        String alphabet = "aZ09.-/?#:@%&=+;,!$'()*~_[]\\ \t\u00e9\u0627";
        int shortcuts = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
            // A host mostly of host characters, then anything: most candidates get past the host.
            int hostLength = random.nextInt(6);
            for (int i = 0; i < hostLength; i++) {
                url.append(alphabet.charAt(random.nextInt(random.nextInt(8) == 0 ? alphabet.length() : 5)));
            }
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = url.toString();
            if (HtmlSafety.resolvesToItself(candidate)) {
                shortcuts++;
                for (String base : BASES) {
                    assertThat(StringUtil.resolve(base, candidate)).as("%s against %s", candidate, base).isEqualTo(candidate);
                }
            }
        }
        assertThat(shortcuts).isGreaterThan(2_000);
    }

    @Test
    void sanitizeWritesWhatJsoupsCleanerWrites() {
        StringBuilder html = new StringBuilder();
        for (String url : URLS) {
            String attribute = url.replace("&", "&amp;").replace("\"", "&quot;");
            html.append("<p><a href=\"").append(attribute).append("\" title=\"t\" onclick=\"x()\">link</a>")
                    .append("<img src=\"").append(attribute).append("\" alt=\"a\">")
                    .append("<q cite=\"").append(attribute).append("\">q</q></p>")
                    .append("<blockquote cite=\"").append(attribute).append("\">b</blockquote>");
        }
        for (String base : BASES) {
            Document expectedDirty = Jsoup.parseBodyFragment(html.toString(), base);
            String expected = new Cleaner(HtmlSafety.safelist()).clean(expectedDirty).body().html();
            Element root = Jsoup.parseBodyFragment(html.toString(), base).body();
            assertThat(HtmlSafety.sanitize(root, base).html()).as(base).isEqualTo(expected);
        }
    }
}
