package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsoleServerTest {

    @Test
    void onlyLoopbackAddressesAreServed() {
        ConsoleServer.requireLoopback("127.0.0.1");
        ConsoleServer.requireLoopback("::1");
        ConsoleServer.requireLoopback("localhost");
        assertThatThrownBy(() -> ConsoleServer.requireLoopback("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback addresses only");
    }

    @Test
    void requestsMustNameALoopbackHostSoThatDnsRebindingFindsNothing() {
        assertThat(ConsoleServer.loopbackHost("localhost:8090")).isTrue();
        assertThat(ConsoleServer.loopbackHost("127.0.0.1:8090")).isTrue();
        assertThat(ConsoleServer.loopbackHost("[::1]:8090")).isTrue();
        assertThat(ConsoleServer.loopbackHost("evil.example:8090")).isFalse();
        assertThat(ConsoleServer.loopbackHost("localhost.evil.example")).isFalse();
        assertThat(ConsoleServer.loopbackHost(null)).isFalse();
    }
}
