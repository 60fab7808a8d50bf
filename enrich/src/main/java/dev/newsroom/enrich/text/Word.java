package dev.newsroom.enrich.text;

import java.util.Set;
import java.util.function.ToIntBiFunction;
import java.util.function.UnaryOperator;

/**
 * One distinct folded word of a language as the lexicons read it: its stem, and what each lexicon or model found
 * for it the first time it asked (a stop word? a phrase's first word? which row of the section model?), so the
 * next occurrence, in this document or a later one, costs a field read instead of a string hash lookup per reader.
 * A reader keys its memo by an object of its own (a model, a language's lexicon), so a word never answers one
 * reader with another's value. Each memo is one immutable object, written in one step: a word seen from two
 * threads at worst computes a value twice.
 */
public final class Word {
    /** The section model's unigram row. */
    public static final int SECTION_ROW = 0;
    /** Whether the keyword list leaves the word out whatever the document (stop word, too short, a number). */
    public static final int KEYWORD_EXCLUDED = 1;
    /** Whether a topic lexicon phrase begins with the word's stem. */
    public static final int TOPIC_START = 2;
    /** Whether an advisory trigger phrase begins with the word's stem. */
    public static final int ADVISORY_START = 3;
    private static final int SLOTS = 4;

    private final String folded;
    private final String stem;
    private final Memo[] memos = new Memo[SLOTS];
    private Display display;

    Word(String folded, String stem) {
        this.folded = folded;
        this.stem = stem;
    }

    public String folded() {
        return folded;
    }

    public String stem() {
        return stem;
    }

    /** What {@code owner} remembered in {@code slot}, or {@code absent} if it remembered nothing there yet. */
    public int memo(int slot, Object owner, int absent) {
        Memo m = memos[slot];
        return m != null && m.owner == owner ? m.value : absent;
    }

    /** Remembers {@code value} for {@code owner} in {@code slot} (replacing another owner's) and returns it. */
    public int remember(int slot, Object owner, int value) {
        memos[slot] = new Memo(owner, value);
        return value;
    }

    /** What {@code owner} remembered in {@code slot}, computed from this word and the owner the first time it asks. */
    public <O> int memo(int slot, O owner, ToIntBiFunction<Word, O> compute) {
        Memo m = memos[slot];
        return m != null && m.owner == owner ? m.value : remember(slot, owner, compute.applyAsInt(this, owner));
    }

    /**
     * Whether {@code stems} holds this word's stem, remembered in {@code slot} for that set: a lexicon that loads
     * more words makes a new set, so no word keeps an answer from before.
     */
    public boolean stemIn(int slot, Set<String> stems) {
        return memo(slot, stems, (word, set) -> set.contains(word.stem()) ? 1 : 0) == 1;
    }

    /**
     * {@code form} of a written form of this word: the last one is remembered, and a word is mostly written the same
     * way each time. {@code form} must depend on its argument alone.
     */
    public String display(String written, UnaryOperator<String> form) {
        Display d = display;
        if (d != null && d.written.equals(written)) {
            return d.form;
        }
        String shown = form.apply(written);
        display = new Display(written, shown);
        return shown;
    }

    private record Memo(Object owner, int value) {
    }

    private record Display(String written, String form) {
    }
}
