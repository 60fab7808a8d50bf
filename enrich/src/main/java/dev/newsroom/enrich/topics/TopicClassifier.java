package dev.newsroom.enrich.topics;

import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.text.Word;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scores IPTC Media Topics. Per-language cue lexicons give evidence: cues are stemmed phrases of up to a few
 * words; each occurrence adds its weight times the weight of the block it is in (the headline counts most), with
 * diminishing returns for repeats. Second-level scores roll up into their top-level parent, so a parent is
 * always at least as relevant as any of its children.
 * <p>
 * Where a trained {@link SectionModel} exists for the language (Arabic, English, French), it decides among the
 * sections it was trained on, with the lexicon's evidence among its features. The sections it has no training data
 * for (conflict, disaster, weather, crime...) keep the lexicon's say: their share of the lexicon's evidence is
 * their relevance, and a share large enough to be sure of ({@link #LEXICON_CLAIM}) is taken from the model's
 * probabilities, which share what is left; a smaller one never comes first. Lexicon second-level topics follow
 * their parent. Other languages use the lexicons alone.
 */
public final class TopicClassifier {
    private static final double SATURATION = 12.0;
    private static final int MIN_RELEVANCE = 25;
    private static final int MAX_SUBJECTS = 8;
    /**
     * The share of the lexicon's evidence at which a section the model was not trained on can come first, taking
     * its share from the model's sections. Below it, such a section never comes first: it ranks after the first
     * section, its relevance at most that section's. Taken at any share, the lexicon's conflict words put conflict
     * first on 18 of the 124 texts of a dev fold cut from train-fr, all labelled politics (BBC Afrique files coups
     * under politics). On the trained sections of train-* the lexicon's first section is right 66-83% of the time
     * at shares of 0.5-0.6 and 83-93% at 0.6-0.7. On 5-fold dev splits of train-* strict top-1 is ar 0.962, en
     * 0.876, fr 0.823 with a claim at 0.7 and 0.946, 0.854, 0.788 at 0.55, but 0.7 puts politics before conflict
     * on the seed article (the Palmyra attack, conflict's share 0.57), so the claim starts at 0.55.
     */
    static final double LEXICON_CLAIM = 0.55;
    /**
     * English and French claim at 0.7: on 5-fold dev splits of train-en and train-fr (the models of issue 13,
     * trained with focus and balance) strict top-1 is en 0.874 and fr 0.802 at 0.55, 0.894 and 0.848 at 0.7, and
     * still rises above (en 0.899 at 0.85) because those sets never label a section the model does not know. So the
     * level is not raised past 0.7, where the lexicon's first section was right 83-93% of the time on the trained
     * sections: a higher one would leave crime, conflict and disasters almost never first, a cost these sets
     * cannot show. Such sections also claim together at 0.9 (en 0.893, fr 0.845), or the storm sample's weather
     * (0.65, disaster 0.32) would go to sport. Arabic keeps 0.55 alone for the seed article (conflict's share 0.57).
     */
    private static final Map<String, ClaimLevel> CLAIM_LEVELS = Map.of(
            "en", new ClaimLevel(0.7, 0.9), "fr", new ClaimLevel(0.7, 0.9));

    /**
     * When a section the model does not know comes first: its own share of the lexicon's evidence reaches
     * {@code alone}, or the shares of all such sections together reach {@code together}.
     */
    public record ClaimLevel(double alone, double together) {
        static final ClaimLevel DEFAULT = new ClaimLevel(LEXICON_CLAIM, Double.POSITIVE_INFINITY);
    }

    private final Map<String, ClaimLevel> claimLevels = new HashMap<>(CLAIM_LEVELS);

    private final Map<String, MediaTopic> topics = new LinkedHashMap<>();
    private final Map<String, Lexicon> lexicons = new HashMap<>();
    private final Map<String, SectionModel> models = new HashMap<>();

    /** A topic, its raw evidence and its relevance 0..100. */
    public record Scored(MediaTopic topic, double score, int relevance) {
    }

    private record Cue(String code, double weight) {
    }

    private static final class Lexicon {
        final Map<String, List<Cue>> cues = new HashMap<>();
        /** Replaced by a copy at the end of each load: words remember their answers by this set. */
        java.util.Set<String> firstWords = new java.util.HashSet<>();
        /** The opening words of every cue of more than one word: a longer cue is tried only after one of them. */
        final java.util.Set<String> prefixes = new java.util.HashSet<>();
        int maxWords = 1;
    }

    public void loadTopics(InputStream in) {
        for (String[] f : rows(in)) {
            topics.put(f[0], new MediaTopic(f[0], f[1].isEmpty() ? null : f[1], f[2]));
        }
    }

    public void loadLexicon(String language, InputStream in) {
        Lexicon lexicon = lexicons.computeIfAbsent(language, l -> new Lexicon());
        UnaryOperator<String> stemmer = Stemming.forLanguage(language);
        for (String[] f : rows(in)) {
            if (!topics.containsKey(f[0])) {
                throw new IllegalStateException("lexicon " + language + " names unknown topic " + f[0]);
            }
            double weight = Double.parseDouble(f[1]);
            for (String term : f[2].split("\\|")) {
                List<String> stems = stems(term, stemmer);
                if (stems.isEmpty()) {
                    continue;
                }
                lexicon.cues.computeIfAbsent(String.join(" ", stems), k -> new ArrayList<>()).add(new Cue(f[0], weight));
                lexicon.firstWords.add(stems.get(0));
                lexicon.maxWords = Math.max(lexicon.maxWords, stems.size());
                for (int k = 1; k < stems.size(); k++) {
                    lexicon.prefixes.add(String.join(" ", stems.subList(0, k)));
                }
            }
        }
        lexicon.firstWords = new java.util.HashSet<>(lexicon.firstWords);
    }


    /** The claim level of {@code language}. */
    public ClaimLevel claimLevel(String language) {
        return claimLevels.getOrDefault(language, ClaimLevel.DEFAULT);
    }

    /** Sets {@link #claimLevel}, as training chooses it by cross-validation. */
    public void claimLevel(String language, ClaimLevel level) {
        claimLevels.put(language, level);
    }

    public void loadModel(InputStream in) {
        try {
            SectionModel model = SectionModel.read(in);
            for (List<String> codes : model.codes()) {
                for (String code : codes) {
                    if (!topics.containsKey(code)) {
                        throw new IllegalStateException("section model " + model.language() + " names unknown topic "
                                + code);
                    }
                }
            }
            models.put(model.language(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Topics with relevance of at least 25, most relevant first (a parent before its children on ties). Where a
     * section model decides, the best top-level topic, and the best of the sections the model knows, are kept even
     * below 25: the text has words, so it has a section, however unsure.
     */
    public List<Scored> classify(String language, List<StemmedText> texts) {
        List<Scored> all = score(language, texts);
        List<Scored> out = new ArrayList<>();
        SectionModel model = models.get(language);
        java.util.Set<String> known = model == null ? java.util.Set.of() : model.sections();
        boolean bestSeen = model == null;
        boolean knownSeen = model == null;
        for (Scored s : all) {
            boolean top = s.topic().isTopLevel();
            boolean keep = top && (!bestSeen || (!knownSeen && known.contains(s.topic().code())));
            if ((s.relevance() >= MIN_RELEVANCE || keep) && out.size() < MAX_SUBJECTS) {
                out.add(s);
            }
            bestSeen |= top;
            knownSeen |= top && known.contains(s.topic().code());
        }
        return out;
    }

    /** Every topic with any evidence, most relevant first. */
    public List<Scored> score(String language, List<StemmedText> texts) {
        SectionModel model = models.get(language);
        return model == null ? lexiconScores(language, texts) : modelScores(model, language, texts);
    }

    /** The lexicon's evidence for each top-level topic: the features a section model sees besides the words. */
    public Map<String, Double> cues(String language, List<StemmedText> texts) {
        Map<String, Double> cues = new HashMap<>();
        rolled(language, texts).forEach((code, score) -> {
            if (topics.get(code).isTopLevel()) {
                cues.put(code, score);
            }
        });
        return cues;
    }

    private List<Scored> modelScores(SectionModel model, String language, List<StemmedText> texts) {
        Map<String, Double> raw = raw(language, texts);
        Map<String, Double> rolled = rollUp(raw);
        Map<String, Double> cues = new HashMap<>();
        rolled.forEach((code, score) -> {
            if (topics.get(code).isTopLevel()) {
                cues.put(code, score);
            }
        });
        double[] p = model.predict(texts, cues);
        if (p == null) {
            return List.of();
        }
        List<List<String>> labels = model.codes();
        java.util.Set<String> known = model.sections();
        double total = 0;
        for (double score : cues.values()) {
            total += score;
        }
        // Little evidence in all (a headline with one cue word) claims little, as in the lexicon's own relevance.
        double strength = Math.min(1.0, total / SATURATION);
        Map<String, Double> combined = new HashMap<>();
        Map<String, Double> unclaimed = new HashMap<>();
        double unknown = 0;
        // The strongest section the model does not know claims first place with enough of the lexicon's evidence on
        // its own, or where those sections together hold nearly all of it: a storm's weather and disaster words.
        String strongest = null;
        double outside = 0;
        for (Map.Entry<String, Double> cue : cues.entrySet()) {
            if (!known.contains(cue.getKey()) && cue.getValue() > 0) {
                double share = cue.getValue() / total * strength;
                unclaimed.put(cue.getKey(), share);
                outside += share;
                if (strongest == null || share > unclaimed.get(strongest)
                        || share == unclaimed.get(strongest) && cue.getKey().compareTo(strongest) < 0) {
                    strongest = cue.getKey();
                }
            }
        }
        ClaimLevel level = claimLevel(language);
        if (strongest != null && (unclaimed.get(strongest) >= level.alone() || outside >= level.together())) {
            unknown = unclaimed.remove(strongest);
            combined.put(strongest, unknown);
        }
        for (int c = 0; c < labels.size(); c++) {
            for (String code : labels.get(c)) {
                combined.merge(code, p[c] * (1 - unknown), Double::sum);
            }
        }
        // Never first (the model's best section, or a claimed one, is), but listed with about the relevance the
        // lexicon gives it: a storm's disaster keeps its place after weather.
        double under = Math.nextDown(combined.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        unclaimed.forEach((code, share) -> combined.put(code, Math.min(share, under)));
        raw.forEach((code, score) -> {
            MediaTopic topic = topics.get(code);
            Double parent = topic.isTopLevel() ? null : combined.get(topic.parent());
            if (parent != null && rolled.get(topic.parent()) > 0) {
                combined.merge(code, parent * score / rolled.get(topic.parent()), Math::max);
            }
        });
        List<Scored> scored = new ArrayList<>();
        combined.forEach((code, score) -> scored.add(new Scored(topics.get(code), score,
                (int) Math.round(100 * Math.min(1.0, score)))));
        scored.sort(ORDER);
        return scored;
    }

    private static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(s -> s.topic().isTopLevel() ? 0 : 1)
            .thenComparing(s -> s.topic().code());

    private List<Scored> lexiconScores(String language, List<StemmedText> texts) {
        Map<String, Double> rolled = rolled(language, texts);
        double best = rolled.entrySet().stream().filter(e -> topics.get(e.getKey()).isTopLevel())
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        if (best <= 0) {
            return List.of();
        }
        double scale = Math.min(1.0, best / SATURATION);
        List<Scored> scored = new ArrayList<>();
        rolled.forEach((code, score) -> scored.add(new Scored(topics.get(code), score,
                (int) Math.round(100 * Math.min(1.0, score / best) * scale))));
        scored.sort(ORDER);
        return scored;
    }

    private Map<String, Double> rolled(String language, List<StemmedText> texts) {
        return rollUp(raw(language, texts));
    }

    private Map<String, Double> rollUp(Map<String, Double> raw) {
        Map<String, Double> rolled = new HashMap<>(raw);
        raw.forEach((code, score) -> {
            MediaTopic topic = topics.get(code);
            if (topic.parent() != null) {
                rolled.merge(topic.parent(), score, Double::sum);
            }
        });
        return rolled;
    }

    /** Each topic's own evidence from the lexicon, before rolling up. */
    private Map<String, Double> raw(String language, List<StemmedText> texts) {
        Lexicon lexicon = lexicons.get(language);
        Map<String, Double> raw = new HashMap<>();
        if (lexicon == null) {
            return raw;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (StemmedText text : texts) {
            List<String> stems = text.stems();
            List<Word> words = text.words();
            for (int i = 0; i < stems.size(); i++) {
                if (!words.get(i).stemIn(Word.TOPIC_START, lexicon.firstWords)) {
                    continue;
                }
                StringBuilder phrase = new StringBuilder();
                for (int n = 0; n < lexicon.maxWords && i + n < stems.size(); n++) {
                    if (n > 0) {
                        phrase.append(' ');
                    }
                    phrase.append(stems.get(i + n));
                    String candidate = phrase.toString();
                    List<Cue> cues = lexicon.cues.get(candidate);
                    if (cues != null) {
                        int repeat = seen.merge(candidate, 1, Integer::sum);
                        double damping = 1.0 / Math.sqrt(repeat);
                        for (Cue cue : cues) {
                            raw.merge(cue.code(), cue.weight() * text.weight() * damping, Double::sum);
                        }
                    }
                    if (!lexicon.prefixes.contains(candidate)) {
                        break;
                    }
                }
            }
        }
        return raw;
    }

    /** Stems of the words of a lexicon term. */
    private static List<String> stems(String text, UnaryOperator<String> stemmer) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.isWord()) {
                String stem = stemmer.apply(t.folded());
                if (!stem.isEmpty()) {
                    out.add(stem);
                }
            }
        }
        return out;
    }

    private static List<String[]> rows(InputStream in) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && line.charAt(0) != '#') {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
