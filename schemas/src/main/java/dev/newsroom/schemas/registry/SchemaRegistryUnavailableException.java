package dev.newsroom.schemas.registry;

import java.util.List;
import org.apache.kafka.common.errors.RetriableException;

/**
 * No registry URL gave a usable answer within the retry budget: connections refused or timed
 * out, or only HTTP 408/429/5xx came back.
 *
 * <p>It is a {@link RetriableException} so that every layer above, Kafka's own included, treats
 * it as "try again later" and never as a bad record: a consumer must not dead-letter a perfectly
 * good record just because the registry was restarting.
 */
public class SchemaRegistryUnavailableException extends RetriableException {

    private final List<String> urls;
    private final int attempts;

    public SchemaRegistryUnavailableException(String message, List<String> urls, int attempts, Throwable cause) {
        super(message, cause);
        this.urls = List.copyOf(urls);
        this.attempts = attempts;
    }

    /** Every base URL that was tried (credentials removed). */
    public List<String> urls() {
        return urls;
    }

    /** HTTP requests made before giving up. */
    public int attempts() {
        return attempts;
    }
}
