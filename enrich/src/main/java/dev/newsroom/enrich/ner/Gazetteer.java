package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.DataRows;
import dev.newsroom.enrich.text.Folding;
import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.schemas.EntityType;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Known entities and the phrases that name them, matched over segments by longest match. Keys are folded
 * tokens joined by single spaces, so every spelling variant that {@link Folding} collapses matches. Acronyms
 * (all capitals: WHO, CAN, EU) are matched only as written, or "who" and "can" would become organisations.
 * When two entries claim one phrase, the later file wins (entities over places over countries), so curated
 * choices such as {@code عمان} = Amman override the country list.
 */
public final class Gazetteer {
    private static final String EXACT = "=";

    private final Map<String, GazetteerEntry> entries = new LinkedHashMap<>();
    private final Map<String, GazetteerEntry> byKey = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    private final Set<String> firstWords = new HashSet<>();
    /** First words of the names matched as written (acronyms), without the {@link #EXACT} mark: no key to build. */
    private final Set<String> exactFirstWords = new HashSet<>();
    private final Map<String, String> adjectiveCountry = new HashMap<>();
    /** Keys that {@link #lookup} finds but {@link #match} never marks (place names that are also common words). */
    private final Set<String> linkOnly = new HashSet<>();
    private int maxTokens = 1;

    public void load(InputStream in) {
        for (String[] f : DataRows.read(in)) {
            GazetteerEntry entry = entries.get(f[0]);
            if (entry == null) {
                entry = new GazetteerEntry(f[0], EntityType.valueOf(f[1]), f[2], f[3], f[4], f[5]);
                entries.put(entry.id(), entry);
                for (String name : List.of(f[3], f[4], f[5])) {
                    addSurface(entry, name);
                }
            }
            if (f.length > 6) {
                for (String alias : f[6].split("\\|")) {
                    addSurface(entry, alias);
                }
            }
        }
    }

    /**
     * Reads nationality adjectives ({@code demonyms.tsv}) and the institutions named after a country
     * ({@code institutions.tsv}), and adds one entry per institution and country, each with every way the press
     * writes it. Call after the countries are loaded: their names fill the templates.
     */
    public void loadInstitutions(InputStream demonyms, InputStream institutions) {
        Map<String, String[]> byCountry = new LinkedHashMap<>();
        for (String[] f : DataRows.read(demonyms)) {
            String[] arabic = f[2].split("\\|");
            byCountry.put("iso:" + f[0], new String[] {f[1], arabic[0]});
            for (String masculine : arabic) {
                String folded = Folding.fold(masculine);
                String bare = folded.startsWith("ال") ? folded.substring(2) : folded;
                for (String form : List.of(folded, folded + "ه", bare, bare + "ه")) {
                    adjectiveCountry.put(form, "iso:" + f[0]);
                }
            }
        }
        int row = 0;
        for (String[] f : DataRows.read(institutions)) {
            row++;
            EntityType type = EntityType.valueOf(f[0]);
            for (GazetteerEntry country : List.copyOf(entries.values())) {
                if (!country.id().startsWith("iso:")) {
                    continue;
                }
                String[] demonym = byCountry.get(country.id());
                String template = f[1];
                if (demonym == null && template.contains("{adjective}")) {
                    continue;
                }
                String nameEn = template.replace("{country}", country.nameEn())
                        .replace("{adjective}", demonym == null ? "" : demonym[0]);
                String id = "institution:" + row + ":" + country.id().substring(4);
                List<String> surfaces = new ArrayList<>();
                for (String head : f[2].split("\\|")) {
                    String last = head.substring(head.lastIndexOf(' ') + 1);
                    if (last.startsWith("ال")) {
                        if (demonym != null) {
                            boolean feminine = last.endsWith("ة");
                            surfaces.add(head + " " + demonym[1] + (feminine ? "ة" : ""));
                            surfaces.add(head + " " + demonym[1] + (feminine ? "" : "ة"));
                        }
                    } else {
                        for (String name : country.surfaces()) {
                            if (name.codePoints().anyMatch(Folding::isArabicLetter)) {
                                surfaces.add(head + " " + name);
                            }
                        }
                    }
                }
                if (demonym != null && f.length > 3) {
                    for (String head : f[3].split("\\|")) {
                        surfaces.add(demonym[0] + " " + head);
                    }
                }
                if (surfaces.isEmpty()) {
                    continue;
                }
                GazetteerEntry entry = new GazetteerEntry(id, type, null, nameEn, surfaces.get(0), null);
                entries.put(id, entry);
                for (String surface : surfaces) {
                    if (lookup(surface) == null) {
                        addSurface(entry, surface);
                    }
                }
            }
        }
    }

