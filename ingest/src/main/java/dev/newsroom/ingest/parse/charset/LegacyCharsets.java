package dev.newsroom.ingest.parse.charset;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses the charset of bytes that are neither ASCII nor UTF-8: a legacy code page, single- or multi-byte.
 *
 * <p>Candidates, in order: the transport's declaration, the document's own (XML declaration, {@code <meta charset>}),
 * then ICU's detector by confidence, then the code pages ICU does not know (TIS-620/windows-874 for Thai) or that the
 * seed's Arabic sources use undeclared (windows-1256). Each candidate is followed by the superset that documents
 * labelled with it are in practice (EUC-KR text in windows-949, Shift_JIS in windows-31j, ISO-8859-8 in windows-1255,
 * GB2312 in GB18030, ...), since one character beyond the base set would otherwise make a whole document undecodable.
 * The first candidate whose strict decoding is {@linkplain TextPlausibility plausible} wins, so a declaration is
 * overruled only when the bytes clearly say it is wrong.
 *
 * <p>Where ICU alone falls short, and what covers it:
 * <ul>
 *   <li>ICU ranks by statistics only; a candidate it ranks first can still decode to nonsense (KOI8-R read from
 *       Shift_JIS bytes is box drawing and Cyrillic), so every candidate must also pass the plausibility checks;</li>
 *   <li>ICU has no Thai recogniser, and names logical Hebrew {@code ISO-8859-8-I}, which Java does not know;</li>
 *   <li>ICU names visual Hebrew {@code ISO-8859-8}; its text is stored in display order, which is turned back into
 *       reading order ({@link VisualHebrew});</li>
 *   <li>ICU takes Greek windows-1253 for ISO-8859-7 unless it has windows-1253's curly quotes, and the two differ
 *       on Ά; a quote opening a Greek word settles it;</li>
 *   <li>with ten multi-byte characters or fewer ICU gives every CJK charset the same lowest confidence, and its
 *       single-byte statistics need more than a headline: a short text without a usable declaration that another
 *       candidate about as likely reads differently, and as plausibly, is rejected as too short to tell (naming both
 *       readings) rather than published as a guess. A declared charset is used, however short the text, whenever it
 *       reads plausibly.</li>
 * </ul>
 */
final class LegacyCharsets {

    private static final int MIN_DETECTOR_CONFIDENCE = 10;
    /** Candidates within this many points of ICU's confidence in the winner are rivals for a short text. */
    private static final int TIE_MARGIN = 10;
    /** Fewer bytes beyond ASCII than this and the statistics behind a detected charset are thin. (Fallbacks, which
     *  ICU does not rank, count as confidence 0: rivals only of a winner ICU is barely sure of.) */
    private static final int SHORT_TEXT_BYTES = 256;
    private static final int DETECTOR_BYTES = 64 * 1024;

