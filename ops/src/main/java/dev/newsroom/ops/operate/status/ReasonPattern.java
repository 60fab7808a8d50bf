package dev.newsroom.ops.operate.status;

import java.util.regex.Pattern;

/**
 * The shape of a dead-letter reason without its particulars: reasons name the input ("Document 'feed-17' is
 * empty"), so counting them verbatim would give every letter its own line. Quoted text becomes {@code '…'} and
 * numbers {@code N}.
 */
public final class ReasonPattern {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    private static final int WIDTH = 120;

    private ReasonPattern() {
    }

    public static String of(String reason) {
        String shape = NUMBER.matcher(QUOTED.matcher(reason).replaceAll("'…'")).replaceAll("N")
                .replaceAll("\\s+", " ").strip();
        return shape.length() <= WIDTH ? shape : shape.substring(0, WIDTH - 1) + "…";
    }
}
