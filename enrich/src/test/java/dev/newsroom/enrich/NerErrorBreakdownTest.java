package dev.newsroom.enrich;

import dev.newsroom.enrich.ner.ConllCorpus;
import dev.newsroom.enrich.ner.NamedEntityTagger.Source;
import dev.newsroom.enrich.ner.NamedEntityTagger.Span;
import dev.newsroom.schemas.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The error breakdown sorts each mistake into one kind, the way a reader of the tagger's output would. */
class NerErrorBreakdownTest {

    @Test
    void each_missing_gold_name_and_each_stray_prediction_is_counted_once_by_kind(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("mini.conll");
        Files.writeString(file, String.join("\n",
                "Prime\tO", "Minister\tO", "Ehud\tB-per", "Olmert\tI-per", "met\tO", "Norway\tB-org", "'s\tO",
                "Foreign\tB-org", "Ministry\tI-org", "in\tO", "Oslo\tB-geo", "on\tO", "Monday\tB-tim", "with\tO",
                "Reuters\tO", "and\tO", "Kadima\tB-org", ".\tO", ""));
        int[] gold = ConllCorpus.read(file).get(0).labels();
        List<Span> predicted = List.of(
                span(3, 4, EntityType.PERSON),
                span(5, 6, EntityType.PLACE),
                span(7, 9, EntityType.ORGANISATION),
                span(10, 11, EntityType.PLACE),
                span(12, 13, EntityType.PLACE),
                span(14, 15, EntityType.ORGANISATION));

        NerErrorBreakdown errors = new NerErrorBreakdown();
        errors.add(predicted, gold);

        assertThat(errors.counts()).isEqualTo(Map.of(
                "boundary PERSON", 1,
                "type ORGANISATION as PLACE", 1,
                "missed ORGANISATION", 1,
                "spurious ORGANISATION", 1));
    }

    private static Span span(int from, int to, EntityType type) {
        return new Span(from, to, type, null, 0.9, Source.MODEL);
    }
}
