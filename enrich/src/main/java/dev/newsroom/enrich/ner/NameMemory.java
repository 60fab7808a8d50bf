package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Segment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a training corpus annotated, with how often each phrase was a name of each type and how often it
 * occurred at all: a model feature (a phrase that was a person's name last time probably is again), not a rule,
 * since the same letters are a name in one sentence and a word in the next (عادل, the name and "just").
 */
final class NameMemory {
    private static final int TYPES = 4;

    /** Per folded phrase: occurrences as a name of each type, then occurrences in all. */
    private final Map<String, int[]> phrases = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    private int maxTokens = 1;

    static NameMemory of(List<String[]> foldedSentences, List<int[]> labels) {
        NameMemory memory = new NameMemory();
        for (int s = 0; s < foldedSentences.size(); s++) {
            for (int[] span : NerTraining.goldSpans(labels.get(s))) {
                memory.add(join(foldedSentences.get(s), span[0], span[1]), span[2], span[1] - span[0]);
            }
        }
        for (String[] words : foldedSentences) {
            for (int i = 0; i < words.length; i++) {
                StringBuilder phrase = new StringBuilder();
                for (int j = i; j < words.length && j - i < memory.maxTokens; j++) {
                    if (j > i) {
                        phrase.append(' ');
                    }
                    phrase.append(words[j]);
                    String key = phrase.toString();
                    int[] counts = memory.phrases.get(key);
                    if (counts != null) {
                        counts[TYPES]++;
                    }
                    if (!memory.prefixes.contains(key)) {
                        break;
                    }
                }
            }
        }
        return memory;
    }

    private void add(String phrase, int type, int tokens) {
        phrases.computeIfAbsent(phrase, p -> new int[TYPES + 1])[type]++;
        maxTokens = Math.max(maxTokens, tokens);
        int space = phrase.indexOf(' ');
        while (space > 0) {
            prefixes.add(phrase.substring(0, space));
            space = phrase.indexOf(' ', space + 1);
        }
    }

    /**
     * Per segment, a small number for the longest remembered phrase covering it: its majority type, where in the
     * phrase the segment is (first or not), and whether the phrase was a name at least half the times it occurred.
     * 0 where nothing was remembered.
     */
    int[] labels(List<Segment> segments) {
        int n = segments.size();
        int[] out = new int[n];
        int i = 0;
        while (i < n) {
            int bestEnd = -1;
            int[] best = null;
            StringBuilder phrase = null;
            String key = null;
            for (int j = i; j < n && j - i < maxTokens; j++) {
                if (j == i) {
                    key = segments.get(j).folded();
                } else {
                    if (phrase == null) {
                        phrase = new StringBuilder(key);
                    }
                    phrase.append(' ').append(segments.get(j).folded());
                    key = phrase.toString();
                }
                int[] counts = phrases.get(key);
                if (counts != null) {
                    bestEnd = j + 1;
                    best = counts;
                }
                if (!prefixes.contains(key)) {
                    break;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            int type = 0;
            int named = 0;
            for (int t = 0; t < TYPES; t++) {
                named += best[t];
                if (best[t] > best[type]) {
                    type = t;
                }
            }
            int reliable = 2 * named >= best[TYPES] ? 1 : 0;
            for (int k = i; k < bestEnd; k++) {
                out[k] = 1 + type * 4 + (k == i ? 0 : 2) + reliable;
            }
            i = bestEnd;
        }
        return out;
    }

    private static String join(String[] words, int from, int to) {
        return String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(phrases.size());
        for (Map.Entry<String, int[]> e : phrases.entrySet()) {
            out.writeUTF(e.getKey());
            for (int c : e.getValue()) {
                out.writeInt(c);
            }
        }
    }

    static NameMemory read(DataInputStream in) throws IOException {
        NameMemory memory = new NameMemory();
        int count = in.readInt();
        for (int p = 0; p < count; p++) {
            String phrase = in.readUTF();
            int[] counts = new int[TYPES + 1];
            for (int t = 0; t <= TYPES; t++) {
                counts[t] = in.readInt();
            }
            memory.phrases.put(phrase, counts);
            int tokens = 1;
            int space = phrase.indexOf(' ');
            while (space > 0) {
                memory.prefixes.add(phrase.substring(0, space));
                space = phrase.indexOf(' ', space + 1);
                tokens++;
            }
            memory.maxTokens = Math.max(memory.maxTokens, tokens);
        }
        return memory;
    }
}
