package dev.newsroom.ingest.parse.charset;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiTransform;

/**
 * Hebrew stored in display order ("visual" ISO-8859-8, as old Israeli sites and teletext wrote it: each line as it
 * appears on a left-to-right screen, Hebrew words spelled backwards) turned back into reading order.
 *
 * <p>Each line of text between two tags is one displayed line; ICU's inverse bidi algorithm gives its reading order.
 * Markup is left as it is: only its text was ever reversed.
 */
final class VisualHebrew {

    private VisualHebrew() {
    }

    static String toLogicalOrder(String visual) {
        BidiTransform transform = new BidiTransform();
        StringBuilder logical = new StringBuilder(visual.length());
        int start = 0;
        for (int i = 0; i <= visual.length(); i++) {
            char c = i < visual.length() ? visual.charAt(i) : '\n';
            boolean lineEnds = c == '\n' || c == '\r' || c == '<';
            if (!lineEnds) {
                continue;
            }
            logical.append(reorder(transform, visual.substring(start, i)));
            if (i == visual.length()) {
                break;
            }
            if (c == '<') {
                int close = visual.indexOf('>', i);
                int end = close < 0 ? visual.length() : close + 1;
                logical.append(visual, i, end);
                i = end - 1;
                start = end;
            } else {
                logical.append(c);
                start = i + 1;
            }
        }
        return logical.toString();
    }

    private static String reorder(BidiTransform transform, String line) {
        if (!hasHebrew(line)) {
            return line;
        }
        return transform.transform(line, Bidi.LTR, BidiTransform.Order.VISUAL, Bidi.RTL, BidiTransform.Order.LOGICAL,
                BidiTransform.Mirroring.ON, 0);
    }

    private static boolean hasHebrew(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '\u05D0' && c <= '\u05EA') {
                return true;
            }
        }
        return false;
    }
}
