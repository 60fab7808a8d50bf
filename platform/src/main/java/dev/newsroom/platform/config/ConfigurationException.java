package dev.newsroom.platform.config;

/** A setting that is missing or wrong; the message names the key so the operator knows what to fix. */
public class ConfigurationException extends RuntimeException {

    private final String key;

    public ConfigurationException(String key, String problem) {
        super("Configuration " + key + " " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
