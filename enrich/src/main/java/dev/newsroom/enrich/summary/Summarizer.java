package dev.newsroom.enrich.summary;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One or two sentences from the lead, or the source's own summary when it gave one (minus the feed's
 * truncation mark). Sentence breaks come from ICU, which knows the Arabic question mark and full stop; its
 * standard suppressions keep abbreviations such as "U.S." from ending a sentence.
 */
public final class Summarizer {
    private static final int ENOUGH = 140;
    private static final int MAX_SENTENCES = 2;
    /** Building an ICU sentence iterator (rules plus abbreviation suppressions) is costly: one per language and thread. */
    private static final ThreadLocal<Map<String, BreakIterator>> ITERATORS = ThreadLocal.withInitial(HashMap::new);

    private Summarizer() {
    }

    public static String summary(String sourceSummary, String lead, String language) {
        if (sourceSummary != null && !sourceSummary.isBlank()) {
            String clean = sourceSummary.strip().replaceAll("\\s*(\\[(…|&#8230;|\\.\\.\\.)\\]|…)$", "").strip();
            if (!clean.isEmpty()) {
                return clean;
            }
        }
        if (lead == null || lead.isBlank()) {
            return null;
        }
        List<String> sentences = sentences(lead, language);
        StringBuilder out = new StringBuilder();
        for (String s : sentences) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(s);
            if (out.length() >= ENOUGH) {
                break;
            }
        }
        return out.toString();
    }

    static List<String> sentences(String text, String language) {
        BreakIterator it = ITERATORS.get().computeIfAbsent(language == null ? "und" : language,
                l -> BreakIterator.getSentenceInstance(new ULocale(l + "@ss=standard")));
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE && out.size() < MAX_SENTENCES; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
