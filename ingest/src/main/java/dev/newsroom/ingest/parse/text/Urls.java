package dev.newsroom.ingest.parse.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * URL resolution and the normal form used for canonical URLs and URL-based article ids.
 *
 * <p>Normal form: scheme and host lower-cased; default port dropped; empty path becomes {@code /}; the fragment
 * dropped; tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and the like) removed with the order of
 * the other parameters kept; non-ASCII characters percent-encoded as UTF-8 with upper-case hex. Path case and a
 * trailing slash are kept: servers treat them as different resources.
 */
public final class Urls {

    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga",
            "_gl", "ocid", "cmpid", "ncid", "sr_share", "at_medium", "at_campaign", "xtor");
    private static final String UNSAFE_ASCII = " \"<>{}|\\^`[]";

    private Urls() {
    }

    /** {@code reference} resolved against {@code base}; {@code null} when it cannot be made an absolute URL. */
    public static String resolve(String base, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String ref = escape(reference.strip());
        try {
            URI refUri = new URI(ref);
            if (refUri.isAbsolute()) {
                return refUri.toString();
            }
            if (base == null || base.isBlank()) {
                return null;
            }
            URI baseUri = new URI(escape(base.strip()));
            if (!baseUri.isAbsolute()) {
                return null;
            }
            if (ref.startsWith("?") && baseUri.getRawPath() != null) {
                return new URI(baseUri.getScheme(), baseUri.getRawAuthority(), null, null, null)
                        + (baseUri.getRawPath().isEmpty() ? "/" : baseUri.getRawPath()) + ref;
            }
            return baseUri.resolve(refUri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** True for an absolute http(s) URL. */
    public static boolean isHttp(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return (v.startsWith("http://") || v.startsWith("https://")) && v.length() > 8;
    }

    /** True for an absolute URI with any scheme ({@code tag:}, {@code urn:}, {@code https:} ...). */
    public static boolean hasScheme(String value) {
        if (value == null) {
            return false;
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The normal form of an absolute http(s) URL (see the class comment), or {@code null} when it is not one. */
    public static String normalize(String url) {
        if (!isHttp(url)) {
            return null;
        }
        try {
            URI uri = new URI(escape(url.strip()));
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            StringBuilder out = new StringBuilder(url.length()).append(scheme).append("://");
            if (uri.getRawUserInfo() != null) {
                out.append(uri.getRawUserInfo()).append('@');
            }
            out.append(host);
            if (!defaultPort) {
                out.append(':').append(port);
            }
            String path = uri.getRawPath();
            out.append(path == null || path.isEmpty() ? "/" : upperHex(path));
            String query = stripTracking(uri.getRawQuery());
            if (query != null && !query.isEmpty()) {
                out.append('?').append(upperHex(query));
            }
            return out.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String stripTracking(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(rawQuery.length());
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name)) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.toString();
    }

    private static String upperHex(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw);
        for (int i = 0; i + 2 < out.length(); i++) {
            if (out.charAt(i) == '%') {
                out.setCharAt(i + 1, Character.toUpperCase(out.charAt(i + 1)));
                out.setCharAt(i + 2, Character.toUpperCase(out.charAt(i + 2)));
                i += 2;
            }
        }
        return out.toString();
    }

    /** Percent-encodes non-ASCII and unsafe ASCII characters so {@link URI} accepts what browsers accept. */
    private static String escape(String url) {
        boolean clean = true;
        for (int i = 0; i < url.length() && clean; i++) {
            char c = url.charAt(i);
            clean = c > 0x20 && c < 0x7F && UNSAFE_ASCII.indexOf(c) < 0;
        }
        if (clean) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.length() + 16);
        int hash = url.indexOf('#');
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > 0x20 && c < 0x7F && (UNSAFE_ASCII.indexOf(c) < 0 || (c == '#' && i == hash))) {
                out.append(c);
            } else if (c <= 0x20 || c == 0x7F) {
                if (c == ' ') {
                    out.append("%20");
                }
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
                for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }
}