    /**
     * Reads {@code geonames-cities.tsv} (GeoNames cities15000, built by {@code enrich/tools/build-gazetteer.py}):
     * one PLACE per row with its GeoNames URI and population, its names, and its link-only names (also common
     * words: {@link #lookup} finds them, {@link #match} never does). Rows whose id is already loaded are skipped;
     * a spelling two places share belongs to the first, the most populous.
     */
    public void loadGeoNames(InputStream in) {
        for (String[] f : DataRows.read(in)) {
            String id = "geonames:" + f[0];
            if (entries.containsKey(id)) {
                continue;
            }
            GazetteerEntry entry = new GazetteerEntry(id, EntityType.PLACE, null, f[4], f[5].isEmpty() ? null : f[5],
                    f[4], Integer.parseInt(f[2]));
            entries.put(id, entry);
            for (int column = 6; column <= 7 && column < f.length; column++) {
                if (f[column].isEmpty()) {
                    continue;
                }
                for (String name : f[column].split("\\|")) {
                    if (name.isBlank()) {
                        continue;
                    }
                    List<Token> tokens = Tokenizer.tokenize(name);
                    if (lookup(tokens) == null) {
                        String key = addSurface(entry, name, tokens);
                        if (column == 7) {
                            linkOnly.add(key);
                        }
                    }
                }
            }
        }
    }

    /**
     * Reads {@code wikidata-leaders.tsv} (heads of state and government with Wikidata ids). A person {@code curated}
     * already knows by the same English name gets the id there (its Arabic and French names stay ours); any other
     * becomes an entry here, named by its Wikidata English label.
     */
    public void loadLeaders(InputStream in, Gazetteer curated) {
        for (String[] f : DataRows.read(in)) {
            String uri = "http://www.wikidata.org/entity/" + f[0];
            GazetteerEntry known = curated.lookup(f[1]);
            if (known != null && known.type() == EntityType.PERSON) {
                known.cite(uri);
                continue;
            }
            String id = "wikidata:" + f[0];
            if (known != null || entries.containsKey(id)) {
                continue;
            }
            GazetteerEntry entry = new GazetteerEntry(id, EntityType.PERSON, uri, f[1], null, null);
            entries.put(id, entry);
            if (lookup(f[1]) == null) {
                addSurface(entry, f[1]);
            }
        }
    }

    /**
     * Gives each curated place without a URI the GeoNames one of {@code geonames}, when its English name and its
     * Arabic name both name the same GeoNames place there (Misratah / مصراتة): two independent spellings agreeing
     * is a verification from the source, not a guess. Returns how many were cited.
     */
    public int citePlaces(Gazetteer geonames) {
        int cited = 0;
        for (GazetteerEntry entry : entries.values()) {
            if (entry.type() != EntityType.PLACE || entry.uri() != null || entry.id().startsWith("institution:")
                    || entry.name("ar") == null) {
                continue;
            }
            GazetteerEntry byEnglish = geonames.lookup(entry.nameEn());
            if (byEnglish != null && byEnglish.uri() != null && byEnglish == geonames.lookup(entry.name("ar"))) {
                entry.cite(byEnglish.uri());
                cited++;
            }
        }
        return cited;
    }

    /** Number of entries loaded. */
    public int size() {
        return entries.size();
    }

    /** Whether a folded word is a nationality adjective (سوري, السورية ...), which alone never names a place. */
    public boolean isNationalityAdjective(String folded) {
        return adjectiveCountry.containsKey(folded);
    }

    /** Adds one spelling of {@code entry}; returns its key (null for a blank one). */
    private String addSurface(GazetteerEntry entry, String surface) {
        if (surface == null || surface.isBlank()) {
            return null;
        }
        return addSurface(entry, surface, Tokenizer.tokenize(surface));
    }

