package dev.newsroom.ingest.parse.body;

import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.schemas.BlockKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure from plain text, where only line breaks carry it.
 *
 * <p>Blank lines separate units. A unit whose lines are all long (≥ {@value #WRAPPED_LINE_MIN} characters but the
 * last) is hard-wrapped prose and becomes one paragraph; otherwise each line is its own unit, so trailing junk lines
 * ("شاركها." / "اترك تعليقاً") can be recognised whole. Lines starting with a bullet ({@code -}, {@code *},
 * {@code •}, {@code 1.}) are list items, lines starting with {@code >} quotes.
 *
 * <p>A subheading is a single-line unit that is short (at most {@value #HEADING_MAX_WORDS} words and
 * {@value #HEADING_MAX_CHARS} characters, {@value #HEADING_MAX_CJK_CHARS} in Chinese or Japanese), does not end like a
 * sentence or a lead-in ({@code . ! … : ; ,} and their Arabic and CJK forms; a question mark may end a heading) and is
 * followed by more text. When the first unit looks like that,
 * it is the document's title, not a subheading.
 */
public final class PlainTextParser {

    static final int HEADING_MAX_WORDS = 12;
    static final int HEADING_MAX_CHARS = 90;
    /** Chinese and Japanese say in one character what takes two or three Latin ones: their headings are shorter. */
    static final int HEADING_MAX_CJK_CHARS = 40;
    static final int WRAPPED_LINE_MIN = 40;

    /** A block of plain text with its kind and level, before normalisation into {@code BodyBlock}s. */
    record TextBlock(BlockKind kind, int level, String text) {
    }

    /** The title line, when the text starts with one, and the body blocks. */
    public record ParsedText(String title, List<TextBlock> blocks) {
    }

    private final JunkRules junk;

    public PlainTextParser(JunkRules junk) {
        this.junk = junk;
    }

    public ParsedText parse(String rawText) {
        String text = TextNormalizer.normalizeKeepingLines(rawText);
        List<TextBlock> units = new ArrayList<>();
        for (String chunk : splitOnBlankLines(text)) {
            units.addAll(unitsOf(chunk));
        }
        units.removeIf(unit -> junk.isJunk(unit.text(), 0));
        List<TextBlock> blocks = new ArrayList<>(units.size());
        String title = null;
        for (int i = 0; i < units.size(); i++) {
            TextBlock unit = units.get(i);
            boolean followedByText = i + 1 < units.size();
            if (unit.kind() == BlockKind.PARAGRAPH && followedByText && isHeadingLike(unit.text())) {
                if (i == 0) {
                    title = unit.text();
                    continue;
                }
                blocks.add(new TextBlock(BlockKind.HEADING, 2, unit.text()));
            } else {
                blocks.add(unit);
            }
        }
        return new ParsedText(title, blocks);
    }

    private static List<String> splitOnBlankLines(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (current.length() > 0) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line.strip());
            }
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    private static List<TextBlock> unitsOf(String chunk) {
        String[] lines = chunk.split("\n");
        List<TextBlock> units = new ArrayList<>();
        if (isWrappedProse(lines)) {
            units.add(classifyLine(String.join(" ", lines)));
            return units;
        }
        for (String line : lines) {
            units.add(classifyLine(line));
        }
        return units;
    }

    private static boolean isWrappedProse(String[] lines) {
        if (lines.length < 2) {
            return false;
        }
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].length() < WRAPPED_LINE_MIN || isBulleted(lines[i]) || lines[i].startsWith(">")) {
                return false;
            }
        }
        return !isBulleted(lines[lines.length - 1]);
    }

    private static TextBlock classifyLine(String line) {
        int bullet = bulletLength(line);
        if (bullet > 0) {
            return new TextBlock(BlockKind.LIST_ITEM, 1, line.substring(bullet).strip());
        }
        if (line.startsWith(">")) {
            return new TextBlock(BlockKind.QUOTE, 0, line.substring(1).strip());
        }
        return new TextBlock(BlockKind.PARAGRAPH, 0, line);
    }

    private static boolean isBulleted(String line) {
        return bulletLength(line) > 0;
    }

    /** Length of a leading bullet marker ("- ", "• ", "3. ", "3) ") or 0. */
    private static int bulletLength(String line) {
        if (line.length() < 3) {
            return 0;
        }
        char first = line.charAt(0);
        if ((first == '-' || first == '*' || first == '•' || first == '–' || first == '·') && line.charAt(1) == ' ') {
            return 2;
        }
        int i = 0;
        while (i < line.length() && i < 3 && Character.isDigit(line.charAt(i))) {
            i++;
        }
        if (i > 0 && i + 1 < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')') && line.charAt(i + 1) == ' ') {
            return i + 2;
        }
        return 0;
    }

    private static boolean isMostlyHanOrKana(String line) {
        int hanOrKana = 0;
        for (int i = 0; i < line.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(line.charAt(i));
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                hanOrKana++;
            }
        }
        return hanOrKana * 2 > line.length();
    }

    static boolean isHeadingLike(String line) {
        if (line.length() > HEADING_MAX_CHARS || JunkRules.countWords(line) > HEADING_MAX_WORDS) {
            return false;
        }
        if (line.length() > HEADING_MAX_CJK_CHARS && isMostlyHanOrKana(line)) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (".!…:;,،؛\u06D4。！：；，、".indexOf(last) >= 0) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLetter(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
