package dev.newsroom.ops.operate;

import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import java.util.List;
import java.util.Locale;

/** The pipeline's services as operators name them, with the topics each consumes as a Kafka Streams application. */
public enum PipelineService {
    INGEST(Stage.INGEST, List.of(TopicId.RAW)),
    ENRICH(Stage.ENRICH, List.of(TopicId.ARTICLES)),
    PUBLISH(Stage.PUBLISH, List.of(TopicId.ENRICHED, TopicId.MODERATION_COMMANDS));

    private final Stage stage;
    private final List<TopicId> inputs;

    PipelineService(Stage stage, List<TopicId> inputs) {
        this.stage = stage;
        this.inputs = inputs;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Stage stage() {
        return stage;
    }

    public List<TopicId> inputs() {
        return inputs;
    }
}
