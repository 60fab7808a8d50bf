package dev.newsroom.publish.outlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.platform.config.ConfigurationException;
import dev.newsroom.schemas.AdvisoryKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutletFileTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OTHER_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aFullFileReadsIntoOutletsOfEachKindWithDefaults() throws Exception {
        Path yaml = file("outlets.yaml", """
                outlets:
                  - name: site-ar
                    kind: webhook
                    url: https://akhbar.example/hooks/newsroom
                    filters:
                      languages: [ar]
                      sections:
                        - medtop:16000000
                        - {section: sport, minRelevance: 60}
                      sources: [akhbar.example]
                    advisories:
                      hold: [graphic, VIOLENCE]
                  - name: wire-en
                    kind: kafka
                  - name: feed-ar
                    kind: feed
                    title: أخبار
                    link: https://akhbar.example/
                    items: 30
                    directory: /var/www/feeds
                """);

        Outlets outlets = OutletFile.read(yaml, Map.of("NEWSROOM_OUTLET_SITE_AR_SECRET", SECRET));

        WebhookOutlet site = outlets.webhooks().get(0);
        assertThat(site.url()).hasToString("https://akhbar.example/hooks/newsroom");
        assertThat(site.secrets()).hasSize(1);
        assertThat(site.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(site.retries().delays()).hasSize(8).startsWith(Duration.ofSeconds(5)).endsWith(Duration.ofHours(6));
        assertThat(site.filter().languages()).containsExactly("ar");
        assertThat(site.filter().sections()).containsExactly(new OutletFilter.SectionRule("medtop:16000000", 0),
                new OutletFilter.SectionRule("sport", 60));
        assertThat(site.advisories().hold()).containsExactlyInAnyOrder(AdvisoryKind.GRAPHIC, AdvisoryKind.VIOLENCE);
        assertThat(outlets.kafka().get(0).topic()).isEqualTo("newsroom.outlet.wire-en.v1");
        FeedOutlet feed = outlets.feeds().get(0);
        assertThat(feed.title()).isEqualTo("أخبار");
        assertThat(feed.items()).isEqualTo(30);
        assertThat(feed.language()).as("no language and no single-language filter").isNull();
        assertThat(feed.directory()).isEqualTo(Path.of("/var/www/feeds"));
        assertThat(outlets.all()).extracting(Outlet::name).containsExactly("site-ar", "wire-en", "feed-ar");
    }

    @Test
    void theEnvironmentOverridesTheFileAndCarriesRotatingSecrets() throws Exception {
        Path json = file("outlets.json", """
                {"outlets": [{"name": "site-ar", "kind": "webhook", "url": "https://old.example/hook"},
                             {"name": "quiet", "kind": "kafka"}]}
                """);

        Outlets outlets = OutletFile.read(json, Map.of(
                "NEWSROOM_OUTLET_SITE_AR_URL", "https://new.example/hook",
                "NEWSROOM_OUTLET_SITE_AR_SECRETS", SECRET + " " + OTHER_SECRET,
                "NEWSROOM_OUTLET_SITE_AR_RETRY_SCHEDULE", "1s, 2s,4s",
                "NEWSROOM_OUTLET_QUIET_ENABLED", "false"));

        WebhookOutlet site = outlets.webhooks().get(0);
        assertThat(site.url()).hasToString("https://new.example/hook");
        assertThat(site.secrets()).hasSize(2);
        assertThat(site.retries().delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        assertThat(outlets.all()).extracting(Outlet::name).as("disabled from the environment").containsExactly("site-ar");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing url           | {name: a, kind: webhook}                                      | a | url           | is required
            url not http          | {name: a, kind: webhook, url: 'ftp://x.example/'}             | a | url           | absolute http or https URL
            unknown kind          | {name: a, kind: email}                                        | a | kind          | kafka, webhook or feed
            bad name              | {name: 'a b', kind: kafka}                                    | #1 | name         | letters, digits
            setting of other kind | {name: a, kind: kafka, url: 'https://x.example/'}             | a | url           | not a setting of a kafka outlet
            typo                  | {name: a, kind: kafka, topik: x}                              | a | topik         | not a setting
            secret in the file    | {name: a, kind: webhook, url: 'https://x.example/', secret: s} | a | secret       | does not belong in the file
            bad topic             | {name: a, kind: kafka, topic: 'a/b'}                          | a | topic         | Kafka topic name
            bad advisory          | {name: a, kind: kafka, advisories: {hold: [gore]}}            | a | advisories.hold | 'gore' is not an advisory kind
            bad relevance         | {name: a, kind: kafka, filters: {sections: [{section: x, minRelevance: 150}]}} | a | filters.sections.minRelevance | between 0 and 100
            bad language          | {name: a, kind: kafka, filters: {languages: [arabic1]}}       | a | filters.languages | BCP 47
            unknown filter        | {name: a, kind: kafka, filters: {topics: [x]}}                | a | filters.topics | not a filter
            bad format            | {name: a, kind: kafka, format: rss}                           | a | format        | ninjs-2.2
            feed without link     | {name: a, kind: feed}                                         | a | link          | is required
            too many items        | {name: a, kind: feed, link: 'https://x.example/', items: 0}   | a | items         | between 1 and 1000
            bad schedule          | {name: a, kind: webhook, url: 'https://x.example/', retrySchedule: [5s, soon]} | a | retrySchedule | 'soon' is not a duration
            bad timeout           | {name: a, kind: webhook, url: 'https://x.example/', timeout: 0s} | a | timeout   | must be positive
            """)
    void aBadOutletStopsTheStartNamingTheOutletAndTheField(String what, String outlet, String name, String field,
                                                           String problem) throws Exception {
        Path yaml = file("outlets.yaml", "outlets:\n  - " + outlet + "\n");

        assertThatThrownBy(() -> OutletFile.read(yaml, Map.of("NEWSROOM_OUTLET_A_SECRET", SECRET)))
                .as(what)
                .isInstanceOfSatisfying(OutletConfigurationException.class, e -> {
                    assertThat(e.outlet()).isEqualTo(name);
                    assertThat(e.field()).isEqualTo(field);
                })
                .hasMessageContaining("outlet '" + name + "' field '" + field + "'")
                .hasMessageContaining(problem)
                .hasMessageContaining(yaml.toString());
    }

    @Test
    void aWebhookWithoutASecretOrWithABadOneIsRefusedWithoutEchoingIt() throws Exception {
        Path yaml = file("outlets.yaml", "outlets:\n  - {name: site, kind: webhook, url: 'https://x.example/'}\n");

        assertThatThrownBy(() -> OutletFile.read(yaml, Map.of()))
                .hasMessageContaining("outlet 'site' field 'secret'")
                .hasMessageContaining("NEWSROOM_OUTLET_SITE_SECRET");
        assertThatThrownBy(() -> OutletFile.read(yaml, Map.of("NEWSROOM_OUTLET_SITE_SECRETS", SECRET + ",whsec_c2hvcnQ=")))
                .hasMessageContaining("outlet 'site' field 'secrets'")
                .hasMessageContaining("entry 2")
                .hasMessageContaining("decodes to 5 bytes")
                .hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void namesMustBeUniqueAlsoAsEnvironmentVariables() throws Exception {
        Path twice = file("twice.yaml", "outlets:\n  - {name: a, kind: kafka}\n  - {name: a, kind: kafka}\n");
        Path clash = file("clash.yaml", "outlets:\n  - {name: site-ar, kind: kafka}\n  - {name: site_ar, kind: kafka}\n");

        assertThatThrownBy(() -> OutletFile.read(twice, Map.of())).hasMessageContaining("outlet 'a' field 'name'")
                .hasMessageContaining("more than one outlet");
        assertThatThrownBy(() -> OutletFile.read(clash, Map.of())).hasMessageContaining("outlet 'site_ar' field 'name'")
                .hasMessageContaining("same environment variables as outlet 'site-ar'");
    }

    @Test
    void anOutletMayHaveItsOwnAdvisoryNoticesPerLanguageAndKind() throws Exception {
        Path yaml = file("outlets.yaml", """
                outlets:
                  - name: site-ar
                    kind: kafka
                    advisories:
                      hold: [graphic]
                      notices:
                        ar: {violence: "تحذير: مشاهد عنف"}
                        de: {death: "Hinweis: Todesfälle"}
                """);

        AdvisoryPolicy policy = OutletFile.read(yaml, Map.of()).all().iterator().next().advisories();

        assertThat(policy.notices().text(AdvisoryKind.VIOLENCE, "ar")).isEqualTo("تحذير: مشاهد عنف");
        assertThat(policy.notices().text(AdvisoryKind.DEATH, "ar")).isEqualTo("تنبيه: يتضمن هذا الخبر حديثًا عن وفيات.");
        assertThat(policy.notices().text(AdvisoryKind.DEATH, "de-AT")).isEqualTo("Hinweis: Todesfälle");
        assertThat(policy.notices().customised()).isTrue();
        Path bad = file("bad.yaml", "outlets:\n  - {name: s, kind: kafka, advisories: {notices: {ar: {gore: x}}}}\n");
        assertThatThrownBy(() -> OutletFile.read(bad, Map.of()))
                .hasMessageContaining("outlet 's' field 'advisories.notices.ar.gore'")
                .hasMessageContaining("not an advisory kind");
    }

    @Test
    void aKafkaOutletMayNotWriteIntoThePipelinesTopics() throws Exception {
        Path yaml = file("outlets.yaml", "outlets:\n  - {name: loop, kind: kafka, topic: newsroom.enriched.v1}\n");

        assertThatThrownBy(() -> OutletFile.read(yaml, Map.of()).requireOwnTopics(List.of("newsroom.enriched.v1")))
                .hasMessageContaining("outlet 'loop' field 'topic'").hasMessageContaining("pipeline's own topics");
    }

    @Test
    void aFileThatIsNotYamlOrHasNoOutletListNamesTheFile() throws Exception {
        Path broken = file("broken.yaml", "outlets: [ {name: a\n");
        Path flat = file("flat.yaml", "name: a\nkind: kafka\n");

        assertThatThrownBy(() -> OutletFile.read(broken, Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("newsroom.publish.outlets.file").hasMessageContaining(broken.toString());
        assertThatThrownBy(() -> OutletFile.read(flat, Map.of())).hasMessageContaining("a list under 'outlets'");
    }

    @Test
    void filtersMatchLanguagePrefixesSectionsByCodeOrNameAboveTheirRelevanceAndSources() {
        OutletFilter filter = new OutletFilter(List.of("ar"), List.of(new OutletFilter.SectionRule("Sport", 50)),
                List.of("akhbar.example"));
        ArticleFacts egyptianSport = new ArticleFacts("ar-EG", "akhbar.example",
                List.of(new ArticleFacts.Section("medtop:15000000", "sport", 70)));

        assertThat(filter.matches(egyptianSport)).isTrue();
        assertThat(filter.matches(new ArticleFacts("en", "akhbar.example", egyptianSport.sections()))).isFalse();
        assertThat(filter.matches(new ArticleFacts("ar", "other.example", egyptianSport.sections()))).isFalse();
        assertThat(filter.matches(new ArticleFacts("ar", "akhbar.example",
                List.of(new ArticleFacts.Section("medtop:15000000", "sport", 40))))).isFalse();
        assertThat(OutletFilter.EVERYTHING.matches(new ArticleFacts("und", "x", List.of()))).isTrue();
        assertThat(new AdvisoryPolicy(Set.of(AdvisoryKind.GRAPHIC)).holds(List.of(AdvisoryKind.DEATH))).isFalse();
        assertThat(new AdvisoryPolicy(Set.of(AdvisoryKind.GRAPHIC)).holds(List.of(AdvisoryKind.GRAPHIC))).isTrue();
    }
}
