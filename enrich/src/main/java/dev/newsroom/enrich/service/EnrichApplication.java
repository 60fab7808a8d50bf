package dev.newsroom.enrich.service;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.enrich.topology.EnrichTopology;
import dev.newsroom.enrich.topology.Enrichment;
import dev.newsroom.platform.streams.ServiceContext;
import dev.newsroom.platform.streams.StreamsApplication;
import dev.newsroom.schemas.Stage;
import java.util.function.Supplier;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich service: articles in, articles with entities, sections, language and advisories out. */
public final class EnrichApplication implements StreamsApplication {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichApplication.class);

    private final Supplier<Enrichment> enrichment;

    /** The service with the shipped enricher. */
    public EnrichApplication() {
        this(() -> Enrichment.of(Enricher.loadDefault()));
    }

    /** The service with another enrichment, loaded when the topology is built. */
    public EnrichApplication(Supplier<Enrichment> enrichment) {
        this.enrichment = enrichment;
    }

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public Stage stage() {
        return Stage.ENRICH;
    }

    @Override
    public int defaultManagementPort() {
        return 8092;
    }

    @Override
    public Topology topology(ServiceContext context) {
        long began = System.nanoTime();
        Enrichment loaded = enrichment.get();
        LOG.info("Enricher {} loaded in {} ms", loaded.version(), (System.nanoTime() - began) / 1_000_000);
        return EnrichTopology.build(context.topics(), loaded, context.meters(), context.clock());
    }
}
