package dev.newsroom.ops.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class TimeArgumentTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
            "2026-11-28T09:30:00Z, 2026-11-28T09:30:00Z",
            "2026-11-28T09:30:00.250Z, 2026-11-28T09:30:00.250Z",
            "2026-11-28T11:30:00+02:00, 2026-11-28T09:30:00Z",
            "2026-11-28T09:30, 2026-11-28T09:30:00Z",
            "2026-11-27, 2026-11-27T00:00:00Z",
            "now, 2026-11-28T12:00:00Z",
            "PT2H, 2026-11-28T10:00:00Z",
            "P1D, 2026-11-27T12:00:00Z",
            "2h, 2026-11-28T10:00:00Z",
            "90m, 2026-11-28T10:30:00Z",
            "1h30m, 2026-11-28T10:30:00Z",
            "7d, 2026-11-21T12:00:00Z",
            "45s, 2026-11-28T11:59:15Z"})
    void operatorsWriteTimesAsInstantsDatesOrHowLongAgo(String text, String expected) {
        assertThat(TimeArgument.parse(text, NOW)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2h ago", "28/11/2026", "PTX", "-PT2H"})
    void anythingElseIsRefusedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> TimeArgument.parse(text, NOW)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining(text);
    }
}
