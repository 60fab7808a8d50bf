package dev.newsroom.enrich.advisory;

import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.topics.Stemming;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Raises content warnings (violence, death, terrorism, graphic detail) from per-language trigger lexicons. A
 * kind fires when its triggers weigh at least {@value #THRESHOLD} (headline 3, lead 1.5, body 1), so a
 * single "attack" in a football report does not label it; the reason lists the words that fired so an editor
 * can judge.
 */
public final class AdvisoryDetector {
    private static final double THRESHOLD = 1.5;
    private static final int REASON_WORDS = 5;

    private final Map<String, Map<String, AdvisoryKind>> lexicons = new HashMap<>();
    private final Map<String, Integer> maxWords = new HashMap<>();
    private final Map<String, Set<String>> firstWords = new HashMap<>();

    public void load(String language, InputStream in) {
        UnaryOperator<String> stemmer = Stemming.forLanguage(language);
        Map<String, AdvisoryKind> lexicon = lexicons.computeIfAbsent(language, l -> new HashMap<>());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = line.split("\t");
                AdvisoryKind kind = AdvisoryKind.valueOf(f[0]);
                for (String term : f[1].split("\\|")) {
                    List<String> stems = stems(term, stemmer);
                    if (!stems.isEmpty()) {
                        lexicon.put(String.join(" ", stems), kind);
                        firstWords.computeIfAbsent(language, l -> new java.util.HashSet<>()).add(stems.get(0));
                        maxWords.merge(language, stems.size(), Math::max);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Advisory> detect(String language, List<StemmedText> texts) {
        Map<String, AdvisoryKind> lexicon = lexicons.get(language);
        if (lexicon == null) {
            return List.of();
        }
        int longest = maxWords.get(language);
        Set<String> starts = firstWords.get(language);
        Map<AdvisoryKind, Double> weight = new EnumMap<>(AdvisoryKind.class);
        Map<AdvisoryKind, Set<String>> words = new EnumMap<>(AdvisoryKind.class);
        for (StemmedText text : texts) {
            List<String> stems = text.stems();
            for (int i = 0; i < stems.size(); i++) {
                if (!starts.contains(stems.get(i))) {
                    continue;
                }
                StringBuilder phrase = new StringBuilder();
                for (int n = 0; n < longest && i + n < stems.size(); n++) {
                    if (n > 0) {
                        phrase.append(' ');
                    }
                    phrase.append(stems.get(i + n));
                    AdvisoryKind kind = lexicon.get(phrase.toString());
                    if (kind != null) {
                        weight.merge(kind, text.weight(), Double::sum);
                        StringBuilder surface = new StringBuilder();
                        for (int k = i; k <= i + n; k++) {
                            surface.append(k > i ? " " : "").append(text.surfaces().get(k));
                        }
                        words.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(surface.toString());
                    }
                }
            }
        }
        List<Advisory> out = new ArrayList<>();
        for (AdvisoryKind kind : AdvisoryKind.values()) {
            double w = weight.getOrDefault(kind, 0.0);
            if (w >= THRESHOLD) {
                List<String> fired = words.get(kind).stream().limit(REASON_WORDS).toList();
                String reason = String.format(java.util.Locale.ROOT, "%s trigger words (%s lexicon, weight %.0f): %s",
                        kind.name().toLowerCase(java.util.Locale.ROOT), language, w, String.join(", ", fired));
                out.add(Advisory.newBuilder().setKind(kind).setReason(reason).setSource("enrich").build());
            }
        }
        return out;
    }

    private static List<String> stems(String text, UnaryOperator<String> stemmer) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.isWord()) {
                out.add(stemmer.apply(t.folded()));
            }
        }
        return out;
    }
}
