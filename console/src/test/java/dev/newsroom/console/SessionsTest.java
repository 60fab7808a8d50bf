package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionsTest {

    @Test
    void theCookieIsHttpOnlySameSiteStrictAndSecureWhenThereAreLogins() {
        Sessions withLogins = new Sessions(true);
        Sessions.Session session = withLogins.open();

        assertThat(withLogins.cookie(session)).isEqualTo("newsroom_console=" + session.id()
                + "; Path=/; HttpOnly; SameSite=Strict; Secure");
        assertThat(new Sessions(false).cookie(session)).doesNotContain("Secure").contains("HttpOnly");
    }

    @Test
    void aLoginReplacesTheSessionAndItsTokenSoAPlantedSessionIsWorthNothing() {
        Sessions sessions = new Sessions(true);
        Sessions.Session before = sessions.open();

        Sessions.Session after = sessions.logIn(before, new User("layla", Role.EDITOR));

        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(after.csrf()).isNotEqualTo(before.csrf());
        assertThat(sessions.find("newsroom_console=" + before.id())).isEmpty();
        assertThat(sessions.find("theme=dark; newsroom_console=" + after.id())).contains(after);
        assertThat(after.csrfMatches(after.csrf())).isTrue();
        assertThat(after.csrfMatches(before.csrf())).isFalse();
        assertThat(after.csrfMatches(null)).isFalse();
    }

    @Test
    void aLoggedOutSessionIsGone() {
        Sessions sessions = new Sessions(true);
        Sessions.Session session = sessions.logIn(sessions.open(), new User("layla", Role.EDITOR));

        sessions.end(session);

        assertThat(sessions.find("newsroom_console=" + session.id())).isEmpty();
    }
}
