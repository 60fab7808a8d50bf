package dev.newsroom.ingest.parse.charset;

import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns payload bytes into text, deciding the charset from the evidence rather than trusting any one declaration.
 *
 * <ol>
 *   <li>A byte order mark decides.</li>
 *   <li>Known binary signatures (PDF, images, archives) and stray NUL bytes are rejected as {@code UNDECODABLE}.</li>
 *   <li>Bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever was declared: multi-byte UTF-8 sequences
 *       do not happen by accident, and "declared ISO-8859-1, really UTF-8" is the commonest mislabel there is. So are
 *       bytes that are UTF-8 but for a few malformed sequences (a character cut by a byte-counting CMS): they decode
 *       with U+FFFD there, as in a browser. A U+FFFD written in the bytes themselves (a CMS that saved one) is a
 *       character like any other.</li>
 *   <li>ASCII with escape sequences is ISO-2022 (JP, KR or CN), as the sequences say.</li>
 *   <li>Otherwise the bytes are in a legacy code page, chosen by {@link LegacyCharsets}: the declarations first, then
 *       ICU's detector, each kept only when its strict decoding gives plausible text.</li>
 * </ol>
 * "Plausible" means: no unmapped bytes, and text that looks like writing in some script ({@link TextPlausibility}).
 */
public final class CharsetResolver {

    /** The text and the charset it was decoded with. */
    public record Decoded(String text, Charset charset) {
    }

    private static final byte ESC = 0x1B;
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final int PRESCAN_BYTES = 4096;

    private CharsetResolver() {
    }

    /**
     * Decodes {@code bytes}.
     *
     * @param declared charset declared by the transport (record field or content-type parameter); nullable
     * @param subject  how error messages name the document, e.g. {@code Document 'x' (text/html)}
     */
    public static Decoded decode(byte[] bytes, String declared, String subject) {
        Decoded withBom = decodeByBom(bytes, subject);
        if (withBom != null) {
            return withBom;
        }
        String binaryKind = binarySignature(bytes);
        if (binaryKind != null) {
            throw undecodable(subject, "it is binary data (" + binaryKind + "), not text");
        }
        Decoded utf16 = decodeUnmarkedUtf16(bytes);
        if (utf16 != null) {
            return utf16;
        }
        if (indexOf(bytes, (byte) 0) >= 0) {
            throw undecodable(subject, "it is binary data (NUL bytes), not text");
        }
        Charset declaredCharset = charsetOrNull(declared);
        if (isAscii(bytes)) {
            if (indexOf(bytes, ESC) >= 0) {
                Decoded iso2022 = decodeIso2022(bytes);
                if (iso2022 != null) {
                    return iso2022;
                }
            }
            Charset charset = declaredCharset != null && isAsciiCompatible(declaredCharset) ? declaredCharset : StandardCharsets.UTF_8;
            String text = new String(bytes, StandardCharsets.US_ASCII);
            requirePlausible(text, charset, subject);
            return new Decoded(text, charset);
        }
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        int replaced = count(utf8, '\uFFFD');
        if (replaced > 0) {
            // A U+FFFD the bytes spell out (EF BF BD) is a character the page holds, not a sequence the decoder
            // replaced; counted only here, so that clean UTF-8 is not read a second time.
            replaced -= literalReplacementCharacters(bytes);
        }
        if (replaced == 0) {
            requirePlausible(utf8, StandardCharsets.UTF_8, subject);
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        if (mostlyUtf8(utf8, replaced, bytes.length) && TextPlausibility.of(utf8).plausible()) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        return LegacyCharsets.decode(bytes, declared, subject);
    }

    /** The charset named by an XML declaration or an HTML meta tag near the start of the document, or {@code null}. */
    static String declaredInDocument(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) {
            return xml.group(1);
        }
        Matcher meta = META_CHARSET.matcher(head);
        return meta.find() ? meta.group(1) : null;
    }

    /**
     * Japanese, Korean and Chinese mail-era encodings are 7-bit, switching character sets with escape sequences:
     * ASCII bytes with ESC in them. The sequence names the encoding.
     */
    private static Decoded decodeIso2022(byte[] bytes) {
        String ascii = new String(bytes, StandardCharsets.US_ASCII);
        String name = ascii.contains("\u001B$)C") ? "ISO-2022-KR"
                : ascii.contains("\u001B$)A") || ascii.contains("\u001B$)G") || ascii.contains("\u001B$*H") ? "ISO-2022-CN"
                : ascii.contains("\u001B$B") || ascii.contains("\u001B$@") || ascii.contains("\u001B(J") ? "ISO-2022-JP"
                : null;
        if (name == null || !Charset.isSupported(name)) {
            return null;
        }
        Charset charset = Charset.forName(name);
        String text = strictDecode(bytes, charset);
        return text != null && TextPlausibility.of(text).plausible() ? new Decoded(text, charset) : null;
    }

