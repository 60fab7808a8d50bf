package dev.newsroom.platform.config;

/**
 * A configuration key a service understands: its default ({@code null} when it has none) and what it does. The
 * declared settings are what environment variables map onto, and what the README's configuration table lists.
 */
public record Setting(String key, String defaultValue, String description) {

    public String environmentVariable() {
        return ServiceConfig.environmentVariable(key);
    }
}
