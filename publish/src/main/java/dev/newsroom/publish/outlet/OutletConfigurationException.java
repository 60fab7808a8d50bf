package dev.newsroom.publish.outlet;

import dev.newsroom.platform.config.ConfigurationException;

/**
 * A bad outlet setting. It names the outlet and the field, so the operator knows exactly what to fix; being a
 * {@link ConfigurationException}, it stops the service at start.
 */
public final class OutletConfigurationException extends ConfigurationException {

    private final String outlet;
    private final String field;

    public OutletConfigurationException(String outlet, String field, String problem) {
        super("outlet '" + outlet + "' field '" + field + "'", problem);
        this.outlet = outlet;
        this.field = field;
    }

    public String outlet() {
        return outlet;
    }

    public String field() {
        return field;
    }
}