    private static Decoded decodeByBom(byte[] bytes, String subject) {
        Charset charset = null;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32BE");
            skip = 4;
        } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
            skip = 4;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        if (charset == null) {
            return null;
        }
        String text = strictDecode(bytes, skip, charset);
        if (text == null) {
            throw undecodable(subject, "it starts with a " + charset.name() + " byte order mark but is not valid " + charset.name());
        }
        requirePlausible(text, charset, subject);
        return new Decoded(text, charset);
    }

    /** UTF-16 without a BOM shows as every other byte being NUL for ASCII-range text. */
    private static Decoded decodeUnmarkedUtf16(byte[] bytes) {
        if (bytes.length < 4 || bytes.length % 2 != 0) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        int pairs = Math.min(bytes.length / 2, 512);
        for (int i = 0; i < pairs; i++) {
            if (bytes[2 * i] == 0) {
                evenZeros++;
            }
            if (bytes[2 * i + 1] == 0) {
                oddZeros++;
            }
        }
        Charset charset = null;
        if (evenZeros > pairs * 0.6 && oddZeros == 0) {
            charset = StandardCharsets.UTF_16BE;
        } else if (oddZeros > pairs * 0.6 && evenZeros == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        if (charset == null) {
            return null;
        }
        String text = strictDecode(bytes, charset);
        return text != null && TextPlausibility.of(text).plausible() ? new Decoded(text, charset) : null;
    }

    private static void requirePlausible(String text, Charset charset, String subject) {
        TextPlausibility plausibility = TextPlausibility.of(text);
        if (!plausibility.plausible()) {
            throw undecodable(subject, "decoded as " + charset.name() + " it is not text (" + plausibility.problem() + ")");
        }
    }

    private static String binarySignature(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "PDF";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "PNG image";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "GIF image";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip-compressed; producers must send it decompressed";
        }
        if (startsWith(b, 'P', 'K', 0x03, 0x04)) {
            return "ZIP archive";
        }
        if (startsWith(b, 'R', 'I', 'F', 'F')) {
            return "RIFF media";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiCompatible(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return !(name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.startsWith("IBM") || name.contains("EBCDIC"));
    }

    static Charset charsetOrNull(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String cleaned = name.strip().replace("\"", "").replace("'", "");
        try {
            Charset charset = Charset.forName(cleaned);
            // ISO-8859-1 labels are windows-1252 in practice (as the WHATWG encoding standard says): same letters, plus curly quotes.
            if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
                return Charset.forName("windows-1252");
            }
            return charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // Logical Hebrew has its own label, which Java does not know; the bytes are those of ISO-8859-8.
            return LegacyCharsets.isLogicalHebrewLabel(cleaned) ? Charset.forName("ISO-8859-8") : null;
        }
    }

    /**
     * UTF-8 but for a few malformed sequences: a character cut in two where a CMS truncated a string by bytes, or a
     * stray byte from a pasted legacy snippet. A legacy code page read as UTF-8 is malformed at nearly every non-ASCII
     * byte, so at least 50 good multi-byte characters per bad one, and a handful per page at most, tell them apart.
     */
    private static boolean mostlyUtf8(String text, int replaced, int byteCount) {
        int multiByte = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F && c != '\uFFFD') {
                multiByte++;
            }
        }
        return multiByte >= 50 * replaced && replaced <= 2 + byteCount / 5000;
    }

    private static int literalReplacementCharacters(byte[] bytes) {
        int count = 0;
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xEF && bytes[i + 1] == (byte) 0xBF && bytes[i + 2] == (byte) 0xBD) {
                count++;
                i += 2;
            }
        }
        return count;
    }

    private static int count(String text, char wanted) {
        int count = 0;
        for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
            count++;
        }
        return count;
    }

    static String strictDecode(byte[] bytes, Charset charset) {
        return strictDecode(bytes, 0, charset);
    }

    private static String strictDecode(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            String text = chars.toString();
            return text.indexOf('\uFFFD') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static RejectedDocumentException undecodable(String subject, String why) {
        return new RejectedDocumentException(RejectedDocumentException.Reason.UNDECODABLE, subject + " cannot be decoded as text: " + why);
    }
}
