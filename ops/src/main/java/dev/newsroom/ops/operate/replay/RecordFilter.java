package dev.newsroom.ops.operate.replay;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Which records of a window a replay copies: all of them, or those with a given key, and, for the topics whose
 * values carry them, a given source or language. Source and language need the value decoded with the topic's
 * Avro type: RawDocument's source; Article's source and declared language; EnrichedArticle's source and detected
 * language.
 *
 * @param role the catalogue topic the window is on, when it is one (needed to decode values)
 */
public record RecordFilter(String key, String source, String language, TopicId role) {

    /** What a replay makes of one record of its range. */
    public enum Verdict {
        COPY,
        /** The filter does not match, or (reprocess) a later record of the same key supersedes it. */
        SKIP,
        /** Its timestamp is outside the window's times. */
        OUTSIDE,
        /** The filter needs its value, which does not decode. */
        UNDECODABLE
    }

    public static RecordFilter none() {
        return new RecordFilter(null, null, null, null);
    }

    public boolean decodesValues() {
        return source != null || language != null;
    }

    public boolean isEmpty() {
        return key == null && !decodesValues();
    }

    /**
     * Checks that the source and language filters apply to the topic, so a typo never silently copies nothing.
     *
     * @throws IllegalArgumentException naming the topic and what its values hold
     */
    public void validate(String topic) {
        if (!decodesValues()) {
            return;
        }
        String option = source != null ? "--source" : "--language";
        if (role == null) {
            throw new IllegalArgumentException(option + " needs the values decoded, but topic '" + topic
                    + "' is not one of the pipeline's topics; it applies to the raw, articles and enriched topics");
        }
        boolean applies = switch (role) {
            case RAW -> language == null;
            case ARTICLES, ENRICHED -> true;
            default -> false;
        };
        if (!applies) {
            String which = role == TopicId.RAW ? "--language" : option;
            throw new IllegalArgumentException(which + " does not apply to topic '" + topic + "': its values are "
                    + role.valueType().getSimpleName() + (role == TopicId.RAW
                    ? ", which have a source but no language" : ""));
        }
    }

    /** A predicate for this filter; it decodes values only when the source or language is asked for. */
    public Function<ConsumerRecord<byte[], byte[]>, Verdict> predicate(TopicCatalogue topics) {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        Deserializer<? extends SpecificRecord> values = decodesValues()
                ? topics.valueSerde(role.valueType()).deserializer() : null;
        return record -> {
            if (keyBytes != null && !Arrays.equals(keyBytes, record.key())) {
                return Verdict.SKIP;
            }
            if (values == null) {
                return Verdict.COPY;
            }
            SpecificRecord value;
            try {
                value = values.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                return Verdict.UNDECODABLE;
            }
            return matches(value) ? Verdict.COPY : Verdict.SKIP;
        };
    }

    private boolean matches(SpecificRecord value) {
        String itsSource;
        String itsLanguage;
        if (value instanceof RawDocument document) {
            itsSource = document.getSource();
            itsLanguage = null;
        } else if (value instanceof Article article) {
            itsSource = article.getSource();
            itsLanguage = article.getLanguage();
        } else if (value instanceof EnrichedArticle enriched) {
            itsSource = enriched.getArticle().getSource();
            itsLanguage = enriched.getLanguage().getCode();
        } else {
            return false;
        }
        return (source == null || source.equals(itsSource))
                && (language == null || sameLanguage(language, itsLanguage));
    }

    /** {@code ar} matches {@code ar} and {@code ar-EG}; case does not matter in language tags. */
    private static boolean sameLanguage(String wanted, String actual) {
        if (actual == null) {
            return false;
        }
        String want = wanted.toLowerCase(Locale.ROOT);
        String have = actual.toLowerCase(Locale.ROOT).replace('_', '-');
        return have.equals(want) || have.startsWith(want + "-");
    }
}
