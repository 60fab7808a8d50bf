package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsersTest {

    private static final String LAYLA = PasswordHash.hash("صباح الخير 2026".toCharArray());

    @Test
    void aPasswordIsStoredAsASaltedPbkdf2HashInThePhcFormat() {
        String again = PasswordHash.hash("صباح الخير 2026".toCharArray());

        assertThat(LAYLA).matches("\\$pbkdf2-sha256\\$i=600000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
                .isNotEqualTo(again).doesNotContain("صباح");
        assertThat(PasswordHash.matches("صباح الخير 2026".toCharArray(), LAYLA)).isTrue();
        assertThat(PasswordHash.matches("صباح الخير 2025".toCharArray(), LAYLA)).isFalse();
    }

    @Test
    void usersLogInWithTheirPasswordOnlyAndHaveTheirRole() {
        Users users = Users.parse(List.of("# the newsroom's console users", "", "layla:editor:" + LAYLA,
                "omar:viewer:" + LAYLA), "users.txt");

        assertThat(users.authenticate("layla", "صباح الخير 2026".toCharArray()))
                .contains(new User("layla", Role.EDITOR));
        assertThat(users.authenticate("omar", "صباح الخير 2026".toCharArray()))
                .contains(new User("omar", Role.VIEWER));
        assertThat(users.authenticate("layla", "wrong".toCharArray())).isEmpty();
        assertThat(users.authenticate("nobody", "صباح الخير 2026".toCharArray())).isEmpty();
    }

    @Test
    void aFileWithAPlainPasswordAnUnknownRoleOrATwiceListedNameDoesNotLoad() {
        assertThatThrownBy(() -> Users.parse(List.of("layla:editor:secret"), "users.txt"))
                .hasMessageContaining("users.txt line 1").hasMessageContaining("password hash");
        assertThatThrownBy(() -> Users.parse(List.of("layla:admin:" + LAYLA), "users.txt"))
                .hasMessageContaining("No role 'admin'");
        assertThatThrownBy(() -> Users.parse(List.of("layla:editor:" + LAYLA, "layla:viewer:" + LAYLA),
                "users.txt")).hasMessageContaining("line 2").hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Users.parse(List.of("# nobody"), "users.txt")).hasMessageContaining("no users");
    }

    @Test
    void eachRoleMayDoWhatTheRolesBeforeItMay() {
        assertThat(Role.VIEWER.allows(Role.EDITOR)).isFalse();
        assertThat(Role.EDITOR.allows(Role.EDITOR)).isTrue();
        assertThat(Role.EDITOR.allows(Role.OPERATOR)).isFalse();
        assertThat(Role.OPERATOR.allows(Role.EDITOR)).isTrue();
        assertThat(new User("layla", Role.EDITOR).issuedBy()).isEqualTo("console:layla");
    }
}
