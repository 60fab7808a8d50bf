package dev.newsroom.ingest.poller;

/** A URL the {@link AddressGuard} will not let the poller request; the message says which rule it broke. */
public final class AddressRefusedException extends Exception {

    public AddressRefusedException(String message) {
        super(message);
    }
}
