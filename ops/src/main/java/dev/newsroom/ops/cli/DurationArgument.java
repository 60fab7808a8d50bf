package dev.newsroom.ops.cli;

import dev.newsroom.platform.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration option in the grammar every setting uses ({@link Durations}): 10s, 500ms, 1h30m, PT30S. */
public final class DurationArgument implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
