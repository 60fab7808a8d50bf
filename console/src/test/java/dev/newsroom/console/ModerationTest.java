package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The console's commands are the command line's: checked the same way before anything is sent. */
class ModerationTest {

    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

    /** Nothing here reaches Kafka: commands are built and checked, never sent. */
    private final Moderation moderation = new Moderation(new Console(KafkaClients.of(CommandLine.populateCommand(
            new ConnectionOptions(), "--bootstrap-servers", "127.0.0.1:1", "--schema-registry-url",
            "http://127.0.0.1:1")), service -> "newsroom-" + service.label(), "http://127.0.0.1:1",
            "http://127.0.0.1:1"));

    @Test
    void aKillCarriesItsReasonAndWhoIssuedIt() {
        ModerationCommand kill = moderation.command("console:layla", "cli:56e8", "kill", "Legal", null, null, null, NOW);

        assertThat(kill.getAction()).isEqualTo(ModerationAction.KILL);
        assertThat(kill.getArticleId()).isEqualTo("cli:56e8");
        assertThat(kill.getReason()).isEqualTo("Legal");
        assertThat(kill.getIssuedBy()).startsWith("console:");
        assertThat(kill.getIssuedAt()).isEqualTo(NOW);
        assertThat(kill.getCommandId()).isNotBlank();
    }

    @Test
    void anAdvisoryCarriesItsKindAndAnEmbargoItsEnd() {
        assertThat(moderation.command("console:layla", "a", "advisory", "Graphic images", null, null, "graphic", NOW).getAdvisory()
                .getKind()).isEqualTo(AdvisoryKind.GRAPHIC);
        assertThat(moderation.command("console:layla", "a", "embargo", null, null, "2099-01-01T09:00", null, NOW).getUntil())
                .isEqualTo(Instant.parse("2099-01-01T09:00:00Z"));
    }

    @Test
    void whatPublishWouldRefuseIsRefusedBeforeSending() {
        assertThatThrownBy(() -> moderation.command("console:layla", "a", "correct", null, null, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correction note");
        assertThatThrownBy(() -> moderation.command("console:layla", "a", "embargo", null, null, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("until");
        assertThatThrownBy(() -> moderation.command("console:layla", "a", "embargo", null, null, "2020-01-01", null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the future");
        assertThatThrownBy(() -> moderation.command("console:layla", "a", "advisory", null, null, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("advisory kind");
        assertThatThrownBy(() -> moderation.command("console:layla", "a", "cancel", null, null, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Choose an action");
        assertThatThrownBy(() -> moderation.command("console:layla", "a", "embargo", null, null, "soon", null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Until");
    }
}
