package dev.newsroom.console;

/**
 * Someone using the console: a user of the users file, or, on a loopback console without one, whoever runs it
 * on this machine ({@link #local}).
 */
record User(String name, Role role) {

    /** The person running a console that has no users file: the machine's user, who may do everything. */
    static User local() {
        return new User("console:" + System.getProperty("user.name", "unknown"), Role.OPERATOR);
    }

    /** How moderation commands name their issuer, as {@code newsroom moderate} does: {@code console:<name>}. */
    String issuedBy() {
        return name.startsWith("console:") ? name : "console:" + name;
    }
}
