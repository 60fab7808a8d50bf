package dev.newsroom.ops.stack;

import dev.newsroom.enrich.service.EnrichApplication;
import dev.newsroom.ingest.service.IngestApplication;
import dev.newsroom.platform.streams.StreamsApplication;
import dev.newsroom.publish.service.PublishApplication;
import java.util.List;
import java.util.Locale;

/** The pipeline's services, by the names operators use. */
public enum Services {
    INGEST, ENRICH, PUBLISH;

    public StreamsApplication application() {
        return switch (this) {
            case INGEST -> new IngestApplication();
            case ENRICH -> new EnrichApplication();
            case PUBLISH -> new PublishApplication();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<Services> all() {
        return List.of(values());
    }
}
