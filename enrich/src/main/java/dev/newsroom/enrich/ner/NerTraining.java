package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.Folding;
import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Trains the sequence model on BIO sentences with the same gazetteer and triggers the tagger uses. */
public final class NerTraining {
    private static final int JACKKNIFE = 5;

    /**
     * The size of a model: hashed feature space ({@code bits}), rows kept and passes over the data. English is
     * trained on about twice the tokens of the Arabic model and its case-sensitive features add more distinct
     * values, so it gets a wider space. Twelve passes instead of eight gave the Arabic cross-validation 0.725 against
     * 0.723; on the English development split eight stayed better (0.798 against 0.793).
     */
    public enum Size {
        ARABIC(18, SequenceModel.ARABIC_ROWS, 12),
        ENGLISH(20, 131071, 8);

        final int bits;
        final int maxRows;
        final int epochs;

        Size(int bits, int maxRows, int epochs) {
            this.bits = bits;
            this.maxRows = maxRows;
            this.epochs = epochs;
        }
    }

    private NerTraining() {
    }

    /**
     * Trains on {@code sentences}. The name memory each training sentence sees is built from the other parts of the
     * training data only (jackknifed), as a sentence to be tagged later will see one built without it; otherwise the
     * model would learn that a remembered name is always a name.
     */
    public static SequenceModel train(List<ConllCorpus.Sentence> sentences, NamedEntityTagger featureSource,
                                      long seed, Size size) {
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
        return new PerceptronTrainer(size.bits, size.maxRows, size.epochs, seed).train(examples,
                NameMemory.of(folded, labels));
    }

    /**
     * The sentences with the title taken out of each person's span in Latin script ("President [Bush]",
     * "Mr. [Abbas]", "Prime Minister [Ehud Olmert]"; {@link Triggers#afterTitle}): the Groningen Meaning Bank puts
     * titles inside person names, this project's names leave them out, so the English model learns, and is scored
     * on, names without them. A span that is all title is left as it is. Other sentences are unchanged.
     */
    public static List<ConllCorpus.Sentence> withoutTitles(List<ConllCorpus.Sentence> sentences, Triggers triggers) {
        List<ConllCorpus.Sentence> out = new ArrayList<>(sentences.size());
        int person = Labels.typeIndex(dev.newsroom.schemas.EntityType.PERSON);
        for (ConllCorpus.Sentence s : sentences) {
            int[] labels = s.labels().clone();
            String[] tokens = s.tokens();
            for (int[] span : goldSpans(labels)) {
                if (span[2] != person || span[1] - span[0] < 2 || !latin(s.tokens()[span[0]])) {
                    continue;
                }
                int from = triggers.afterTitle(i -> Folding.fold(tokens[i]), span[0], span[1]);
                if (from > span[0] && from < span[1]) {
                    Arrays.fill(labels, span[0], from, Labels.O);
                    labels[from] = Labels.begin(person);
                }
            }
            out.add(new ConllCorpus.Sentence(s.tokens(), labels));
        }
        return out;
    }

    private static boolean latin(String token) {
        return Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.LATIN;
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
