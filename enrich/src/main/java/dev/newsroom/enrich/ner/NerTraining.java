package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/** Trains the sequence model on BIO sentences with the same gazetteer and triggers the tagger uses. */
public final class NerTraining {
    public static final int BITS = 18;
    private static final int JACKKNIFE = 5;
    public static final int EPOCHS = 8;

    private NerTraining() {
    }

    /**
     * Trains on {@code sentences}. The name memory each training sentence sees is built from the other parts of the
     * training data only (jackknifed), as a sentence to be tagged later will see one built without it; otherwise the
     * model would learn that a remembered name is always a name.
     */
    public static SequenceModel train(List<ConllCorpus.Sentence> sentences, NamedEntityTagger featureSource,
                                      long seed) {
        List<List<Segment>> segmented = new ArrayList<>(sentences.size());
        List<String[]> folded = new ArrayList<>(sentences.size());
        List<int[]> labels = new ArrayList<>(sentences.size());
        for (ConllCorpus.Sentence s : sentences) {
            List<Segment> segments = ArabicSegmenter.unsplit(Tokenizer.pretokenized(s.tokens()));
            segmented.add(segments);
            folded.add(segments.stream().map(Segment::folded).toArray(String[]::new));
            labels.add(s.labels());
        }
        List<PerceptronTrainer.Example> examples = new ArrayList<>(sentences.size());
        int n = sentences.size();
        for (int part = 0; part < JACKKNIFE; part++) {
            int from = n * part / JACKKNIFE;
            int to = n * (part + 1) / JACKKNIFE;
            List<String[]> otherText = new ArrayList<>(folded.subList(0, from));
            otherText.addAll(folded.subList(to, n));
            List<int[]> otherLabels = new ArrayList<>(labels.subList(0, from));
            otherLabels.addAll(labels.subList(to, n));
            NameMemory memory = NameMemory.of(otherText, otherLabels);
            for (int i = from; i < to; i++) {
                List<Segment> segments = segmented.get(i);
                examples.add(new PerceptronTrainer.Example(featureSource.context(segments, memory.labels(segments)),
                        labels.get(i)));
            }
        }
        return new PerceptronTrainer(BITS, EPOCHS, seed).train(examples, NameMemory.of(folded, labels));
    }

    /** Gold spans of a sentence as [from, to, type] triples (type: 0 person, 1 organisation, 2 place, 3 unscored). */
    public static List<int[]> goldSpans(int[] labels) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            if (labels[i] == Labels.O) {
                i++;
                continue;
            }
            int type = Labels.typeOf(labels[i]);
            int j = i + 1;
            while (j < labels.length && labels[j] == Labels.inside(type)) {
                j++;
            }
            spans.add(new int[] {i, j, type});
            i = j;
        }
        return spans;
    }

    public static int typeIndex(dev.newsroom.schemas.EntityType type) {
        return Labels.typeIndex(type);
    }
}
