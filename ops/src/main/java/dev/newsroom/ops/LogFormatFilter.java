package dev.newsroom.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;

/**
 * Lets a log appender through only when its format is the one chosen with {@code NEWSROOM_LOG_FORMAT} (text by
 * default), so one logback configuration serves both text and JSON logs without conditional configuration.
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {

    private static final String CHOSEN = System.getenv().getOrDefault("NEWSROOM_LOG_FORMAT", "text")
            .trim().toLowerCase(Locale.ROOT);

    private String format = "text";

    public void setFormat(String format) {
        this.format = format.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return format.equals(CHOSEN) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
