package dev.newsroom.schemas.registry;

import org.apache.kafka.common.KafkaException;

/**
 * The registry answered, and the answer is a definitive "no": retrying the same request cannot
 * succeed (bad credentials, invalid schema, unexpected response...). Subclasses single out the
 * cases callers branch on.
 *
 * <p>Deliberately not a {@link org.apache.kafka.common.errors.SerializationException}: an
 * authentication failure or a misconfigured registry is a fault of the service, not of the
 * record being processed, so it must stop the service instead of sending records to a
 * dead-letter topic. The transient counterpart is {@link SchemaRegistryUnavailableException}.
 */
public class SchemaRegistryException extends KafkaException {

    /** Used when the response carried no Confluent {@code error_code}. */
    public static final int NO_ERROR_CODE = -1;

    private final String url;
    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, String url, int status, int errorCode) {
        super(message);
        this.url = url;
        this.status = status;
        this.errorCode = errorCode;
    }

    /** Base URL of the registry that answered (credentials removed). */
    public String url() {
        return url;
    }

    /** HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Confluent {@code error_code} from the response body, or {@link #NO_ERROR_CODE}. */
    public int errorCode() {
        return errorCode;
    }
}
