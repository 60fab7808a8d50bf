package dev.newsroom.enrich.advisory;

import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.text.Word;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Raises content warnings (violence, death, terrorism, graphic detail) from per-language trigger lexicons, with
 * context, so that a single ambiguous word never labels a story.
 *
 * <p>Each trigger is <em>strong</em> (it names the thing: "shot dead", "suicide bomber", "مقتل") or <em>weak</em>
 * (it often means something else: "attack" in football, "body" in a README, "terrorism" in a policy debate, "هجوم"
 * in a match report). A weak trigger counts only when its block (headline or paragraph), or the one before or after,
 * holds a strong trigger of its own kind or of harm (violence, death); in a text of at most {@value #SHORT_WORDS} words
 * every block is next to every other. Phrases that hold a trigger word without
 * meaning it ("ceasefire", "القوات المسلحة") are listed as neutral and hide their words.
 *
 * <p>A kind's score is the sum of its counted triggers: strong 1, weak 0.5, and 2 (counted twice) for a strong
 * violence or death trigger within four words of the people it concerns ("killing 16 people", "مقتل ضابط"); a
 * headline counts half as much again. Once a block says people were harmed, it also vouches for how: any violence
 * trigger and any strong terrorism trigger in that block or the next counts 2 as well ("killed in a drone attack", "a car bomb
 * kills seven people"), which is what lets a one-sentence report reach a notice. That is why words for accidents
 * and their outcomes ("explosion", "injured") are not violence triggers. When those harmed are civilians or police
 * ({@code CONTEXT civilians}), an armed group's name ({@code TERRORISM actor}, otherwise weak) beside them counts 2
 * as well: an armed group named in a
 * report of police officers killed is a terrorist attack, the same group named among fighters killed in battle is
 * not. A <em>sure</em> trigger names an attack on people in itself ("car bomb", "shot dead", "beheaded", "عبوة
 * ناسفة"): in the lead (the headline and the first sentence) it counts 2 on its own, which is what a one-sentence report
 * needs, and a strong death trigger beside it counts 2 as well ("a drone strike killed ..."); a sure graphic trigger
 * there (a beheading) makes an armed group's name count 2, as harmed civilians do. Further down, where a bombing is
 * often the background of another story, a sure trigger counts as any strong one.
 *
 * <p>Context cues, per language ({@code CONTEXT} lines): a trigger just after a negation or a threat ("ليس
 * ارهابيا", "مهددا بتنفيذ تفجيرات") does not count; nor does a terrorism trigger that is not sure in a legal or
 * policy frame ("مكافحة الارهاب", "بتهمة الانتماء"), nor a death trigger after an attempt ("محاولة اغراق"). A block
 * below the headline that recalls something ("يذكر ان", "سبق") counts without corroboration unless the lead itself
 * reports harm: the aside about an old attack in a deportation story is not the story. Blocks after the fourth
 * count three quarters (terrorism excepted: a bombing is often told further down). A graphic <em>detail</em> trigger
 * (how a killing was done: "ذبحه", stab wounds and where they were, "حرقا") and a strong graphic trigger ("اشلاء")
 * count 2 where a death is told in the block or next to it; a detail alone counts nothing.
 *
 * <p>A kind is a public notice from its notice threshold with at least two counted triggers, and a suggestion for
 * editors from its suggestion threshold. Where the trained {@link AdvisoryModel} has a cut for the kind and language,
 * it decides the notice from this evidence ({@link #evidence}) instead of the notice threshold. The thresholds are data
 * ({@code thresholds.tsv}), set on the labelled set that {@code newsroom eval advisories} measures. The reason names
 * the words and the score, for editors; readers never see it.
 */
public final class AdvisoryDetector {
    private static final double STRONG = 1.0;
    private static final double WEAK = 0.5;
    private static final int REASON_WORDS = 6;
    /** Counted triggers below which no evidence becomes a notice, whoever decides: one word is never enough. */
    static final int MIN_TRIGGERS = 2;
    /**
     * A strong harm trigger next to the people it names ("killing 16 people", "مقتل ضابط"), or holding them ("death
     * toll", "lost their lives"), stands on its own.
     */
    private static final double CORROBORATED = 2.0;
    private static final int PEOPLE_WINDOW = 4;
    /** Who was harmed is often a few words further on: "killing at least four prison officers". */
    private static final int CIVILIANS_WINDOW = 6;
    /** Context reaches the blocks next to a weak trigger's own: news puts the event and its detail a sentence apart. */
    private static final int CONTEXT_BLOCKS = 1;
    /**
     * A text this short (a current-events summary, a wire brief) tells one event: its last sentence's "treated as a
     * terrorist incident" is about the killing its first sentence reports, so context reaches the whole text.
     */
    private static final int SHORT_WORDS = 100;
    /**
     * A sure trigger stands on its own only in the lead (the headline and first paragraph, or the first two
     * paragraphs): further down, "a suicide bombing" is often the background of another story.
     */
    private static final int LEAD_BLOCKS = 2;
    /** How far before a trigger a negation or a policy word reaches: "ليس ارهابيا", "قضايا ارهابية". */
    private static final int CUE_WINDOW = 2;
    private static final double HEADLINE_WEIGHT = 3.0;
    /** A whole article's later blocks are where old events and other stories are recalled. */
    private static final int DEEP_BLOCK = 3;
    private static final double DEEP_FACTOR = 0.75;

    /**
     * A trigger phrase: its kind, whether it is unambiguous on its own, whether it names an armed group (a weak
     * terrorism trigger that a report of civilians harmed turns into evidence), and whether it tells how a killing
     * was done (graphic only beside a death).
     */
    private record Trigger(AdvisoryKind kind, boolean strong, boolean actor, boolean sure, boolean detail) {
    }

    /** When a kind becomes a suggestion and when a notice. */
    public record Thresholds(double suggestion, double notice) {
    }

    private final Map<String, Map<String, List<Trigger>>> lexicons = new HashMap<>();
    private final Map<String, Integer> maxWords = new HashMap<>();
    private final Map<String, Set<String>> firstWords = new HashMap<>();
    /** The opening words of every phrase of more than one word: a longer phrase is tried only after one of them. */
    private final Map<String, Set<String>> phrasePrefixes = new HashMap<>();
    private final Map<String, Set<String>> people = new HashMap<>();
    private final Map<String, Set<String>> civilians = new HashMap<>();
    private final Map<String, Set<String>> negations = new HashMap<>();
    private final Map<String, Set<String>> frames = new HashMap<>();
    private final Map<String, Set<String>> attempts = new HashMap<>();
    private final Map<String, Set<String>> backgrounds = new HashMap<>();
    private final Map<AdvisoryKind, Thresholds> thresholds = new EnumMap<>(AdvisoryKind.class);
    /** Thresholds of one language where the same score means more or less than in the others. */
    private final Map<String, Map<AdvisoryKind, Thresholds>> languageThresholds = new HashMap<>();
    private AdvisoryModel model;

    /**
     * Lines {@code KIND<TAB>sure|strong|weak<TAB>term|term...}, a term may be listed under several kinds;
     * {@code TERRORISM<TAB>actor<TAB>...} armed groups' names (weak triggers, see above);
     * {@code GRAPHIC<TAB>detail<TAB>...} how a killing was done (see above);
     * {@code CONTEXT<TAB>people|civilians<TAB>...} the words for those a harm trigger concerns;
     * {@code CONTEXT<TAB>negation|frame|attempt|background<TAB>...} the cues described above;
     * {@code NONE<TAB>none<TAB>...} lists phrases that contain a trigger but are not one ("ceasefire", "وقف اطلاق
     * النار"), matched first so their words are not taken as triggers. {@code #} starts a comment.
     */
    public void load(String language, InputStream in) {
        UnaryOperator<String> stemmer = Stemming.forLanguage(language);
        Map<String, List<Trigger>> lexicon = lexicons.computeIfAbsent(language, l -> new HashMap<>());
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = line.split("\t");
                Map<String, Set<String>> context = f.length != 3 || !f[0].equals("CONTEXT") ? null
                        : switch (f[1]) {
                            case "people" -> people;
                            case "civilians" -> civilians;
                            case "negation" -> negations;
                            case "frame" -> frames;
                            case "attempt" -> attempts;
                            case "background" -> backgrounds;
                            default -> null;
                        };
                if (context != null) {
                    Set<String> words = context.computeIfAbsent(language, l -> new HashSet<>());
                    for (String term : f[2].split("\\|")) {
                        words.addAll(stems(term, stemmer));
                    }
                    continue;
                }
                boolean neutral = f.length == 3 && f[0].equals("NONE") && f[1].equals("none");
                boolean sure = f.length == 3 && f[1].equals("sure");
                if (f.length != 3 || !(neutral || sure || f[1].equals("strong") || f[1].equals("weak")
                        || f[0].equals("TERRORISM") && f[1].equals("actor")
                        || f[0].equals("GRAPHIC") && f[1].equals("detail"))) {
                    throw new IllegalArgumentException("Advisory lexicon " + language + " line " + lineNumber
                            + ": expected KIND<TAB>sure|strong|weak<TAB>terms, TERRORISM<TAB>actor<TAB>terms,"
                            + " GRAPHIC<TAB>detail<TAB>terms,"
                            + " NONE<TAB>none<TAB>terms or"
                            + " CONTEXT<TAB>people|civilians|negation|frame|attempt|background<TAB>terms, got '" + line + "'");
                }
                Trigger trigger = neutral ? null
                        : new Trigger(AdvisoryKind.valueOf(f[0]), sure || f[1].equals("strong"), f[1].equals("actor"),
                        sure, f[1].equals("detail"));
                for (String term : f[2].split("\\|")) {
                    List<String> stems = stems(term, stemmer);
                    if (!stems.isEmpty()) {
                        List<Trigger> triggers = lexicon.computeIfAbsent(String.join(" ", stems),
                                k -> new ArrayList<>());
                        if (trigger != null && !triggers.contains(trigger)) {
                            triggers.add(trigger);
                        }
                        firstWords.computeIfAbsent(language, l -> new HashSet<>()).add(stems.get(0));
                        maxWords.merge(language, stems.size(), Math::max);
                        Set<String> prefixes = phrasePrefixes.computeIfAbsent(language, l -> new HashSet<>());
                        for (int k = 1; k < stems.size(); k++) {
                            prefixes.add(String.join(" ", stems.subList(0, k)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A new set, so that no word keeps an answer about the lexicon from before this load.
        firstWords.computeIfPresent(language, (l, words) -> new HashSet<>(words));
    }

    /**
     * Lines {@code KIND<TAB>suggestion<TAB>notice}, and {@code KIND<TAB>suggestion<TAB>notice<TAB>language} for a
     * language whose thresholds differ.
     */
    public void loadThresholds(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = line.split("\t");
                Thresholds t = new Thresholds(Double.parseDouble(f[1]), Double.parseDouble(f[2]));
                (f.length > 3 ? languageThresholds.computeIfAbsent(f[3], l -> new EnumMap<>(AdvisoryKind.class))
                        : thresholds).put(AdvisoryKind.valueOf(f[0]), t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Thresholds thresholds(String language, AdvisoryKind kind) {
        Thresholds own = languageThresholds.getOrDefault(language, Map.of()).get(kind);
        return own != null ? own : thresholds.getOrDefault(kind, new Thresholds(1.0, 2.0));
    }

    /** One trigger found in a block, with where it is (word positions {@code [start, end)}). */
    private record Hit(Trigger trigger, String surface, String key, double factor, int start, int end) {
    }

    /** The trained model that decides notices where it covers a kind; without one the thresholds decide. */
    public void useModel(AdvisoryModel model) {
        this.model = model;
    }

    public List<Advisory> detect(String language, List<StemmedText> texts) {
        if (!lexicons.containsKey(language)) {
            return List.of();
        }
        Map<AdvisoryKind, Evidence> evidence = evidence(language, texts);
        List<Advisory> out = new ArrayList<>();
        for (AdvisoryKind kind : AdvisoryKind.values()) {
            Evidence e = evidence.get(kind);
            if (e == null) {
                continue;
            }
            Thresholds t = thresholds(language, kind);
            boolean byRules = noticeByThresholds(language, kind, e);
            double probability = model == null ? Double.NaN
                    : model.probability(language, kind, evidence, ruleNotices(language, evidence));
            double cut = Double.isNaN(probability) ? Double.NaN : model.cut(language, kind);
            boolean notice = Double.isNaN(probability) ? byRules
                    : probability >= cut && AdvisoryModel.mayDecide(e, byRules);
            if (!notice && e.score() < t.suggestion()) {
                continue;
            }
            String decision = Double.isNaN(probability)
                    ? String.format(Locale.ROOT, "score %.1f; notice at %.1f, suggestion at %.1f", e.score(),
                    t.notice(), t.suggestion())
                    : String.format(Locale.ROOT, "score %.1f, model %.2f; notice at %.2f, suggestion at score %.1f",
                    e.score(), probability, cut, t.suggestion());
            String reason = String.format(Locale.ROOT, "%s: %d trigger words, %d strong (%s lexicon, %s): %s",
                    kind.name().toLowerCase(Locale.ROOT), e.counted(), e.strong(), language, decision,
                    String.join(", ", e.words().stream().limit(REASON_WORDS).toList()));
            double relative = Double.isNaN(probability) ? e.score() / t.notice() : probability / cut;
            out.add(Advisory.newBuilder().setKind(kind).setReason(reason).setSource("enrich")
                    .setSuggestion(!notice).setScore(Math.round(relative * 100) / 100.0).build());
        }
        return out;
    }

    /** The kinds the thresholds alone would make notices of: evidence for the trained model. */
    public Set<AdvisoryKind> ruleNotices(String language, Map<AdvisoryKind, Evidence> evidence) {
        Set<AdvisoryKind> out = EnumSet.noneOf(AdvisoryKind.class);
        evidence.forEach((kind, e) -> {
            if (noticeByThresholds(language, kind, e)) {
                out.add(kind);
            }
        });
        return out;
    }

    private boolean noticeByThresholds(String language, AdvisoryKind kind, Evidence e) {
        return e.score() >= thresholds(language, kind).notice() && e.counted() >= MIN_TRIGGERS;
    }

    /** Per kind, the triggers counted with context (see the class comment); kinds with none are absent. */
    public Map<AdvisoryKind, Evidence> evidence(String language, List<StemmedText> texts) {
        Map<String, List<Trigger>> lexicon = lexicons.get(language);
        Map<AdvisoryKind, Evidence> evidence = new EnumMap<>(AdvisoryKind.class);
        if (lexicon == null) {
            return evidence;
        }
        Map<AdvisoryKind, int[]> setAside = new EnumMap<>(AdvisoryKind.class);
        List<List<Hit>> blocks = new ArrayList<>(texts.size());
        List<Set<AdvisoryKind>> strongKinds = new ArrayList<>(texts.size());
        List<Boolean> harmedPeople = new ArrayList<>(texts.size());
        List<Boolean> harmedCivilians = new ArrayList<>(texts.size());
        List<Boolean> sureAttack = new ArrayList<>(texts.size());
        List<Boolean> sureAtrocity = new ArrayList<>(texts.size());
        for (StemmedText text : texts) {
            List<Hit> hits = hits(language, lexicon, text, blocks.size() > DEEP_BLOCK ? DEEP_FACTOR : 1.0, setAside);
            Set<AdvisoryKind> strong = EnumSet.noneOf(AdvisoryKind.class);
            hits.stream().filter(hit -> hit.trigger().strong()).forEach(hit -> strong.add(hit.trigger().kind()));
            blocks.add(hits);
            strongKinds.add(strong);
            harmedPeople.add(hits.stream().anyMatch(hit -> namesHarmedPeople(language, text, hit)));
            harmedCivilians.add(hits.stream().anyMatch(hit -> hit.trigger().strong() && harms(hit.trigger().kind())
                    && near(civilians.getOrDefault(language, Set.of()), text, hit, CIVILIANS_WINDOW)));
            sureAttack.add(blocks.size() <= LEAD_BLOCKS && hits.stream().anyMatch(hit -> hit.trigger().sure()
                    && (hit.trigger().kind() == AdvisoryKind.VIOLENCE || hit.trigger().kind() == AdvisoryKind.TERRORISM)));
            sureAtrocity.add(blocks.size() <= LEAD_BLOCKS && hits.stream().anyMatch(hit -> hit.trigger().sure()
                    && hit.trigger().kind() == AdvisoryKind.GRAPHIC));
        }
        boolean leadHarm = blocks.stream().limit(LEAD_BLOCKS).flatMap(List::stream)
                .anyMatch(hit -> hit.trigger().strong() && hit.trigger().kind() != AdvisoryKind.GRAPHIC);
        int reach = texts.stream().mapToInt(t -> t.stems().size()).sum() <= SHORT_WORDS ? texts.size()
                : CONTEXT_BLOCKS;
        for (int b = 0; b < texts.size(); b++) {
            StemmedText text = texts.get(b);
            Set<AdvisoryKind> strongHere = EnumSet.noneOf(AdvisoryKind.class);
            boolean peopleHarmed = false;
            boolean civiliansHarmed = false;
            boolean attackNamed = false;
            boolean atrocityNamed = false;
            for (int near = Math.max(0, b - reach); near <= Math.min(texts.size() - 1, b + reach);
                 near++) {
                strongHere.addAll(strongKinds.get(near));
                peopleHarmed |= harmedPeople.get(near);
                civiliansHarmed |= harmedCivilians.get(near);
                attackNamed |= sureAttack.get(near);
                atrocityNamed |= sureAtrocity.get(near);
            }
            boolean harmHere = strongHere.contains(AdvisoryKind.VIOLENCE) || strongHere.contains(AdvisoryKind.DEATH);
            boolean deathHere = strongHere.contains(AdvisoryKind.DEATH);
            boolean background = !leadHarm && text.weight() < HEADLINE_WEIGHT
                    && text.stems().stream().anyMatch(backgrounds.getOrDefault(language, Set.of())::contains);
            for (Hit hit : blocks.get(b)) {
                if (hit.trigger().detail() ? !deathHere
                        : !hit.trigger().strong() && !harmHere && !strongHere.contains(hit.trigger().kind())) {
                    setAside.computeIfAbsent(hit.trigger().kind(), k -> new int[2])[1]++;
                    continue;
                }
                AdvisoryKind kind = hit.trigger().kind();
                boolean corroborated = !background && (hit.trigger().sure() && b < LEAD_BLOCKS
                        || attackNamed && kind == AdvisoryKind.DEATH && hit.trigger().strong()
                        || namesHarmedPeople(language, text, hit)
                        || peopleHarmed && (kind == AdvisoryKind.VIOLENCE
                        || kind == AdvisoryKind.TERRORISM && hit.trigger().strong())
                        || (civiliansHarmed || atrocityNamed) && hit.trigger().actor()
                        || (hit.trigger().detail() || hit.trigger().strong() && kind == AdvisoryKind.GRAPHIC)
                        && deathHere);
                double weight = corroborated ? CORROBORATED : hit.trigger().strong() ? STRONG : WEAK;
                evidence.computeIfAbsent(kind, k -> new Evidence()).add(weight * hit.factor(), corroborated,
                        hit.trigger().strong(), b, b < LEAD_BLOCKS, text.weight() >= HEADLINE_WEIGHT,
                        hit.surface(), hit.key());
            }
        }
        evidence.forEach((kind, e) -> e.setAside(setAside.getOrDefault(kind, new int[2])));
        return evidence;
    }

    private static boolean harms(AdvisoryKind kind) {
        return kind == AdvisoryKind.VIOLENCE || kind == AdvisoryKind.DEATH;
    }

    private boolean namesHarmedPeople(String language, StemmedText text, Hit hit) {
        return hit.trigger().strong() && harms(hit.trigger().kind()) && namesPeople(language, text, hit);
    }

    private boolean namesPeople(String language, StemmedText text, Hit hit) {
        return near(people.getOrDefault(language, Set.of()), text, hit, PEOPLE_WINDOW);
    }

    private static boolean near(Set<String> words, StemmedText text, Hit hit, int window) {
        List<String> stems = text.stems();
        for (int k = Math.max(0, hit.start() - window); k < Math.min(stems.size(), hit.end() + window);
             k++) {
            if (words.contains(stems.get(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The triggers in one block, the longest phrase at each position (a neutral phrase too, which then hides the
     * words inside it); a headline counts half as much again. A phrase that begins inside a trigger phrase and runs on
     * past it counts for each kind whose own last phrase it shares no word with ("العثور على جثة" is a death,
     * "جثة متفحمة" after it still graphic detail); nothing that begins inside a neutral phrase counts.
     */
    private List<Hit> hits(String language, Map<String, List<Trigger>> lexicon, StemmedText text, double depth,
                           Map<AdvisoryKind, int[]> setAside) {
        List<String> stems = text.stems();
        Set<String> starts = firstWords.get(language);
        Set<String> prefixes = phrasePrefixes.getOrDefault(language, Set.of());
        int longest = maxWords.get(language);
        boolean headline = text.weight() >= HEADLINE_WEIGHT;
        List<Hit> hits = new ArrayList<>();
        int coveredUntil = 0;
        int neutralUntil = 0;
        Map<AdvisoryKind, Integer> kindUntil = new EnumMap<>(AdvisoryKind.class);
        int i = 0;
        List<Word> words = text.words();
        while (i < stems.size()) {
            int matched = 0;
            List<Trigger> triggers = null;
            if (words.get(i).stemIn(Word.ADVISORY_START, starts)) {
                StringBuilder phrase = new StringBuilder();
                for (int n = 0; n < longest && i + n < stems.size(); n++) {
                    if (n > 0) {
                        phrase.append(' ');
                    }
                    phrase.append(stems.get(i + n));
                    String candidate = phrase.toString();
                    List<Trigger> found = lexicon.get(candidate);
                    if (found != null) {
                        triggers = found;
                        matched = n + 1;
                    }
                    if (!prefixes.contains(candidate)) {
                        break;
                    }
                }
            }
            if (triggers == null || i + matched <= coveredUntil || i < neutralUntil) {
                i++;
                continue;
            }
            String key = String.join(" ", stems.subList(i, i + matched));
            StringBuilder surface = new StringBuilder();
            for (int k = i; k < i + matched; k++) {
                surface.append(k > i ? " " : "").append(text.surfaces().get(k));
            }
            boolean negated = precededBy(negations.getOrDefault(language, Set.of()), stems, i);
            boolean framed = precededBy(frames.getOrDefault(language, Set.of()), stems, i);
            boolean attempted = precededBy(attempts.getOrDefault(language, Set.of()), stems, i);
            for (Trigger trigger : triggers) {
                if (i < kindUntil.getOrDefault(trigger.kind(), 0)) {
                    continue;
                }
                if (!negated && !(framed && trigger.kind() == AdvisoryKind.TERRORISM && !trigger.sure())
                        && !(attempted && trigger.kind() == AdvisoryKind.DEATH)) {
                    hits.add(new Hit(trigger, surface.toString(), key,
                            headline ? 1.5 : trigger.kind() == AdvisoryKind.TERRORISM ? 1.0 : depth, i, i + matched));
                } else {
                    setAside.computeIfAbsent(trigger.kind(), k -> new int[2])[0]++;
                }
            }
            coveredUntil = i + matched;
            if (triggers.isEmpty()) {
                neutralUntil = coveredUntil;
            }
            for (Trigger trigger : triggers) {
                kindUntil.put(trigger.kind(), coveredUntil);
            }
            i++;
        }
        return hits;
    }

    /** Whether one of the words comes just before position {@code i}: "not a terrorist act", "anti-terrorism law". */
    private static boolean precededBy(Set<String> words, List<String> stems, int i) {
        for (int k = Math.max(0, i - CUE_WINDOW); k < i; k++) {
            if (words.contains(stems.get(k))) {
                return true;
            }
        }
        return false;
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
