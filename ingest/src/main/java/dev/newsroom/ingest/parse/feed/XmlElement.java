package dev.newsroom.ingest.parse.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a feed as {@link LenientXmlParser} read it: its name, resolved namespace, attributes and content
 * (text and child elements, in document order). Small and read-only once parsed.
 */
final class XmlElement {

    static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    final String qualifiedName;
    final String prefix;
    final String localName;
    final XmlElement parent;
    final int line;
    String namespace = "";
    /** Attributes as name, value pairs: {@code [name0, value0, name1, value1, ...]}, names as written. */
    String[] attributes = NO_ATTRIBUTES;
    private List<Object> content;
    /** Whether an end tag (or {@code />}) closed it; an element left open at the end of the document was cut off. */
    boolean closed;

    private static final String[] NO_ATTRIBUTES = new String[0];

    XmlElement(String qualifiedName, XmlElement parent, int line) {
        this.qualifiedName = qualifiedName;
        int colon = qualifiedName.indexOf(':');
        this.prefix = colon > 0 ? qualifiedName.substring(0, colon) : "";
        this.localName = colon > 0 ? qualifiedName.substring(colon + 1) : qualifiedName;
        this.parent = parent;
        this.line = line;
    }

    boolean is(String namespaceUri, String name) {
        return localName.equals(name) && namespace.equals(namespaceUri);
    }

    /** Text and child elements in document order: each entry a {@link String} or an {@link XmlElement}. */
    List<Object> content() {
        return content == null ? List.of() : content;
    }

    void add(Object node) {
        if (content == null) {
            content = new ArrayList<>(4);
        }
        content.add(node);
    }

    List<XmlElement> children() {
        if (content == null) {
            return List.of();
        }
        List<XmlElement> children = new ArrayList<>(content.size());
        for (Object node : content) {
            if (node instanceof XmlElement element) {
                children.add(element);
            }
        }
        return children;
    }

    boolean hasChildElements() {
        if (content != null) {
            for (Object node : content) {
                if (node instanceof XmlElement) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value of an attribute by its name as written ({@code href}, {@code xml:base}), or {@code null}. */
    String attribute(String name) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(name)) {
                return attributes[i + 1];
            }
        }
        return null;
    }

    /** An attribute by local name, whatever its prefix, case-insensitively ({@code isPermaLink}, {@code rdf:about}). */
    String attributeIgnoringPrefix(String localAttributeName) {
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            int colon = name.indexOf(':');
            String local = colon >= 0 ? name.substring(colon + 1) : name;
            if (local.equalsIgnoreCase(localAttributeName) && !name.startsWith("xmlns")) {
                return attributes[i + 1];
            }
        }
        return null;
    }

    /** All the text inside, child elements' text included. */
    String text() {
        if (content == null) {
            return "";
        }
        if (content.size() == 1 && content.get(0) instanceof String only) {
            return only;
        }
        StringBuilder text = new StringBuilder();
        appendText(text);
        return text.toString();
    }

    private void appendText(StringBuilder text) {
        for (Object node : content()) {
            if (node instanceof String string) {
                text.append(string);
            } else {
                ((XmlElement) node).appendText(text);
            }
        }
    }

    /** The in-scope value of an {@code xml:*} attribute ({@code lang}, {@code base}) from this element up. */
    String inherited(String xmlAttribute) {
        for (XmlElement current = this; current != null; current = current.parent) {
            String value = current.attribute("xml:" + xmlAttribute);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
