package dev.newsroom.publish.moderation;

import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Article;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The names an editor may give an article, and the form they are matched in. An editor copies whatever they see:
 * the internal id ({@code cli:56e8c0fa…}), the ninjs {@code uri} and feed item id
 * ({@code urn:newsroom:article:cli%3A56e8c0fa…}), the story's URL (canonical or as the source linked it) or the
 * source's guid. The uri is the id itself or the id encoded ({@link NinjsWriter#uriFor}), so it is decoded here; the others are looked up among the aliases the
 * publish service records for every article.
 *
 * <p>URLs are matched leniently, because an editor's copy rarely has the exact form ingest keeps: scheme, host
 * case, default port, fragment, tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}) and a trailing
 * slash do not count. Ingest's own normal form is stricter because there it decides identity.
 */
public final class ArticleReference {

    public static final String URI_PREFIX = "urn:newsroom:article:";

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "ncid", "xtor");

    private ArticleReference() {
    }

    /** The article id a ninjs uri stands for, when the text is one. */
    public static Optional<String> idFromUri(String reference) {
        String text = reference.strip();
        if (!text.regionMatches(true, 0, URI_PREFIX, 0, URI_PREFIX.length()) || text.length() == URI_PREFIX.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(text.substring(URI_PREFIX.length()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The form a reference and an alias are compared in. */
    public static String matchKey(String reference) {
        String text = reference.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return text;
        }
        try {
            URI uri = new URI(text.replace(" ", "%20"));
            if (uri.getHost() == null) {
                return text;
            }
            // One trailing dot (a fully qualified host) goes, without compiling a regex for every name.
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            StringBuilder key = new StringBuilder("web://").append(host.endsWith(".")
                    ? host.substring(0, host.length() - 1) : host);
            int port = uri.getPort();
            if (port != -1 && port != 80 && port != 443) {
                key.append(':').append(port);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            key.append(upperHex(path));
            String query = query(uri.getRawQuery());
            if (!query.isEmpty()) {
                key.append('?').append(upperHex(query));
            }
            return key.toString();
        } catch (URISyntaxException e) {
            return text;
        }
    }

    /** Every name of the article, in match form: id, uri, canonical URL, alternative ids (URLs, guids). */
    public static List<String> aliases(Article article) {
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add(article.getId());
        aliases.add(NinjsWriter.uriFor(article.getId()));
        if (article.getCanonicalUrl() != null && !article.getCanonicalUrl().isBlank()) {
            aliases.add(matchKey(article.getCanonicalUrl()));
        }
        for (AltId altId : article.getAltIds()) {
            if (altId.getValue() != null && !altId.getValue().isBlank()) {
                aliases.add(matchKey(altId.getValue()));
            }
        }
        return List.copyOf(aliases);
    }

    private static String query(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : raw.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (pair.isEmpty() || name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.append(kept.length() == 0 ? "" : "&").append(pair);
        }
        return kept.toString();
    }

    private static String upperHex(String raw) {
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
}
