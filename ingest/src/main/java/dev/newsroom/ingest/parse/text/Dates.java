package dev.newsroom.ingest.parse.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parsing of the date formats feeds and pages actually use, to UTC instants.
 *
 * <p>Written by hand because {@code DateTimeFormatter.RFC_1123_DATE_TIME} rejects what real feeds send: zone
 * abbreviations (EST, CEST, and the invalid ET, CT, MT, PT, AT the reference feed parser accepts), missing seconds,
 * two-digit years, wrong weekdays, full month names, ISO offsets without a colon, out-of-range days and times (31 June
 * is 1 July, 25:14 is 01:14 the next day, as the reference parser reads them). Also read: W3CDTF's partial dates
 * (2003, 2003-12), ISO 8601 ordinal dates (2003-335), asctime, MSSQL's "2004-07-08 23:56:58.0", year-first dates with
 * slashes, CJK dates (2004年7月8日, 2004년 7월 8일, 오전/오후, 2004-05-25 오후 11:23:17), Hungarian's 2004-július-13T9:15-05:00, and month and weekday names in Arabic (Egyptian and
 * Levantine), French, German, Spanish, Italian, Portuguese, Dutch, Russian, Greek, Hungarian, Turkish and Persian.
 * Arabic-Indic and Persian digits are read as digits. A value without a zone is taken as UTC (Korean dates as
 * Korea's time); a date without a time as midnight. Unparseable values give {@code null}, never an exception.
 */
public final class Dates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ]+(\\d{1,2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT|UT)?");
    private static final String TIME = "(?:\\s*[,|\\-–]?\\s*(?:at\\s+|à\\s+|a las\\s+|às\\s+|um\\s+|alle\\s+|saat\\s+)?"
            + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?)?";
    private static final String ZONE = "\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2}|(?:GMT|UTC)[+-]\\d{1,2}(?::?\\d{2})?)?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?:[\\p{L}]+\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\.?[\\s-]+([\\p{L}]+)\\.?,?[\\s-]+(\\d{2,4})"
                    + TIME + ZONE + "(?:\\s*\\(.*\\))?");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?:[\\p{L}]+\\.?,?\\s+)?([\\p{L}]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME + ZONE);
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
    private static final Pattern PARTIAL_W3C = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");
    private static final Pattern ORDINAL = Pattern.compile("(\\d{4})-?(\\d{3})");
    private static final Pattern YEAR_FIRST_SLASHED = Pattern.compile(
            "(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    /** asctime: "Sun Jan  4 16:29:06 PST 2004" or "Sun Jan 4 16:29:06 2004". */
    private static final Pattern ASCTIME = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?([A-Za-z]+)\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(?:([A-Za-z]{1,5})\\s+)?(\\d{4})");
    /** 2004年7月8日 12:30, 2004년 7월 8일 오후 3:05. */
    private static final Pattern CJK = Pattern.compile(
            "(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?[^\\d]*?"
                    + "(?:(오전|오후|上午|下午|午前|午後|AM|PM|am|pm)?\\s*(\\d{1,2})\\s*[:時时시点]\\s*(\\d{1,2})(?:\\s*[:分분]\\s*(\\d{1,2}))?)?\\D*");
    /** Korean feeds' "2004-05-25 오후 11:23:17" (오전 before noon, 오후 or 오 after). */
    private static final Pattern KOREAN_ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})\\s+(오전|오후|오)\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    /** Hungarian feeds' "2004-július-13T9:15-05:00": ISO with the month's name. */
    private static final Pattern NAMED_MONTH_ISO = Pattern.compile(
            "(\\d{4})-([\\p{L}]+)-(\\d{1,2})T(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(Z|[+-]\\d{1,2}:?\\d{2})?");
    private static final ZoneOffset KOREA = ZoneOffset.ofHours(9);

    /** Month names and abbreviations, lower-case, in the languages feeds are written in. */
    private static final Map<String, Integer> MONTHS = months(
            // English, French
            "jan january janvier janv", "feb february février fevrier févr fevr", "mar march mars",
            "apr april avril avr", "may mai", "jun june juin", "jul july juillet juil",
            "aug august août aout", "sep sept september septembre", "oct october octobre",
            "nov november novembre", "dec december décembre decembre déc",
            // German, Dutch
            "januar jänner januari", "februar februari", "märz mär maerz maart mrt", "", "mei", "juni", "juli",
            "augustus", "", "oktober okt", "", "dezember dez",
            // Spanish, Italian, Portuguese
            "enero ene gennaio gen janeiro", "febrero febbraio fevereiro fev", "marzo março marco", "abril aprile abr",
            "mayo maggio mag maio", "junio giugno giu junho", "julio luglio lug julho", "agosto ago",
            "septiembre setiembre settembre set setembro", "octubre ottobre ott outubro out",
            "noviembre novembro", "diciembre dic dicembre dezembro",
            // Russian (genitive and nominative), Hungarian
            "января январь янв január", "февраля февраль фев február", "марта март мар március", "апреля апрель апр április",
            "мая май május", "июня июнь июн június", "июля июль июл július", "августа август авг augusztus",
            "сентября сентябрь сен сент szeptember", "октября октябрь окт október", "ноября ноябрь ноя november",
            "декабря декабрь дек december",
            // Greek (genitive, nominative, abbreviations)
            "ιανουαρίου ιανουάριος ιαν", "φεβρουαρίου φεβρουάριος φεβ", "μαρτίου μάρτιος μάρ μαρ", "απριλίου απρίλιος απρ",
            "μαΐου μάιος μάι μαϊ μαΐ", "ιουνίου ιούνιος ιούν ιουν", "ιουλίου ιούλιος ιούλ ιουλ", "αυγούστου αύγουστος αύγ αυγ",
            "σεπτεμβρίου σεπτέμβριος σεπ", "οκτωβρίου οκτώβριος οκτ", "νοεμβρίου νοέμβριος νοέ νοε", "δεκεμβρίου δεκέμβριος δεκ",
            // Turkish
            "ocak", "şubat subat", "mart", "nisan", "mayıs mayis", "haziran", "temmuz", "ağustos agustos", "eylül eylul",
            "ekim", "kasım kasim", "aralık aralik",
            // Arabic: Egyptian/Gulf names with spelling variants, and Levantine names of one word
            "يناير", "فبراير فبرایر شباط", "مارس آذار اذار", "أبريل ابريل إبريل نيسان", "مايو أيار ايار", "يونيو يونيه حزيران",
            "يوليو يوليه تموز", "أغسطس اغسطس آب اب", "سبتمبر أيلول ايلول", "أكتوبر اكتوبر", "نوفمبر", "ديسمبر",
            // Persian (Gregorian months)
            "ژانویه", "فوریه", "", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر");

    /** Levantine month names of two words, and their variants without hamza, as the English name. */
    private static final Map<String, String> LEVANTINE = Map.of(
            "كانون الثاني", "Jan", "تشرين الأول", "Oct", "تشرين الاول", "Oct", "تشرين الثاني", "Nov",
            "كانون الأول", "Dec", "كانون الاول", "Dec");

    private static final Map<String, Integer> ZONE_MINUTES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
            Map.entry("ET", -300), Map.entry("CT", -360), Map.entry("MT", -420), Map.entry("PT", -480), Map.entry("AT", -240),
            Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600), Map.entry("AST", -240), Map.entry("ADT", -180),
            Map.entry("BST", 60), Map.entry("IST", 330), Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("MET", 60),
            Map.entry("MEST", 120), Map.entry("WEST", 60), Map.entry("EET", 120), Map.entry("EEST", 180), Map.entry("MSK", 180),
            Map.entry("JST", 540), Map.entry("KST", 540), Map.entry("HKT", 480), Map.entry("SGT", 480),
            Map.entry("AEST", 600), Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780));

    private Dates() {
    }

    /** The instant a date string denotes, or {@code null} when it is blank or not a date. */
    public static Instant parse(String raw) {
        if (raw == null) {
            return null;
        }
        String text = asciiDigits(raw).strip();
        if (text.isEmpty() || text.length() > 80) {
            return null;
        }
        try {
            Instant common = parseCommonShape(text);
            if (common != null) {
                return common;
            }
            Instant parsed = parseAsWritten(text);
            if (parsed != null) {
                return parsed;
            }
            String localized = localize(text);
            return localized.equals(text) ? null : parseAsWritten(localized);
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * The two shapes nearly every feed writes, read without a regular expression: RFC 822 as RSS sends it
     * ("Sun, 14 Dec 2025 07:30:00 +0000", zone GMT, UT, UTC, Z or a numeric offset) and ISO 8601 as Atom sends it
     * ("2025-12-14T07:30:00Z", optional fraction, Z or ±hh:mm). Each is exactly a string the general patterns read
     * with the same parts ({@code DAY_MONTH_YEAR} and {@code ISO}), handed to the same {@link #fromParts}; anything
     * else, including these shapes with a month name the table lacks, goes the general way.
     */
    private static Instant parseCommonShape(String text) {
        int length = text.length();
        if (length >= 20 && isDigits(text, 0, 4) && text.charAt(4) == '-' && isDigits(text, 5, 7) && text.charAt(7) == '-'
                && isDigits(text, 8, 10) && text.charAt(10) == 'T' && isDigits(text, 11, 13) && text.charAt(13) == ':'
                && isDigits(text, 14, 16) && text.charAt(16) == ':' && isDigits(text, 17, 19)) {
            int zoneAt = 19;
            String fraction = null;
            if (text.charAt(19) == '.') {
                int end = 20;
                while (end < length && end < 29 && isDigit(text.charAt(end))) {
                    end++;
                }
                if (end == 20) {
                    return null;
                }
                fraction = text.substring(20, end);
                zoneAt = end;
            }
            String zone = text.substring(zoneAt);
            boolean offset = zone.length() == 6 && (zone.charAt(0) == '+' || zone.charAt(0) == '-') && isDigits(zone, 1, 3)
                    && zone.charAt(3) == ':' && isDigits(zone, 4, 6);
            if (!zone.equals("Z") && !offset) {
                return null;
            }
            return fromParts(text.substring(0, 4), text.substring(5, 7), text.substring(8, 10), text.substring(11, 13),
                    text.substring(14, 16), text.substring(17, 19), fraction, null, zone, ZoneOffset.UTC);
        }
        int at = 0;
        if (length > 5 && isAsciiLetters(text, 0, 3) && text.charAt(3) == ',' && text.charAt(4) == ' ') {
            at = 5;
        }
        int dayEnd = at < length && isDigit(text.charAt(at)) ? (at + 1 < length && isDigit(text.charAt(at + 1)) ? at + 2 : at + 1) : at;
        int month = dayEnd + 1;
        int year = month + 4;
        int hour = year + 5;
        if (dayEnd == at || length < hour + 10 || text.charAt(dayEnd) != ' ' || !isAsciiLetters(text, month, month + 3)
                || text.charAt(month + 3) != ' ' || !isDigits(text, year, year + 4) || text.charAt(year + 4) != ' '
                || !isDigits(text, hour, hour + 2) || text.charAt(hour + 2) != ':' || !isDigits(text, hour + 3, hour + 5)
                || text.charAt(hour + 5) != ':' || !isDigits(text, hour + 6, hour + 8) || text.charAt(hour + 8) != ' ') {
            return null;
        }
        String zone = text.substring(hour + 9);
        boolean offset = zone.length() == 5 && (zone.charAt(0) == '+' || zone.charAt(0) == '-') && isDigits(zone, 1, 5);
        if (!offset && !zone.equals("GMT") && !zone.equals("UT") && !zone.equals("UTC") && !zone.equals("Z")) {
            return null;
        }
        String monthName = text.substring(month, month + 3);
        if (!MONTHS.containsKey(monthName.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return fromParts(text.substring(year, year + 4), monthName, text.substring(at, dayEnd), text.substring(hour, hour + 2),
                text.substring(hour + 3, hour + 5), text.substring(hour + 6, hour + 8), null, null, zone, ZoneOffset.UTC);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static Instant parseAsWritten(String text) {
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return fromParts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7), null, m.group(8),
                    ZoneOffset.UTC);
        }
        m = DAY_MONTH_YEAR.matcher(text);
        if (m.matches()) {
            return fromParts(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6), null, m.group(7), m.group(8),
                    ZoneOffset.UTC);
        }
        m = MONTH_DAY_YEAR.matcher(text);
        if (m.matches()) {
            return fromParts(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5), m.group(6), null, m.group(7), m.group(8),
                    ZoneOffset.UTC);
        }
        m = PARTIAL_W3C.matcher(text);
        if (m.matches()) {
            return fromParts(m.group(1), m.group(2) == null ? "1" : m.group(2), "1", null, null, null, null, null, null,
                    ZoneOffset.UTC);
        }
        m = ORDINAL.matcher(text);
        if (m.matches()) {
            int day = Integer.parseInt(m.group(2));
            return day < 1 || day > 366 ? null
                    : LocalDate.ofYearDay(Integer.parseInt(m.group(1)), day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        m = ASCTIME.matcher(text);
        if (m.matches()) {
            return fromParts(m.group(7), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), null, null, m.group(6),
                    ZoneOffset.UTC);
        }
        m = YEAR_FIRST_SLASHED.matcher(text);
        if (m.matches()) {
            return fromParts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), null, null, m.group(7),
                    ZoneOffset.UTC);
        }
        m = KOREAN_ISO.matcher(text);
        if (m.matches()) {
            return fromParts(m.group(1), m.group(2), m.group(3), m.group(5), m.group(6), m.group(7), null,
                    m.group(4).equals("오전") ? "AM" : "PM", null, KOREA);
        }
        m = CJK.matcher(text);
        if (m.matches()) {
            String marker = m.group(4);
            String amPm = marker == null ? null
                    : marker.equals("오전") || marker.equals("上午") || marker.equals("午前") || marker.equalsIgnoreCase("am") ? "AM" : "PM";
            boolean korean = text.indexOf('년') >= 0;
            return fromParts(m.group(1), m.group(2), m.group(3), m.group(5), m.group(6), m.group(7), null, amPm, null,
                    korean ? KOREA : ZoneOffset.UTC);
        }
        m = NAMED_MONTH_ISO.matcher(text);
        if (m.matches()) {
            return fromParts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), null, null, m.group(7),
                    ZoneOffset.UTC);
        }
        if (EPOCH.matcher(text).matches()) {
            long value = Long.parseLong(text);
            return text.length() >= 12 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        return null;
    }

    private static final Pattern SPANISH_DE = Pattern.compile("(?<=\\d)\\s+de\\s+(?=\\p{L})|(?<=\\p{L})\\s+de\\s+(?=\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FRENCH_HOUR = Pattern.compile("(\\d{1,2})h(\\d{2})");
    private static final Pattern ARABIC_AD_YEAR = Pattern.compile("(\\d{4})\\s*م(?![\\p{L}])");
    private static final Pattern ARABIC_MORNING = Pattern.compile("(?<=\\d)\\s*(صباحاً|صباحا|ص)(?![\\p{L}])");
    private static final Pattern ARABIC_EVENING = Pattern.compile("(?<=\\d)\\s*(مساءً|مساء|م)(?![\\p{L}])");
    private static final Pattern TRAILERS = Pattern.compile("\\s*(г\\.|года|Uhr|hs\\.?|h\\.)\\s*(?=$|[+-]|[A-Z]{2,5}$)");

    /**
     * Rewrites what the patterns do not read into what they do: the Arabic comma, Levantine two-word month names,
     * Arabic AM/PM and year markers, Spanish and Portuguese "de", French "10h30", trailing "Uhr" or "г.".
     */
    private static String localize(String text) {
        String out = text.replace('،', ',').replace('\u00A0', ' ');
        for (Map.Entry<String, String> levantine : LEVANTINE.entrySet()) {
            out = out.replace(levantine.getKey(), levantine.getValue());
        }
        out = ARABIC_AD_YEAR.matcher(out).replaceAll("$1");
        out = ARABIC_MORNING.matcher(out).replaceAll(" AM");
        out = ARABIC_EVENING.matcher(out).replaceAll(" PM");
        out = SPANISH_DE.matcher(out).replaceAll(" ");
        out = FRENCH_HOUR.matcher(out).replaceAll("$1:$2");
        out = TRAILERS.matcher(out).replaceAll(" ");
        return out.replaceAll("\\s+", " ").strip();
    }

    /**
     * An instant from a date's parts as written. The month must be one; a day up to 31 and times up to 99 roll over as
     * the reference parser reads them (31 June is 1 July).
     */
    private static Instant fromParts(String year, String month, String day, String hour, String minute, String second,
                                     String fraction, String amPm, String zone, ZoneOffset defaultZone) {
        Integer monthNumber = month.chars().allMatch(Character::isDigit) ? Integer.valueOf(month)
                : MONTHS.get(month.toLowerCase(Locale.ROOT));
        int dayNumber = Integer.parseInt(day);
        if (monthNumber == null || monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > 31) {
            return null;
        }
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            y += y < 70 ? 2000 : 1900;
        }
        LocalDateTime time = LocalDate.of(y, monthNumber, 1).plusDays(dayNumber - 1L).atStartOfDay();
        if (hour != null) {
            int h = Integer.parseInt(hour);
            if (amPm != null) {
                boolean pm = Character.toUpperCase(amPm.charAt(0)) == 'P';
                h = h % 12 + (pm ? 12 : 0);
            }
            time = time.plusHours(h).plusMinutes(Integer.parseInt(minute)).plusSeconds(second == null ? 0 : Integer.parseInt(second));
            if (fraction != null) {
                time = time.plusNanos(Integer.parseInt((fraction + "000000000").substring(0, 9)));
            }
        }
        return time.toInstant(zone == null || zone.isEmpty() ? defaultZone : offset(zone));
    }

    private static ZoneOffset offset(String zone) {
        String upper = zone.toUpperCase(Locale.ROOT);
        if (upper.startsWith("GMT") || upper.startsWith("UTC")) {
            upper = upper.length() > 3 ? upper.substring(3) : "Z";
            if (upper.equals("Z")) {
                return ZoneOffset.UTC;
            }
            if (upper.length() <= 3) {
                return ZoneOffset.ofHours(Integer.parseInt(upper));
            }
        }
        char sign = upper.charAt(0);
        if (sign == '+' || sign == '-') {
            String digits = upper.substring(1);
            int colon = digits.indexOf(':');
            int hours;
            int minutes;
            if (colon >= 0) {
                hours = Integer.parseInt(digits.substring(0, colon));
                minutes = Integer.parseInt(digits.substring(colon + 1));
            } else if (digits.length() <= 2) {
                hours = Integer.parseInt(digits);
                minutes = 0;
            } else {
                hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
                minutes = Integer.parseInt(digits.substring(digits.length() - 2));
            }
            int total = hours * 60 + minutes;
            return ZoneOffset.ofTotalSeconds((sign == '-' ? -total : total) * 60);
        }
        Integer minutes = ZONE_MINUTES.get(upper);
        // RFC 2822 says single-letter military zones are unreliable and should be read as UTC; unknown names likewise.
        return ZoneOffset.ofTotalSeconds(minutes == null ? 0 : minutes * 60);
    }

    private static Map<String, Integer> months(String... namesByMonth) {
        Map<String, Integer> months = new java.util.HashMap<>();
        for (int i = 0; i < namesByMonth.length; i++) {
            for (String name : namesByMonth[i].split(" ")) {
                if (!name.isEmpty()) {
                    months.putIfAbsent(name, i % 12 + 1);
                }
            }
        }
        return Map.copyOf(months);
    }

    /** Arabic-Indic (U+0660..) and extended Arabic-Indic (U+06F0..) digits to ASCII. */
    static String asciiDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char ascii = c;
            if (c >= '\u0660' && c <= '\u0669') {
                ascii = (char) ('0' + (c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                ascii = (char) ('0' + (c - '\u06F0'));
            }
            if (ascii != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(ascii);
            }
        }
        return out == null ? text : out.toString();
    }
}