    private String addSurface(GazetteerEntry entry, String surface, List<Token> tokens) {
        entry.addSurface(surface);
        boolean acronym = surface.codePoints().allMatch(cp -> Character.isUpperCase(cp) || cp == '.' || cp == '-')
                && surface.length() <= 6;
        String key = acronym ? EXACT + join(tokens, true) : join(tokens, false);
        byKey.put(key, entry);
        (acronym ? exactFirstWords : firstWords).add(acronym ? tokens.get(0).surface() : tokens.get(0).folded());
        maxTokens = Math.max(maxTokens, tokens.size());
        StringBuilder prefix = new StringBuilder(acronym ? EXACT : "");
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (i > 0) {
                prefix.append(' ');
            }
            prefix.append(acronym ? tokens.get(i).surface() : tokens.get(i).folded());
            prefixes.add(prefix.toString());
        }
        return key;
    }

    private static String join(List<Token> tokens, boolean surface) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(surface ? t.surface() : t.folded());
        }
        return b.toString();
    }

    /** The entry a phrase names exactly (after folding), or null. */
    public GazetteerEntry lookup(String phrase) {
        return lookup(Tokenizer.tokenize(phrase));
    }

    private GazetteerEntry lookup(List<Token> tokens) {
        GazetteerEntry e = byKey.get(join(tokens, false));
        return e != null ? e : byKey.get(EXACT + join(tokens, true));
    }

    /** Every folded word that occurs in some name, for the clitic splitter's vocabulary. */
    public Set<String> nameWords() {
        Set<String> words = new HashSet<>();
        for (String key : byKey.keySet()) {
            if (!key.startsWith(EXACT)) {
                for (String w : key.split(" ")) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    /** A gazetteer hit: segments [from, to) name {@code entry}. */
    public record Match(int from, int to, GazetteerEntry entry) {
    }

    /** Longest, leftmost non-overlapping matches; a match never starts on a clitic. */
    public List<Match> match(List<Segment> segments) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < segments.size()) {
            Match best = longestAt(segments, i);
            if (best != null) {
                matches.add(best);
                i = best.to();
            } else {
                i++;
            }
        }
        return matches;
    }

    private Match longestAt(List<Segment> segments, int from) {
        Segment first = segments.get(from);
        if (first.clitic() || !first.isWord() || !firstWords.contains(first.folded())
                && (first.kind() != Token.Kind.WORD || !exactFirstWords.contains(first.surface()))) {
            return null;
        }
        Match best = null;
        StringBuilder folded = null;
        String f = null;
        boolean foldedAlive = true;
        boolean exactAlive = first.kind() == Token.Kind.WORD;
        for (int j = from; j < segments.size() && j - from < maxTokens && (foldedAlive || exactAlive); j++) {
            Segment s = segments.get(j);
            if (j > from && s.clitic()) {
                break;
            }
            if (j == from) {
                f = s.folded();
            } else {
                if (folded == null) {
                    folded = new StringBuilder(f);
                }
                folded.append(' ').append(s.folded());
                f = folded.toString();
            }
            // The as-written key matters only for Latin-script words and for link-only checks of a hit.
            String x = exactAlive ? exactKey(segments, from, j) : null;
            GazetteerEntry hit = foldedAlive ? byKey.get(f) : null;
            if (hit == null && exactAlive) {
                hit = byKey.get(x);
            }
            if (hit != null && !linkOnly.isEmpty()
                    && (linkOnly.contains(f) || linkOnly.contains(x != null ? x : exactKey(segments, from, j)))) {
                hit = null;
            }
            if (hit != null && endsOnWord(s)) {
                best = new Match(from, j + 1, hit);
            }
            foldedAlive = foldedAlive && prefixes.contains(f);
            exactAlive = exactAlive && prefixes.contains(x);
        }
        return best;
    }

    private static String exactKey(List<Segment> segments, int from, int to) {
        StringBuilder exact = new StringBuilder(EXACT);
        for (int j = from; j <= to; j++) {
            if (j > from) {
                exact.append(' ');
            }
            exact.append(segments.get(j).surface());
        }
        return exact.toString();
    }

    private static boolean endsOnWord(Segment s) {
        return s.isWord();
    }
}
