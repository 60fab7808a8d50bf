package dev.newsroom.ingest.parse.feed;

import java.nio.charset.Charset;
import org.jsoup.nodes.Entities;

/** What {@link LenientXmlParser} needs to know of characters: names, and the references that stand for text. */
final class XmlCharacters {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private XmlCharacters() {
    }

    /** The text an entity or character reference stands for, or null when it is not one. */
    static String resolveEntity(String name) {
        switch (name) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            default:
                break;
        }
        if (name.charAt(0) == '#') {
            try {
                int codePoint = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    return "\uFFFD";
                }
                return codePoint >= 0x80 && codePoint <= 0x9F ? windows1252(codePoint) : new String(Character.toChars(codePoint));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
    }

    /**
     * A character reference to a C1 control (U+0080..U+009F) almost always means the windows-1252 character with that
     * byte value ({@code &#150;} for an en dash), as the reference parser reads it.
     */
    private static String windows1252(int codePoint) {
        String mapped = new String(new byte[] {(byte) codePoint}, WINDOWS_1252);
        return mapped.equals("\uFFFD") ? String.valueOf((char) codePoint) : mapped;
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c > 0x7F && Character.isLetter(c));
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '\u00B7' || (c > 0x7F && Character.isLetterOrDigit(c));
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
