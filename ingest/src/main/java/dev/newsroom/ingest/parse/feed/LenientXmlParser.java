package dev.newsroom.ingest.parse.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a feed's XML into {@link XmlElement}s, recovering from the faults real feeds have, as the reference feed parser
 * does, and recording each one.
 *
 * <p>Our own because the XML parsers at hand stop at the first fault (one bare {@code &} or an HTML entity such as
 * {@code &nbsp;} loses a whole feed) and need a DTD pass to be safe. This one never reads a DTD: external entities are
 * never fetched and declared entities never expanded, so it cannot be made to read files or blow up memory. It
 * recovers from: HTML named entities (resolved), bare {@code &} and {@code <} (kept as text), undefined entities (kept
 * as written), end tags that close the wrong element (the open ones are closed up to the match; a stray end tag is
 * ignored), unquoted or valueless attributes, undeclared namespace prefixes (mapped to the namespace that prefix
 * conventionally names), text after the root element. What it cannot recover from is reported in {@link Result}: no
 * root element, a document that ends before its root element closes (cut off), nesting deeper than {@value #MAX_DEPTH}.
 */
final class LenientXmlParser {

    static final int MAX_DEPTH = 256;
    private static final int MAX_PROBLEMS_KEPT = 20;

    /** A fault the parser recovered from or stopped at, with where it is. */
    record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return message + " at line " + line + ", column " + column;
        }
    }

    /**
     * What the parser made of a document.
     *
     * @param root              the root element, or {@code null} when there is none
     * @param problems          faults recovered from, in document order (the first {@value #MAX_PROBLEMS_KEPT})
     * @param problemCount      how many faults there were in all
     * @param cutOff            the document ends before its root element closes (what it ends inside is in
     *                          {@code fatal})
     * @param tooDeep           elements nest deeper than {@value #MAX_DEPTH}
     * @param declaresEntities  a DOCTYPE declares entities (never expanded; the caller refuses such documents)
     * @param fatal             the fault that makes the document unusable, or {@code null}
     */
    record Result(XmlElement root, List<Problem> problems, int problemCount, boolean cutOff, boolean tooDeep,
                  boolean declaresEntities, Problem fatal) {
    }

    private final String text;
    private final int length;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Where the next line feed at or after {@link #pos} is ({@link #length} when none), so counting lines is linear. */
    private int nextLineFeed = -1;
    private final List<Problem> problems = new ArrayList<>();
    private int problemCount;
    private boolean declaresEntities;
    private final StringBuilder pendingText = new StringBuilder();

    private LenientXmlParser(String text) {
        this.text = text;
        this.length = text.length();
    }

    static Result parse(String text) {
        return new LenientXmlParser(text).run();
    }

    private Result run() {
        if (length > 0 && text.charAt(0) == '\uFEFF') {
            pos = 1;
        }
        XmlElement root = null;
        XmlElement current = null;
        int depth = 0;
        boolean rootDone = false;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c != '<') {
                int next = nextMarkup(pos);
                if (current != null) {
                    readText(pos, next);
                } else if (!isBlank(pos, next)) {
                    problem(rootDone ? "text after the root element" : "text before the root element");
                }
                advanceTo(next);
                continue;
            }
            if (text.startsWith("<!--", pos)) {
                skipPast("-->", "a comment is never closed");
            } else if (text.startsWith("<![CDATA[", pos)) {
                int end = text.indexOf("]]>", pos + 9);
                if (end < 0) {
                    problem("a CDATA section is never closed");
                    end = length;
                }
                if (current != null) {
                    pendingText.append(text, pos + 9, end);
                }
                advanceTo(Math.min(length, end + 3));
            } else if (text.startsWith("<!", pos)) {
                skipDeclaration();
            } else if (text.startsWith("<?", pos)) {
                skipPast("?>", "a processing instruction is never closed");
            } else if (pos + 1 < length && text.charAt(pos + 1) == '/') {
                flushText(current);
                int tagLine = line;
                int tagColumn = pos - lineStart + 1;
                String name = readEndTag();
                if (name == null) {
                    continue;
                }
                XmlElement match = current;
                while (match != null && !match.qualifiedName.equals(name)) {
                    match = match.parent;
                }
                if (match == null) {
                    problems(tagLine, tagColumn, "end tag </" + name + "> matches no open element; ignored");
                    continue;
                }
                for (XmlElement open = current; open != match; open = open.parent) {
                    problems(tagLine, tagColumn, "<" + open.qualifiedName + "> (line " + open.line + ") closed by </" + name + ">");
                    open.closed = true;
                    depth--;
                }
                match.closed = true;
                depth--;
                current = match.parent;
                if (current == null) {
                    rootDone = true;
                }
            } else if (pos + 1 < length && XmlCharacters.isNameStart(text.charAt(pos + 1))) {
                flushText(current);
                if (rootDone || (root != null && current == null)) {
                    problem("markup after the root element; ignored");
                    skipTag();
                    continue;
                }
                int tagLine = line;
                int tagColumn = pos - lineStart + 1;
                XmlElement element = readStartTag(current, tagLine);
                if (element == null) {
                    Problem fatal = new Problem(tagLine, tagColumn, "the document ends inside a tag");
                    return result(root, true, false, fatal);
                }
                if (depth >= MAX_DEPTH) {
                    Problem fatal = new Problem(tagLine, tagColumn, "elements nest more than " + MAX_DEPTH + " deep");
                    return result(root, false, true, fatal);
                }
                if (current == null) {
                    root = element;
                } else {
                    current.add(element);
                }
                if (!element.closed) {
                    current = element;
                    depth++;
                }
            } else {
                problem("a '<' that starts no tag; kept as text");
                if (current != null) {
                    pendingText.append('<');
                }
                advanceTo(pos + 1);
            }
        }
        flushText(current);
        if (root == null) {
            return result(null, false, false, new Problem(line, pos - lineStart + 1, "there is no root element"));
        }
        if (current != null) {
            StringBuilder open = new StringBuilder();
            for (XmlElement element = current; element != null; element = element.parent) {
                open.append(open.length() == 0 ? "" : " in ").append('<').append(element.qualifiedName).append("> (line ")
                        .append(element.line).append(')');
            }
            return result(root, true, false, new Problem(line, pos - lineStart + 1, "the document ends inside " + open));
        }
        return result(root, false, false, null);
    }

    private Result result(XmlElement root, boolean cutOff, boolean tooDeep, Problem fatal) {
        return new Result(root, List.copyOf(problems), problemCount, cutOff, tooDeep, declaresEntities, fatal);
    }

    private int nextMarkup(int from) {
        int next = text.indexOf('<', from);
        return next < 0 ? length : next;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Text from {@code from} to {@code to}, entities resolved, into the pending text of the open element. */
    private void readText(int from, int to) {
        int amp = indexOf('&', from, to);
        if (amp < 0) {
            pendingText.append(text, from, to);
            return;
        }
        appendDecoded(pendingText, from, to);
    }

    private void flushText(XmlElement current) {
        if (pendingText.length() > 0) {
            if (current != null) {
                current.add(pendingText.toString());
            }
            pendingText.setLength(0);
        }
    }

    /** Appends {@code text[from, to)} with character and entity references resolved, recovering from bad ones. */
    private void appendDecoded(StringBuilder out, int from, int to) {
        int i = from;
        while (i < to) {
            int amp = indexOf('&', i, to);
            if (amp < 0) {
                out.append(text, i, to);
                return;
            }
            out.append(text, i, amp);
            int semicolon = -1;
            for (int j = amp + 1; j < to && j <= amp + 34; j++) {
                char c = text.charAt(j);
                if (c == ';') {
                    semicolon = j;
                    break;
                }
                if (!(XmlCharacters.isAsciiLetterOrDigit(c) || c == '#')) {
                    break;
                }
            }
            if (semicolon < 0 || semicolon == amp + 1) {
                problemAt(amp, "a bare '&' that starts no entity; kept as text");
                out.append('&');
                i = amp + 1;
                continue;
            }
            String name = text.substring(amp + 1, semicolon);
            String value = XmlCharacters.resolveEntity(name);
            if (value == null) {
                problemAt(amp, "undefined entity &" + name + "; kept as written");
                out.append(text, amp, semicolon + 1);
            } else {
                out.append(value);
            }
            i = semicolon + 1;
        }
    }

    /** Start tag at {@code pos}; {@code null} when the document ends inside it. */
    private XmlElement readStartTag(XmlElement parent, int tagLine) {
        int nameStart = pos + 1;
        int nameEnd = nameEnd(nameStart);
        XmlElement element = new XmlElement(text.substring(nameStart, nameEnd), parent, tagLine);
        List<String> attributes = null;
        int i = nameEnd;
        while (true) {
            i = skipSpace(i);
            if (i >= length) {
                advanceTo(length);
                return null;
            }
            char c = text.charAt(i);
            if (c == '>') {
                i++;
                break;
            }
            if (c == '/' && i + 1 < length && text.charAt(i + 1) == '>') {
                element.closed = true;
                i += 2;
                break;
            }
            if (c == '<') {
                problemAt(i, "tag <" + element.qualifiedName + "> is not closed with '>'");
                break;
            }
            if (!XmlCharacters.isNameStart(c)) {
                problemAt(i, "unexpected '" + c + "' in tag <" + element.qualifiedName + ">; skipped");
                i++;
                continue;
            }
            int attributeEnd = nameEnd(i);
            String name = text.substring(i, attributeEnd);
            i = skipSpace(attributeEnd);
            String value;
            if (i < length && text.charAt(i) == '=') {
                i = skipSpace(i + 1);
                if (i >= length) {
                    advanceTo(length);
                    return null;
                }
                char quote = text.charAt(i);
                int valueStart;
                int valueEnd;
                if (quote == '"' || quote == '\'') {
                    valueStart = i + 1;
                    valueEnd = text.indexOf(quote, valueStart);
                    if (valueEnd < 0) {
                        advanceTo(length);
                        return null;
                    }
                    i = valueEnd + 1;
                } else {
                    problemAt(i, "attribute " + name + " has an unquoted value");
                    valueStart = i;
                    valueEnd = i;
                    while (valueEnd < length && !Character.isWhitespace(text.charAt(valueEnd)) && text.charAt(valueEnd) != '>') {
                        valueEnd++;
                    }
                    i = valueEnd;
                }
                StringBuilder decoded = new StringBuilder(valueEnd - valueStart);
                appendDecoded(decoded, valueStart, valueEnd);
                value = decoded.toString();
            } else {
                problemAt(i, "attribute " + name + " has no value");
                value = name;
            }
            if (attributes == null) {
                attributes = new ArrayList<>(8);
            }
            attributes.add(name);
            attributes.add(value);
        }
        advanceTo(i);
        if (attributes != null) {
            element.attributes = attributes.toArray(new String[0]);
        }
        element.namespace = namespaceOf(element);
        return element;
    }

    /** The namespace URI the element's prefix is bound to in scope, else the one that prefix conventionally names. */
    private String namespaceOf(XmlElement element) {
        String declaration = element.prefix.isEmpty() ? "xmlns" : "xmlns:" + element.prefix;
        for (XmlElement scope = element; scope != null; scope = scope.parent) {
            String uri = scope.attribute(declaration);
            if (uri != null) {
                return uri.strip();
            }
        }
        if (element.prefix.isEmpty()) {
            return "";
        }
        String conventional = FeedNamespaces.conventional(element.prefix);
        if (!element.prefix.equals("xml")) {
            problem("namespace prefix '" + element.prefix + "' is not declared");
        }
        return conventional != null ? conventional : "urn:undeclared-prefix:" + element.prefix;
    }

    private String readEndTag() {
        int nameStart = pos + 2;
        int nameEnd = nameEnd(nameStart);
        int close = text.indexOf('>', nameEnd);
        if (close < 0) {
            problem("the document ends inside an end tag");
            advanceTo(length);
            return null;
        }
        if (!isBlank(nameEnd, close)) {
            problem("unexpected text in end tag </" + text.substring(nameStart, nameEnd) + ">");
        }
        String name = text.substring(nameStart, nameEnd);
        advanceTo(close + 1);
        return name;
    }

    private void skipTag() {
        int close = text.indexOf('>', pos);
        advanceTo(close < 0 ? length : close + 1);
    }

    /**
     * Skips a declaration such as {@code <!DOCTYPE ...>} with its internal subset, noting entity declarations; the DTD is
     * never read.
     */
    private void skipDeclaration() {
        int i = pos + 2;
        int bracketDepth = 0;
        char quote = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                bracketDepth++;
            } else if (c == ']') {
                bracketDepth--;
            } else if (c == '<' && text.startsWith("<!ENTITY", i)) {
                declaresEntities = true;
            } else if (c == '>' && bracketDepth <= 0) {
                break;
            }
            i++;
        }
        if (i >= length) {
            problem("a declaration is never closed");
        }
        advanceTo(Math.min(length, i + 1));
    }

    private void skipPast(String terminator, String problemIfMissing) {
        int end = text.indexOf(terminator, pos + 2);
        if (end < 0) {
            problem(problemIfMissing);
            advanceTo(length);
        } else {
            advanceTo(end + terminator.length());
        }
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < length && XmlCharacters.isNameChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int skipSpace(int from) {
        int i = from;
        while (i < length && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Moves to {@code target}, counting the lines passed so that problems can say where they are. */
    private void advanceTo(int target) {
        if (nextLineFeed < pos) {
            nextLineFeed = lineFeedFrom(pos);
        }
        while (nextLineFeed < target) {
            line++;
            lineStart = nextLineFeed + 1;
            nextLineFeed = lineFeedFrom(nextLineFeed + 1);
        }
        pos = target;
    }

    /** The first {@code c} in {@code text[from, to)}, or -1: bounded, as an unbounded search of a long document is not. */
    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private int lineFeedFrom(int from) {
        int found = text.indexOf('\n', from);
        return found < 0 ? length : found;
    }

    private void problem(String message) {
        problems(line, pos - lineStart + 1, message);
    }

    private void problemAt(int at, String message) {
        int column = at - lineStart + 1;
        int atLine = line;
        for (int i = lineFeedFrom(pos); i < at; i = lineFeedFrom(i + 1)) {
            atLine++;
            column = at - i;
        }
        problems(atLine, column, message);
    }

    private void problems(int atLine, int column, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(new Problem(atLine, column, message));
        }
    }
}
