package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.schemas.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the spans of every block into entities: links spans to gazetteer entries, resolves short forms to the
 * full name used in the same document (حنا → إلياس حنا, Trump → Donald Trump, التنظيم → تنظيم الدولة
 * الإسلامية, الوزارة → وزارة الداخلية السورية), finds the short forms the tagger left unmarked, and scores
 * salience from frequency, position (headline, lead) and spread over the blocks.
 */
public final class EntityAssembler {
    private static final double HEADLINE_WEIGHT = 3.0;
    private static final double LEAD_WEIGHT = 2.0;
    private static final double BODY_WEIGHT = 1.0;
    private static final double SHORT_FORM_CONFIDENCE = 0.65;

    private final Gazetteer gazetteer;
    private final Gazetteer extended;
    private final Triggers triggers;
    private final Romaniser romaniser;

    public EntityAssembler(Gazetteer gazetteer, Triggers triggers, Romaniser romaniser) {
        this(gazetteer, null, triggers, romaniser);
    }

    /**
     * {@code extended}: the bulk gazetteer; a name the tagger found without an identity takes one from it only
     * when the bulk entry is of the type the tagger gave (a person named like a city stays a person, unlinked).
     */
    public EntityAssembler(Gazetteer gazetteer, Gazetteer extended, Triggers triggers, Romaniser romaniser) {
        this.gazetteer = gazetteer;
        this.extended = extended;
        this.triggers = triggers;
        this.romaniser = romaniser;
    }

    /** One tagged block: its index (-1 headline), text, segments and spans. */
    public record Block(int index, String text, List<Segment> segments, List<NamedEntityTagger.Span> spans) {
    }

    private static final class Group {
        final String key;
        EntityType type;
        GazetteerEntry entry;
        final List<Found> mentions = new ArrayList<>();

        Group(String key, EntityType type, GazetteerEntry entry) {
            this.key = key;
            this.type = type;
            this.entry = entry;
        }

        Found longest() {
            return mentions.stream().max(Comparator.comparingInt((Found f) -> f.to - f.from)
                    .thenComparingInt(f -> f.text.length())).orElseThrow();
        }
    }

    /** A mention; {@code words} is its folded form split at spaces, once for both short-form passes. */
    private record Found(Block block, int from, int to, String text, String folded, String[] words,
                         double confidence) {
    }

