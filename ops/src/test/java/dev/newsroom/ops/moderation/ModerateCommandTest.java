package dev.newsroom.ops.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ModerateCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static ModerationCommand build(String... args) {
        ModerateCommand moderate = new ModerateCommand();
        new CommandLine(moderate).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return moderate.command(CLOCK);
    }

    @Test
    void aKillCarriesItsReasonWhoIssuedItAndTheGivenCommandId() {
        ModerationCommand kill = build("kill", "akhbar.example:palmyra", "--reason", "Legal: wrong casualty figures",
                "--by", "editor@akhbar.example", "--command-id", "cmd-7f3a");

        assertThat(kill.getAction()).isEqualTo(ModerationAction.KILL);
        assertThat(kill.getArticleId()).isEqualTo("akhbar.example:palmyra");
        assertThat(kill.getReason()).isEqualTo("Legal: wrong casualty figures");
        assertThat(kill.getIssuedBy()).isEqualTo("editor@akhbar.example");
        assertThat(kill.getCommandId()).isEqualTo("cmd-7f3a");
        assertThat(kill.getIssuedAt()).isEqualTo(NOW);
    }

    @Test
    void aNinjsUriIsSentAsTheArticleIdItStandsForRememberingTheNameUsed() {
        ModerationCommand hold = build("hold", "urn:newsroom:article:cli%3A56e8c0fa", "--before-arrival");

        assertThat(hold.getArticleId()).isEqualTo("cli:56e8c0fa");
        assertThat(hold.getNamedAs()).isEqualTo("urn:newsroom:article:cli%3A56e8c0fa");
        assertThat(hold.getBeforeArrival()).isTrue();
        assertThat(build("hold", "https://akhbar.example/a/").getArticleId()).isEqualTo("https://akhbar.example/a/");
        assertThat(build("hold", "https://akhbar.example/a/").getBeforeArrival()).isFalse();
    }

    @Test
    void everyCommandGetsAFreshIdUnlessOneIsGiven() {
        assertThat(build("hold", "a").getCommandId()).isNotEqualTo(build("hold", "a").getCommandId());
    }

    @Test
    void anEmbargoEndsAtAnAbsoluteOrRelativeTime() {
        assertThat(build("embargo", "a", "--until", "2026-11-28T18:00:00Z").getUntil())
                .isEqualTo(Instant.parse("2026-11-28T18:00:00Z"));
        assertThat(build("embargo", "a", "--until", "2026-11-28T20:00+02:00").getUntil())
                .isEqualTo(Instant.parse("2026-11-28T18:00:00Z"));
        assertThat(build("embargo", "a", "--until", "+2h").getUntil()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(build("embargo", "a", "--until", "+30m").getUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void correctionsAndAdvisoriesCarryTheirText() {
        assertThat(build("correct", "a", "--note", "صُحّح عدد الضحايا").getNote()).isEqualTo("صُحّح عدد الضحايا");
        ModerationCommand advisory = build("advisory", "a", "--kind", "graphic", "--reason", "صور صادمة", "--by", "sara");
        assertThat(advisory.getAdvisory().getKind()).isEqualTo(AdvisoryKind.GRAPHIC);
        assertThat(advisory.getAdvisory().getReason()).isEqualTo("صور صادمة");
        assertThat(advisory.getAdvisory().getSource()).isEqualTo("sara");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            embargo without until  | embargo a                        | EMBARGO without 'until' (--until)
            embargo in the past    | embargo a --until 2020-01-01T00:00:00Z | is not in the future
            unreadable time        | embargo a --until tomorrow       | is not a time such as
            correct without note   | correct a                        | CORRECT without a correction note (--note)
            advisory without kind  | advisory a --reason x            | ADVISORY without an advisory kind (--kind)
            no article             | hold                             | hold needs ARTICLE
            unknown action         | publish a                        | Invalid value for positional parameter at index 0 (ACTION)
            """)
    void aCommandThePublishServiceWouldRefuseIsAUsageError(String what, String args, String message) {
        CommandLineRun run = CommandLineRun.of(("moderate " + args).split(" "));

        assertThat(run.exitCode()).as(what).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }
}
