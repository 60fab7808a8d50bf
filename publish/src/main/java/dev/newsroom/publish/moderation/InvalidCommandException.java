package dev.newsroom.publish.moderation;

/** A moderation command that can never be carried out; it goes to the dead-letter topic with this message. */
public final class InvalidCommandException extends IllegalArgumentException {

    public InvalidCommandException(String message) {
        super(message);
    }
}
