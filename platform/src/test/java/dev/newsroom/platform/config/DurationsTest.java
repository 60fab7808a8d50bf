package dev.newsroom.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "30s, PT30S",
            "5m, PT5M",
            "5 m, PT5M",
            "1h30m, PT1H30M",
            "2D, PT48H",
            "1w, PT168H",
            "PT30S, PT30S",
            "pt2h, PT2H",
            "P1D, PT24H",
            "0s, PT0S"})
    void operatorsWriteDurationsWithAUnitOrInIso8601(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 minutes", "soon", "PTX", "-5s", "-PT5S", "1.5h", "5mm"})
    void anythingElseIsRefusedNamingTheTextAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration such as 500ms, 30s, 5m, 1h30m, 2d or PT30S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "PT0S"})
    void intervalsAndTimeoutsMustBeLongerThanZero(String text) {
        assertThatThrownBy(() -> Durations.parsePositive(text)).hasMessage("'" + text + "' must be longer than zero");
    }

    @ParameterizedTest
    @CsvSource({"PT10S, 10s", "PT1M30S, 1m30s", "PT0.25S, 250ms", "P2DT3H, 2d3h", "PT0S, 0s"})
    void messagesWriteDurationsInTheSameGrammar(String duration, String expected) {
        assertThat(Durations.describe(Duration.parse(duration))).isEqualTo(expected);
        assertThat(Durations.parse(expected)).isEqualTo(Duration.parse(duration));
    }
}