    public List<FoundEntity> assemble(List<Block> blocks, String language) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Block block : blocks) {
            for (NamedEntityTagger.Span span : block.spans()) {
                Found found = found(block, span.from(), span.to(), span.confidence());
                GazetteerEntry entry = span.entry() != null ? span.entry() : identify(found.text(), span.type());
                String key = entry != null ? entry.id() : span.type() + ":" + found.folded();
                EntityType type = entry != null ? entry.type() : span.type();
                groups.computeIfAbsent(key, k -> new Group(k, type, entry)).mentions.add(found);
            }
        }
        mergeShortNames(groups);
        addUnmarkedShortForms(blocks, groups);
        int blockCount = (int) blocks.stream().filter(b -> b.index() >= 0).count();
        List<FoundEntity> entities = new ArrayList<>();
        double maxScore = 0;
        Map<Group, Double> scores = new HashMap<>();
        for (Group g : groups.values()) {
            double score = salienceScore(g, blockCount);
            scores.put(g, score);
            maxScore = Math.max(maxScore, score);
        }
        for (Group g : groups.values()) {
            entities.add(toEntity(g, language, scores.get(g) / maxScore));
        }
        entities.sort(Comparator.comparingDouble(FoundEntity::salience).reversed()
                .thenComparingInt(e -> e.mentions().get(0).block())
                .thenComparingInt(e -> e.mentions().get(0).start()));
        return entities;
    }

    /** The curated entry a name names, else a bulk entry of the type the tagger gave, else null. */
    private GazetteerEntry identify(String text, EntityType type) {
        GazetteerEntry entry = gazetteer.lookup(text);
        if (entry == null && extended != null) {
            GazetteerEntry bulk = extended.lookup(text);
            entry = bulk != null && bulk.type() == type ? bulk : null;
        }
        return entry;
    }

    private Found found(Block block, int from, int to, double confidence) {
        Segment first = block.segments().get(from);
        Segment last = block.segments().get(to - 1);
        String text = block.text();
        int from16 = text.offsetByCodePoints(0, first.start());
        String written = text.substring(from16, text.offsetByCodePoints(from16, last.end() - first.start()));
        String mention = first.elidedArticle() ? "ا" + written : written;
        StringBuilder folded = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                folded.append(' ');
            }
            folded.append(block.segments().get(i).folded());
        }
        String joined = folded.toString();
        return new Found(block, from, to, mention, joined, joined.split(" "), confidence);
    }

    /** A one-word person mention that is the first or last word of a longer person name joins that person. */
    private void mergeShortNames(Map<String, Group> groups) {
        List<Group> persons = groups.values().stream().filter(g -> g.type == EntityType.PERSON).toList();
        for (Group shortGroup : persons) {
            boolean allSingle = shortGroup.mentions.stream().allMatch(f -> f.to - f.from == 1);
            if (!allSingle || shortGroup.entry != null && shortGroup.entry.surfaces().size() > 1) {
                continue;
            }
            String word = shortGroup.mentions.get(0).folded;
            Group target = null;
            for (Group full : persons) {
                if (full == shortGroup) {
                    continue;
                }
                for (Found f : full.mentions) {
                    String[] words = f.words;
                    if (words.length > 1 && (words[words.length - 1].equals(word) || words[0].equals(word))) {
                        if (target == null || full.mentions.size() > target.mentions.size()) {
                            target = full;
                        }
                    }
                }
            }
            if (target != null) {
                target.mentions.addAll(shortGroup.mentions);
                groups.remove(shortGroup.key);
            }
        }
    }

    /**
     * Surnames of people and definite head nouns of organisations (الوزارة, التنظيم, التحالف, the coalition)
     * that the tagger left unmarked are mentions of the entity whose full name the document used.
     */
    private void addUnmarkedShortForms(List<Block> blocks, Map<String, Group> groups) {
        Map<String, Group> aliases = new HashMap<>();
        Map<String, Integer> claims = new HashMap<>();
        for (Group g : groups.values()) {
            for (Found f : List.copyOf(g.mentions)) {
                String[] words = f.words;
                if (words.length < 2) {
                    continue;
                }
                if (g.type == EntityType.PERSON) {
                    claim(aliases, claims, words[words.length - 1], g);
                } else if (g.type == EntityType.ORGANISATION) {
                    String head = words[0];
                    String bare = head.startsWith("ال") ? head.substring(2) : head;
                    if (triggers.is(bare, Triggers.Kind.ORG_HEAD) && isArabic(head)) {
                        claim(aliases, claims, "ال" + bare, g);
                    }
                    for (String w : words) {
                        if (!isArabic(w) && (triggers.is(w, Triggers.Kind.ORG_TAIL)
                                || triggers.is(w, Triggers.Kind.ORG_HEAD))) {
                            claim(aliases, claims, "the " + w, g);
                        }
                    }
                }
            }
        }
        claims.forEach((alias, count) -> {
            if (count > 1) {
                aliases.remove(alias);
            }
        });
        if (aliases.isEmpty()) {
            return;
        }
        Map<Block, boolean[]> coveredByBlock = new IdentityHashMap<>();
        for (Group g : groups.values()) {
            for (Found f : g.mentions) {
                boolean[] covered = coveredByBlock.computeIfAbsent(f.block, b -> new boolean[b.segments().size()]);
                for (int i = f.from; i < f.to; i++) {
                    covered[i] = true;
                }
            }
        }
        for (Block block : blocks) {
            List<Segment> segs = block.segments();
            boolean[] covered = coveredByBlock.getOrDefault(block, new boolean[segs.size()]);
            for (int i = 0; i < segs.size(); i++) {
                Segment s = segs.get(i);
                if (covered[i] || s.clitic() || !s.isWord()) {
                    continue;
                }
                Group g = aliases.get(s.folded());
                if (g != null && g.type == EntityType.PERSON && (s.kind() == Token.Kind.ARABIC || s.isCapitalised())
                        && (i + 1 >= segs.size() || !continuesName(segs.get(i + 1)))) {
                    g.mentions.add(found(block, i, i + 1, SHORT_FORM_CONFIDENCE));
                    continue;
                }
                if (g != null && g.type == EntityType.ORGANISATION && s.kind() == Token.Kind.ARABIC
                        && (i + 1 >= segs.size() || !segs.get(i + 1).folded().startsWith("ال"))) {
                    g.mentions.add(found(block, i, i + 1, SHORT_FORM_CONFIDENCE));
                    continue;
                }
                if (i > 0 && segs.get(i - 1).folded().equals("the") && !s.isCapitalised()) {
                    Group org = aliases.get("the " + s.folded());
                    if (org != null) {
                        org.mentions.add(found(block, i, i + 1, SHORT_FORM_CONFIDENCE));
                    }
                }
            }
        }
    }

    private static boolean continuesName(Segment next) {
        return next.isCapitalised();
    }

    private static void claim(Map<String, Group> aliases, Map<String, Integer> claims, String alias, Group g) {
        if (alias.length() < 3) {
            return;
        }
        Group previous = aliases.put(alias, g);
        if (previous != null && previous != g) {
            claims.merge(alias, 2, Integer::sum);
        }
    }

    private static boolean isArabic(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            // No ASCII code point is of the Arabic script: the script table is read only for the others.
            if (cp >= 0x80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static double salienceScore(Group g, int blockCount) {
        double score = 0;
        java.util.Set<Integer> blocksSeen = new java.util.HashSet<>();
        for (Found f : g.mentions) {
            int index = f.block.index();
            score += index < 0 ? HEADLINE_WEIGHT : index == 0 ? LEAD_WEIGHT : BODY_WEIGHT;
            blocksSeen.add(index);
        }
        double spread = blockCount == 0 ? 0 : (double) blocksSeen.size() / Math.max(1, blockCount);
        return score * (1 + spread);
    }

    private FoundEntity toEntity(Group g, String language, double salience) {
        g.mentions.sort(Comparator.comparingInt((Found f) -> f.block.index())
                .thenComparingInt(f -> f.block.segments().get(f.from).start()));
        Found longest = g.longest();
        String name;
        String localName;
        if (g.entry != null) {
            name = g.entry.nameEn();
            localName = g.entry.name(language);
            if (localName == null) {
                localName = longest.text;
            }
        } else {
            localName = longest.text;
            name = isArabic(localName) ? romaniser.romanise(localName) : localName;
        }
        if (localName != null && localName.equals(name)) {
            localName = null;
        }
        double miss = 1;
        List<FoundEntity.FoundMention> mentions = new ArrayList<>();
        for (Found f : g.mentions) {
            miss *= 1 - f.confidence;
            Segment first = f.block.segments().get(f.from);
            Segment last = f.block.segments().get(f.to - 1);
            mentions.add(new FoundEntity.FoundMention(f.block.index(), first.start(), last.end(), f.text,
                    f.confidence));
        }
        double confidence = Math.round(Math.min(0.99, 1 - miss) * 1000) / 1000.0;
        return new FoundEntity(g.type, name, localName, g.entry == null ? null : g.entry.uri(), confidence,
                Math.round(salience * 1000) / 1000.0, mentions);
    }
}