    private static final Charset ISO_8859_8 = Charset.forName("ISO-8859-8");
    private static final Pattern LOGICAL_HEBREW = Pattern.compile("ISO[-_]?8859[-_]8[-_]I|csISO88598I|logical", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final Charset ISO_8859_7 = Charset.forName("ISO-8859-7");
    private static final Charset WINDOWS_1253 = Charset.forName("windows-1253");
    private static final Charset TIS_620 = Charset.forName("TIS-620");
    private static final Map<Charset, Charset> SUPERSETS = supersets();

    private LegacyCharsets() {
    }

    private static Map<Charset, Charset> supersets() {
        Map<Charset, Charset> supersets = new HashMap<>();
        String[][] pairs = {{"EUC-KR", "x-windows-949"}, {"Shift_JIS", "windows-31j"}, {"Big5", "Big5-HKSCS"},
                {"GB2312", "GB18030"}, {"GBK", "GB18030"}, {"ISO-8859-8", "windows-1255"}, {"TIS-620", "x-windows-874"},
                {"ISO-8859-9", "windows-1254"}, {"KOI8-R", "KOI8-U"}};
        for (String[] pair : pairs) {
            if (Charset.isSupported(pair[0]) && Charset.isSupported(pair[1])) {
                supersets.put(Charset.forName(pair[0]), Charset.forName(pair[1]));
            }
        }
        return Map.copyOf(supersets);
    }

    /** Where a candidate came from. */
    private enum Source { DECLARED, DETECTED, FALLBACK }

    /** A charset to try; {@code visual} for Hebrew stored in display order. */
    private record Candidate(Charset charset, boolean visual, Source source, int confidence) {
    }

    /** A candidate's strict decoding ({@code null} when the bytes are not valid in it) and what the checks made of it. */
    private record Reading(Candidate candidate, String text, TextPlausibility plausibility, String problem) {
        boolean plausible() {
            return text != null && problem == null;
        }
    }

    /**
     * @param transportLabel the charset the transport declared, as written; nullable
     */
    static CharsetResolver.Decoded decode(byte[] bytes, String transportLabel, String subject) {
        Readings readings = new Readings(bytes);
        String inDocumentLabel = CharsetResolver.declaredInDocument(bytes);
        Charset transport = CharsetResolver.charsetOrNull(transportLabel);
        Charset inDocument = CharsetResolver.charsetOrNull(inDocumentLabel);
        List<Detection> detections = null;
        String[] labels = {transportLabel, inDocumentLabel};
        Charset[] declarations = {transport, inDocument};
        for (int d = 0; d < declarations.length; d++) {
            Charset declared = declarations[d];
            if (declared == null) {
                continue;
            }
            boolean visual = false;
            if (declared.equals(ISO_8859_8) && !isLogicalHebrewLabel(labels[d])) {
                detections = detections == null ? detect(bytes) : detections;
                visual = icuSaysVisual(detections);
            }
            for (Candidate candidate : withSuperset(new Candidate(declared, visual, Source.DECLARED, 100))) {
                Reading reading = readings.read(candidate);
                if (reading.plausible()) {
                    return decoded(reading);
                }
            }
        }
        detections = detections == null ? detect(bytes) : detections;
        List<Candidate> candidates = new ArrayList<>();
        for (Detection detection : detections) {
            candidates.addAll(withSuperset(new Candidate(detection.charset(), detection.visual(), Source.DETECTED, detection.confidence())));
        }
        candidates.add(new Candidate(WINDOWS_1256, false, Source.FALLBACK, 0));
        candidates.addAll(withSuperset(new Candidate(TIS_620, false, Source.FALLBACK, 0)));
        String declaredPart = transport != null ? notAsDeclared(readings.read(candidate(transport)), "as declared")
                : inDocument != null ? notAsDeclared(readings.read(candidate(inDocument)), "as its own declaration says")
                : "no charset was declared";
        for (int i = 0; i < candidates.size(); i++) {
            Reading reading = readings.read(candidates.get(i));
            if (reading.plausible() && inItsScript(reading)) {
                if (reading.candidate().source() == Source.DETECTED && nonAsciiBytes(bytes) < SHORT_TEXT_BYTES) {
                    requireNoRival(reading, candidates.subList(i + 1, candidates.size()), readings, declaredPart, subject);
                }
                return decoded(windows1253IfSo(reading, readings));
            }
        }
        throw CharsetResolver.undecodable(subject, declaredPart + ", and no other charset gives plausible text (tried "
                + String.join(", ", readings.tried()) + ")");
    }

    /**
     * ICU names ISO-8859-7 for Greek in windows-1253 unless it sees the C1 punctuation of windows-1253, yet the two
     * differ where Greek needs it most: 0xA2 is Ά in windows-1253 and ’ in ISO-8859-7. A ’ opening a Greek word is Ά.
     */
    private static Reading windows1253IfSo(Reading reading, Readings readings) {
        if (!reading.candidate().charset().equals(ISO_8859_7) || !quoteOpensGreekWord(reading.text())) {
            return reading;
        }
        Candidate candidate = reading.candidate();
        Reading windows = readings.read(new Candidate(WINDOWS_1253, false, candidate.source(), candidate.confidence()));
        return windows.plausible() ? windows : reading;
    }

    private static boolean quoteOpensGreekWord(String text) {
        for (int i = text.indexOf('\u2019'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\u2019', i + 1)) {
            char next = text.charAt(i + 1);
            boolean greekFollows = next >= '\u0370' && next <= '\u03FF' && Character.isLetter(next);
            if (greekFollows && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static Candidate candidate(Charset declared) {
        return new Candidate(declared, false, Source.DECLARED, 100);
    }

    private static String notAsDeclared(Reading reading, String how) {
        String name = reading.candidate().charset().name();
        return reading.text() == null ? "it is not valid " + name + " " + how
                : "read as " + name + ", " + how + ", it is not text (" + reading.problem() + ")";
    }

    /** The fallbacks are for documents in their script only: windows-1256 for Arabic, TIS-620 for Thai. */
    private static boolean inItsScript(Reading reading) {
        if (reading.candidate().source() != Source.FALLBACK) {
            return true;
        }
        TextPlausibility plausibility = reading.plausibility();
        return reading.candidate().charset().equals(WINDOWS_1256) ? plausibility.arabicShare() >= 0.5 : plausibility.thaiShare() >= 0.5;
    }

    /**
     * A short undeclared text that another candidate, about as likely by ICU's statistics, reads differently and just
     * as plausibly, cannot be told: it is rejected with both readings, so the producer can declare the charset.
     */
    private static void requireNoRival(Reading winner, List<Candidate> others, Readings readings, String declaredPart, String subject) {
        Candidate won = winner.candidate();
        Map<String, String> readingsByCharset = new LinkedHashMap<>();
        readingsByCharset.put(winner.text(), won.charset().name());
        for (Candidate other : others) {
            // ICU offers UTF-16 for any even-length bytes, at its lowest confidence; unmarked UTF-16 was ruled out before.
            boolean utf16 = other.charset().name().startsWith("UTF-");
            if (utf16 || other.confidence() < won.confidence() - TIE_MARGIN || sameFamily(won.charset(), other.charset())) {
                continue;
            }
            Reading rival = readings.read(other);
            if (rival.plausible() && inItsScript(rival)) {
                readingsByCharset.putIfAbsent(rival.text(), other.charset().name());
            }
        }
        if (readingsByCharset.size() > 1) {
            List<String> described = readingsByCharset.entrySet().stream()
                    .map(reading -> reading.getValue() + " reads \"" + excerpt(reading.getKey()) + "\"").toList();
            throw CharsetResolver.undecodable(subject, declaredPart + ", and it is too short to tell its charset: "
                    + String.join(", ", described) + "; declare its charset");
        }
    }

    /** A charset and the superset documents labelled with it are in practice. */
    private static boolean sameFamily(Charset a, Charset b) {
        return a.equals(b) || b.equals(SUPERSETS.get(a)) || a.equals(SUPERSETS.get(b));
    }

    private static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }

    private static CharsetResolver.Decoded decoded(Reading reading) {
        String text = reading.candidate().visual() ? VisualHebrew.toLogicalOrder(reading.text()) : reading.text();
        return new CharsetResolver.Decoded(text, reading.candidate().charset());
    }

    private static List<Candidate> withSuperset(Candidate candidate) {
        Charset superset = SUPERSETS.get(candidate.charset());
        if (superset == null) {
            return List.of(candidate);
        }
        return List.of(candidate, new Candidate(superset, candidate.visual(), candidate.source(), candidate.confidence()));
    }

    private static int nonAsciiBytes(byte[] bytes) {
        int count = 0;
        for (byte b : bytes) {
            if (b < 0) {
                count++;
            }
        }
        return count;
    }

    /** A charset ICU's detector proposes, its confidence, and for Hebrew whether ICU takes it for visual order. */
    private record Detection(Charset charset, boolean visual, int confidence) {
    }

    private static List<Detection> detect(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(true);
        // ICU's n-gram recognisers read every byte they are given, about 1 ms per 3 KB: a prefix is evidence enough.
        detector.setText(bytes.length <= DETECTOR_BYTES ? bytes : Arrays.copyOf(bytes, DETECTOR_BYTES));
        List<Detection> detections = new ArrayList<>();
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() < MIN_DETECTOR_CONFIDENCE) {
                break;
            }
            String name = match.getName();
            Charset charset = CharsetResolver.charsetOrNull(name);
            if (charset != null) {
                boolean visual = charset.equals(ISO_8859_8) && !isLogicalHebrewLabel(name);
                detections.add(new Detection(charset, visual, match.getConfidence()));
            }
        }
        return detections;
    }

    /** Whether ICU finds the Hebrew in these bytes likelier in display order than in reading order. */
    private static boolean icuSaysVisual(List<Detection> detections) {
        for (Detection detection : detections) {
            if (detection.charset().equals(ISO_8859_8)) {
                return detection.visual();
            }
        }
        return false;
    }

    /** {@code ISO-8859-8-I} (ICU's and the IANA name for logical Hebrew); plain {@code ISO-8859-8} is visual to ICU. */
    static boolean isLogicalHebrewLabel(String name) {
        return name != null && LOGICAL_HEBREW.matcher(name.strip()).matches();
    }

    /** Strict decodings made so far, so that no charset is decoded twice, and the names tried, for the error. */
    private static final class Readings {
        private final byte[] bytes;
        private final Map<Charset, Reading> byCharset = new LinkedHashMap<>();

        Readings(byte[] bytes) {
            this.bytes = bytes;
        }

        Reading read(Candidate candidate) {
            Reading known = byCharset.get(candidate.charset());
            if (known == null) {
                String text = CharsetResolver.strictDecode(bytes, candidate.charset());
                TextPlausibility plausibility = text == null ? null : TextPlausibility.of(text);
                String problem = text == null ? "not valid " + candidate.charset().name() : plausibility.legacyProblem();
                known = new Reading(candidate, text, plausibility, problem);
                byCharset.put(candidate.charset(), known);
            }
            return new Reading(candidate, known.text(), known.plausibility(), known.problem());
        }

        List<String> tried() {
            return byCharset.keySet().stream().map(Charset::name).toList();
        }
    }
}
