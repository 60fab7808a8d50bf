package dev.newsroom.publish.state;

import static dev.newsroom.publish.fixtures.Articles.arabic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.publish.fixtures.Articles;
import dev.newsroom.publish.moderation.EditorCommand;
import dev.newsroom.publish.state.StoredContent.StoredAdvisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.Pubstatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class ArticleStateSerdeTest {

    private final JsonSerde<ArticleState> serde = new JsonSerde<>(ArticleState.class);

    private ArticleState roundTrip(ArticleState state) {
        return serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", state));
    }

    @Test
    void everythingTheStateMachineNeedsSurvivesTheChangelog() {
        ArticleState state = new ArticleState();
        state.content(StoredContent.of(arabic("akhbar.example:palmyra")));
        state.published(3, Pubstatus.withheld, "abc", List.of("site", "wire"), Instant.parse("2026-11-28T10:00:00Z"));
        state.hold("legal review");
        state.embargo(Instant.parse("2026-11-28T18:00:00Z"));
        state.addAdvisory(new StoredAdvisory(AdvisoryKind.GRAPHIC, "صور صادمة", "sara", false, null));
        state.correct("صُحّح عدد الضحايا");
        state.remember("cmd-1");
        state.addPending(EditorCommand.of(Articles.advisory("akhbar.example:palmyra", AdvisoryKind.VIOLENCE, "عنف")));

        ArticleState read = roundTrip(state);

        assertThat(read.content()).isEqualTo(state.content());
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.pubstatus()).isEqualTo(Pubstatus.withheld);
        assertThat(read.contentHash()).isEqualTo("abc");
        assertThat(read.firstPublishedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(read.held()).isTrue();
        assertThat(read.holdReason()).isEqualTo("legal review");
        assertThat(read.embargoUntil()).isEqualTo(Instant.parse("2026-11-28T18:00:00Z"));
        assertThat(read.advisories()).isEqualTo(state.advisories()).hasSize(1);
        assertThat(read.correctionNote()).isEqualTo("صُحّح عدد الضحايا");
        assertThat(read.seen("cmd-1")).isTrue();
        assertThat(read.takePending()).isEqualTo(state.takePending()).hasSize(1);
        assertThat(new String(serde.serializer().serialize("changelog", state), StandardCharsets.UTF_8))
                .as("no Avro internals leak into the stored JSON").doesNotContain("schema");
    }

    @Test
    void onlyTheLatestCommandIdsAreRememberedAndFieldsFromANewerReleaseAreIgnored() {
        ArticleState state = new ArticleState();
        IntStream.range(0, ArticleState.REMEMBERED_COMMANDS + 10).forEach(i -> state.remember("cmd-" + i));

        ArticleState read = roundTrip(state);
        assertThat(read.seen("cmd-0")).isFalse();
        assertThat(read.seen("cmd-" + (ArticleState.REMEMBERED_COMMANDS + 9))).isTrue();

        byte[] newer = "{\"version\":2,\"somethingNew\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8);
        assertThat(serde.deserializer().deserialize("changelog", newer).version()).isEqualTo(2);
    }

    @Test
    void embargoKeysSortByTimeAsBytes() {
        Bytes early = new EmbargoKey(Instant.parse("2026-11-28T10:00:00Z"), "zzz").toBytes();
        Bytes late = new EmbargoKey(Instant.parse("2026-11-28T10:00:01Z"), "aaa").toBytes();

        assertThat(early.compareTo(late)).isNegative();
        assertThat(EmbargoKey.of(late)).isEqualTo(new EmbargoKey(Instant.parse("2026-11-28T10:00:01Z"), "aaa"));
    }
}
