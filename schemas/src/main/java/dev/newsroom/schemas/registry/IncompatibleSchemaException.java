package dev.newsroom.schemas.registry;

/**
 * HTTP 409: the registry refused a schema because it breaks the subject's compatibility rule.
 * The message carries the registry's explanation, which names the offending fields.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {

    public IncompatibleSchemaException(String message, String url, int errorCode) {
        super(message, url, 409, errorCode);
    }
}
