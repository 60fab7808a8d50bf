package dev.newsroom.enrich;

import dev.newsroom.enrich.ner.ConllCorpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many names get a URI, and where: every sentence of a CoNLL file is tagged as one text (tokens joined by
 * spaces), and each mention with a URI is checked against the gold name spans. A link on no gold name is a false
 * positive of linking (a common word taken for a place, or a name linked where the annotators saw none).
 *
 * <pre>java -cp ... dev.newsroom.enrich.LinkingEvaluation corpora/gmb/gmb-test.conll en</pre>
 */
public final class LinkingEvaluation {
    private static final String[] TYPES = {"PERSON", "ORGANISATION", "PLACE", "MISC"};

    private LinkingEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Enricher enricher = Enricher.loadDefault();
        List<ConllCorpus.Sentence> sentences = ConllCorpus.read(Path.of(args[0]));
        String language = args.length > 1 ? args[1] : "ar";
        int[] gold = new int[TYPES.length];
        int[] goldLinked = new int[TYPES.length];
        int linked = 0;
        int onName = 0;
        Map<String, Integer> offName = new HashMap<>();
        for (ConllCorpus.Sentence s : sentences) {
            StringBuilder text = new StringBuilder();
            int[] starts = new int[s.tokens().length];
            int[] ends = new int[s.tokens().length];
            for (int i = 0; i < s.tokens().length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                starts[i] = text.codePointCount(0, text.length());
                text.append(s.tokens()[i]);
                ends[i] = text.codePointCount(0, text.length());
            }
            Map<Long, Integer> names = new HashMap<>();
            int[] labels = s.labels();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] % 2 == 1) {
                    int type = (labels[i] - 1) / 2;
                    int j = i + 1;
                    while (j < labels.length && labels[j] == labels[i] + 1) {
                        j++;
                    }
                    names.put(((long) starts[i] << 32) | ends[j - 1], type);
                    gold[type]++;
                }
            }
            Map<Long, Boolean> counted = new HashMap<>();
            for (TaggedMention m : enricher.tag(text.toString(), language).mentions()) {
                if (m.uri() == null) {
                    continue;
                }
                linked++;
                long key = ((long) m.start() << 32) | m.end();
                Integer type = names.get(key);
                if (type != null) {
                    onName++;
                    if (counted.put(key, true) == null) {
                        goldLinked[type]++;
                    }
                } else {
                    offName.merge(m.text() + " -> " + m.uri(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s (%s): %d sentences; %d mentions with a URI, %d on a gold name span, %d on none%n",
                args[0], language, sentences.size(), linked, onName, linked - onName);
        for (int t = 0; t < TYPES.length; t++) {
            System.out.printf("  %-13s gold names %5d, linked %5d (%.3f)%n", TYPES[t], gold[t], goldLinked[t],
                    gold[t] == 0 ? 0.0 : (double) goldLinked[t] / gold[t]);
        }
        System.out.println("  links on no gold name, most frequent first:");
        offName.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(Long.getLong("links.top", 25))
                .forEach(e -> System.out.printf("    %4d  %s%n", e.getValue(), e.getKey()));
    }
}
