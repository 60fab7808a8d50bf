package dev.newsroom.publish.moderation;

import dev.newsroom.schemas.PublishedArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Keeps the global alias index: every name of every published article (see {@link ArticleReference#aliases}),
 * mapped to the ids it names. It reads the published log, so every instance of the service can resolve any name,
 * whichever partition the article is on; the index is rebuilt from the log through this same processor.
 */
public final class AliasIndexer implements Processor<String, PublishedArticle, Void, Void> {

    private static final String SEPARATOR = "\n";

    private final String storeName;
    private KeyValueStore<String, String> index;

    public AliasIndexer(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        index = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, PublishedArticle> record) {
        PublishedArticle published = record.value();
        if (published == null) {
            return;
        }
        List<String> aliases = new ArrayList<>(published.getAliases());
        aliases.add(published.getArticleId());
        for (String alias : aliases) {
            List<String> ids = ids(index, alias);
            if (!ids.contains(published.getArticleId())) {
                List<String> more = new ArrayList<>(ids);
                more.add(published.getArticleId());
                index.put(alias, String.join(SEPARATOR, more));
            }
        }
    }

    /** The article ids an alias (in {@link ArticleReference#matchKey} form) names; empty when none. */
    public static List<String> ids(ReadOnlyKeyValueStore<String, String> index, String alias) {
        String value = index.get(alias);
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(SEPARATOR));
    }
}
