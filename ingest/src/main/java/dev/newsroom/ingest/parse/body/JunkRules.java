package dev.newsroom.ingest.parse.body;

import dev.newsroom.ingest.parse.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scraper and CMS boilerplate that survives extraction ("شاركها.", "Read more: …", "The post … appeared first on …"),
 * as editable rule files under {@code dev/newsroom/ingest/parse/junk/} (the format is described in {@code en.rules}).
 *
 * <p>Rules are matched against whole blocks, never substrings: a block is junk only when all of it is the phrase
 * ({@code block}), or it is the phrase plus a separator and a short tail or only links ({@code lead}), or all of it
 * matches a template ({@code pattern}). A sentence that merely contains "share" is therefore never touched. Both sides
 * are compared through {@link TextNormalizer#matchKey}, so spelling variants of hamza, tanween and quotes match.
 */
public final class JunkRules {

    private static final String RESOURCE_DIR = "/dev/newsroom/ingest/parse/junk/";
    private static final int MAX_LEAD_TAIL_WORDS = 30;
    static final int MAX_JUNK_BLOCK_CHARS = 400;
    /**
     * A publisher's legal notice against copying runs to 500 characters or so; a pattern that opens with its own words
     * may match a block up to this long.
     */
    static final int MAX_NOTICE_CHARS = 1000;
    /** Enough of a long block's opening to hold any pattern's opening words once folded. */
    private static final int NOTICE_OPENING_CHARS = 80;
    private static final double LINK_ONLY_SHARE = 0.6;
    private static final String LEAD_SEPARATORS = ":-|»›>";

    private static final JunkRules DEFAULT = loadDefault();

    private final Set<String> blocks;
    private final List<String> leads;
    private final Set<String> sections;
    private final List<Template> patterns;

    /**
     * A pattern rule, the literal text it starts with and the literals its gaps separate: most blocks do not start with
     * the prefix or lack a later literal, and checking that first spares them a regex matcher per rule (a rule that
     * opens with a gap, "…声明：…转载…", would otherwise run its matcher over every block).
     */
    private record Template(String prefix, List<String> literals, Pattern pattern) {

        /**
         * What a match needs, without the regex: the prefix, then each literal in order. Finding each literal's first
         * occurrence after the previous one cannot miss an arrangement that the regex would match.
         */
        boolean mayMatch(String key) {
            if (!key.startsWith(prefix)) {
                return false;
            }
            int from = prefix.length();
            for (String literal : literals) {
                int at = key.indexOf(literal, from);
                if (at < 0) {
                    return false;
                }
                from = at + literal.length();
            }
            return true;
        }

        boolean matches(String key) {
            return mayMatch(key) && pattern.matcher(key).matches();
        }
    }

    private JunkRules(Set<String> blocks, List<String> leads, Set<String> sections, List<Template> patterns) {
        this.blocks = Set.copyOf(blocks);
        this.leads = List.copyOf(leads);
        this.sections = Set.copyOf(sections);
        this.patterns = List.copyOf(patterns);
    }

    /** The rules shipped with ingest, loaded once. */
    public static JunkRules defaults() {
        return DEFAULT;
    }

    /** Rules from lines in the rule-file format; {@code origin} names the source in error messages. */
    static JunkRules parse(List<String> lines, String origin) {
        Set<String> blocks = new HashSet<>();
        List<String> leads = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        List<Template> patterns = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException(origin + ":" + lineNumber + ": expected 'KIND phrase', got '" + line + "'");
            }
            String kind = line.substring(0, space);
            String phrase = line.substring(space + 1).strip();
            switch (kind) {
                case "block" -> blocks.add(TextNormalizer.matchKey(phrase));
                case "lead" -> leads.add(TextNormalizer.matchKey(phrase));
                case "section" -> sections.add(TextNormalizer.matchKey(phrase));
                case "pattern" -> patterns.add(template(phrase));
                default -> throw new IllegalArgumentException(origin + ":" + lineNumber + ": unknown rule kind '" + kind
                        + "' (expected block, lead, section or pattern)");
            }
        }
        return new JunkRules(blocks, leads, sections, patterns);
    }

    private static Template template(String phrase) {
        String[] parts = phrase.split("…|\\.\\.\\.", -1);
        StringBuilder regex = new StringBuilder();
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String literal = TextNormalizer.matchKey(parts[i]);
            if (i > 0) {
                regex.append(i == parts.length - 1 && literal.isEmpty() ? ".*" : ".+?");
                if (!literal.isEmpty()) {
                    literals.add(literal);
                }
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal));
            }
        }
        return new Template(TextNormalizer.matchKey(parts[0]), List.copyOf(literals), Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    private static JunkRules loadDefault() {
        List<String> lines = new ArrayList<>();
        for (String file : readResource("index.txt")) {
            String name = file.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                lines.addAll(readResource(name));
            }
        }
        return parse(lines, "junk rules");
    }

    private static List<String> readResource(String name) {
        try (InputStream in = JunkRules.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("junk rule file missing from the classpath: " + RESOURCE_DIR + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a block is to the junk rules. */
    enum Verdict { KEEP, JUNK, OPENS_SECTION }

    /**
     * Judges a block. Blocks longer than {@value #MAX_JUNK_BLOCK_CHARS} characters are prose and kept without
     * folding them whole, as most of a body is such blocks, unless they open as a pattern rule does and match it (a
     * legal notice under the article).
     *
     * @param text      the block's plain text
     * @param linkShare the share of the block's text that sits inside links (0 to 1)
     */
    Verdict judge(String text, double linkShare) {
        if (text.length() > MAX_JUNK_BLOCK_CHARS) {
            return isLongNotice(text) ? Verdict.JUNK : Verdict.KEEP;
        }
        String key = TextNormalizer.matchKey(text);
        if (key.isEmpty()) {
            return Verdict.KEEP;
        }
        if (sections.contains(key)) {
            return Verdict.OPENS_SECTION;
        }
        if (blocks.contains(key)) {
            return Verdict.JUNK;
        }
        for (String lead : leads) {
            if (key.startsWith(lead) && isLeadTail(key.substring(lead.length()), linkShare)) {
                return Verdict.JUNK;
            }
        }
        for (Template template : patterns) {
            if (template.matches(key)) {
                return Verdict.JUNK;
            }
        }
        return Verdict.KEEP;
    }

    /**
     * Whether a block too long for the other rules matches a pattern that opens with its own words. Its opening is
     * folded first, so the prose blocks of a body, which open with none of them, are not folded whole.
     */
    private boolean isLongNotice(String text) {
        if (text.length() > MAX_NOTICE_CHARS) {
            return false;
        }
        String opening = TextNormalizer.matchKey(text.substring(0, NOTICE_OPENING_CHARS));
        String key = null;
        for (Template template : patterns) {
            if (!template.prefix().isEmpty() && opening.startsWith(template.prefix())) {
                key = key == null ? TextNormalizer.matchKey(text) : key;
                if (template.matches(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a block is junk, a section heading included. */
    public boolean isJunk(String text, double linkShare) {
        return judge(text, linkShare) != Verdict.KEEP;
    }

    /** Whether a block opens a junk section ("Related posts"), whose link lists that follow are junk too. */
    boolean opensSection(String text) {
        return judge(text, 0) == Verdict.OPENS_SECTION;
    }

    /** Whether a block that follows a junk section heading still belongs to it. */
    static boolean continuesSection(boolean listItem, double linkShare) {
        return listItem || linkShare >= LINK_ONLY_SHARE;
    }

    private static boolean isLeadTail(String tail, double linkShare) {
        String rest = tail.strip();
        if (rest.isEmpty()) {
            return true;
        }
        if (LEAD_SEPARATORS.indexOf(rest.charAt(0)) < 0) {
            return false;
        }
        return linkShare >= LINK_ONLY_SHARE || countWords(rest) <= MAX_LEAD_TAIL_WORDS;
    }

    public static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
