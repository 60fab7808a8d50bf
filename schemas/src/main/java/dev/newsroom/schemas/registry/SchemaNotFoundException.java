package dev.newsroom.schemas.registry;

/**
 * HTTP 404: the subject, version or schema id does not exist. {@link #errorCode()} tells which,
 * because a lookup without registering ({@link SchemaRegistryClient#idOf}) reports both "no such
 * subject" and "subject exists but not with this schema" as 404.
 */
public class SchemaNotFoundException extends SchemaRegistryException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;

    public SchemaNotFoundException(String message, String url, int errorCode) {
        super(message, url, 404, errorCode);
    }
}
