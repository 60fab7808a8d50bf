package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsoleServerTest {

    @Test
    void withoutUsersOnlyLoopbackAddressesAreServedAndWithUsersAnyIs() {
        assertThat(ConsoleServer.checkBinding("127.0.0.1", null)).isTrue();
        assertThat(ConsoleServer.checkBinding("::1", null)).isTrue();
        assertThat(ConsoleServer.checkBinding("localhost", null)).isTrue();
        assertThatThrownBy(() -> ConsoleServer.checkBinding("0.0.0.0", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only with logins")
                .hasMessageContaining("--users");
        Users users = Users.parse(java.util.List.of("layla:editor:" + PasswordHash.hash("pw".toCharArray())), "u");
        assertThat(ConsoleServer.checkBinding("0.0.0.0", users)).isFalse();
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
