package dev.newsroom.publish.outlet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.platform.config.ConfigurationException;
import dev.newsroom.publish.notice.AdvisoryNotices;
import dev.newsroom.schemas.AdvisoryKind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.newsroom.platform.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the outlet file (YAML, or JSON when the name ends in {@code .json}), applies the environment on top and
 * validates everything, so that a bad outlet stops the service at start with the outlet and field named.
 *
 * <p>Every scalar field of an outlet can be set from the environment as
 * {@code NEWSROOM_OUTLET_<NAME>_<FIELD>}: the outlet name upper-cased with anything but letters and digits as
 * {@code _}, the field in upper snake case ({@code NEWSROOM_OUTLET_SITE_AR_URL},
 * {@code NEWSROOM_OUTLET_SITE_AR_RETRY_SCHEDULE}). Webhook secrets come only from the environment:
 * {@code NEWSROOM_OUTLET_<NAME>_SECRET}, or {@code _SECRETS} with several separated by spaces or commas while a
 * key is being rotated.
 */
public final class OutletFile {

    public static final String FORMAT_NINJS = "ninjs-2.2";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Set<String> COMMON = Set.of("name", "kind", "enabled", "format", "filters", "advisories");
    private static final Map<String, Set<String>> BY_KIND = Map.of(
            "kafka", Set.of("topic"),
            "webhook", Set.of("url", "retrySchedule", "retryJitter", "timeout", "concurrency", "maxPending"),
            "feed", Set.of("title", "description", "link", "language", "items", "directory"));
    private static final Set<String> SCALARS = Set.of("enabled", "format", "topic", "url", "retrySchedule",
            "retryJitter", "timeout", "concurrency", "maxPending", "title", "description", "link", "language", "items",
            "directory");

    private final Map<String, String> environment;
    private final String origin;

    private OutletFile(Map<String, String> environment, String origin) {
        this.environment = environment;
        this.origin = origin;
    }

    /** The outlets in {@code file}, with {@code environment} applied. */
    public static Outlets read(Path file, Map<String, String> environment) {
        JsonNode root;
        try {
            ObjectMapper mapper = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            root = mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("newsroom.publish.outlets.file",
                    "(" + file + ") is not valid YAML/JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigurationException("newsroom.publish.outlets.file", "(" + file + ") cannot be read: " + e);
        }
        return new OutletFile(environment, file.toString()).outlets(root);
    }

    /** The environment variable that sets {@code field} of outlet {@code outlet}. */
    public static String environmentVariable(String outlet, String field) {
        String snake = field.replaceAll("([a-z])([A-Z])", "$1_$2");
        return "NEWSROOM_OUTLET_" + outlet.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_"
                + snake.toUpperCase(Locale.ROOT);
    }

    private Outlets outlets(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Outlets.none();
        }
        if (!root.isObject() || !root.path("outlets").isArray()) {
            throw new ConfigurationException("newsroom.publish.outlets.file",
                    "(" + origin + ") must hold a list under 'outlets'");
        }
        List<Outlet> outlets = new ArrayList<>();
        Map<String, String> environmentNames = new HashMap<>();
        int index = 0;
        for (JsonNode node : root.get("outlets")) {
            index++;
            if (!node.isObject()) {
                throw problem("#" + index, "name", "each outlet must be a mapping with name, kind and its settings");
            }
            String name = node.path("name").asText("");
            if (!NAME.matcher(name).matches()) {
                throw problem("#" + index, "name", name.isEmpty() ? "is required"
                        : "must be letters, digits, '-' or '_' (at most 63), not '" + name + "'");
            }
            String clash = environmentNames.put(environmentVariable(name, ""), name);
            if (clash != null) {
                throw problem(name, "name", clash.equals(name) ? "is used by more than one outlet"
                        : "maps to the same environment variables as outlet '" + clash + "'");
            }
            Outlet outlet = outlet(name, withEnvironment(name, (ObjectNode) node));
            if (outlet != null) {
                outlets.add(outlet);
            }
        }
        return new Outlets(outlets);
    }

    private ObjectNode withEnvironment(String name, ObjectNode declared) {
        ObjectNode node = declared.deepCopy();
        for (String field : SCALARS) {
            String value = environment.get(environmentVariable(name, field));
            if (value != null) {
                node.set(field, TextNode.valueOf(value));
            }
        }
        return node;
    }

    private Outlet outlet(String name, ObjectNode node) {
        String kind = node.path("kind").asText("").toLowerCase(Locale.ROOT);
        if (!BY_KIND.containsKey(kind)) {
            throw problem(name, "kind", kind.isEmpty() ? "is required: kafka, webhook or feed"
                    : "must be kafka, webhook or feed, not '" + node.path("kind").asText() + "'");
        }
        for (String secretField : List.of("secret", "secrets")) {
            if (node.has(secretField)) {
                throw problem(name, secretField, "does not belong in the file: set "
                        + environmentVariable(name, "secret") + " (or " + environmentVariable(name, "secrets")
                        + " while rotating) in the environment");
            }
        }
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!COMMON.contains(field) && !BY_KIND.get(kind).contains(field)) {
                Set<String> allowed = new LinkedHashSet<>(COMMON);
                allowed.addAll(BY_KIND.get(kind));
                throw problem(name, field, "is not a setting of a " + kind + " outlet (settings: " + allowed + ")");
            }
        }
        if (!bool(name, node, "enabled", true)) {
            return null;
        }
        String format = text(name, node, "format", FORMAT_NINJS);
        if (!format.equalsIgnoreCase(FORMAT_NINJS)) {
            throw problem(name, "format", "must be " + FORMAT_NINJS + " (the only payload format), not '" + format + "'");
        }
        OutletFilter filter = filter(name, node.path("filters"));
        AdvisoryPolicy advisories = advisories(name, node.path("advisories"));
        return switch (kind) {
            case "kafka" -> kafka(name, node, filter, advisories);
            case "webhook" -> webhook(name, node, filter, advisories);
            default -> feed(name, node, filter, advisories);
        };
    }

    private KafkaOutlet kafka(String name, ObjectNode node, OutletFilter filter, AdvisoryPolicy advisories) {
        String topic = text(name, node, "topic", "newsroom.outlet." + name + ".v1");
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw problem(name, "topic", "must be a Kafka topic name (letters, digits, '.', '_', '-'), not '" + topic + "'");
        }
        return new KafkaOutlet(name, filter, advisories, topic);
    }

    private WebhookOutlet webhook(String name, ObjectNode node, OutletFilter filter, AdvisoryPolicy advisories) {
        String url = text(name, node, "url", null);
        if (url == null) {
            throw problem(name, "url", "is required (in the file or as " + environmentVariable(name, "url") + ")");
        }
        URI endpoint = httpUrl(name, "url", url);
        List<WebhookSecret> secrets = secrets(name);
        List<Duration> delays = new ArrayList<>();
        JsonNode schedule = node.path("retrySchedule");
        if (schedule.isMissingNode() || schedule.isNull()) {
            delays.addAll(RetrySchedule.DEFAULT.delays());
        } else {
            List<String> entries = schedule.isArray() ? texts(schedule) : splitList(schedule.asText());
            for (String entry : entries) {
                Duration delay = duration(name, "retrySchedule", entry);
                if (delay.isZero() || delay.isNegative()) {
                    throw problem(name, "retrySchedule", "delays must be positive, not '" + entry + "'");
                }
                delays.add(delay);
            }
        }
        double jitter = number(name, node, "retryJitter", RetrySchedule.DEFAULT.jitter());
        if (jitter < 0 || jitter >= 1) {
            throw problem(name, "retryJitter", "must be at least 0 and below 1, not " + jitter);
        }
        Duration timeout = node.has("timeout") ? duration(name, "timeout", node.get("timeout").asText())
                : Duration.ofSeconds(10);
        if (timeout.isZero() || timeout.isNegative()) {
            throw problem(name, "timeout", "must be positive");
        }
        int concurrency = whole(name, node, "concurrency", 8, 1, 256);
        int maxPending = whole(name, node, "maxPending", 10_000, 1, 1_000_000);
        return new WebhookOutlet(name, filter, advisories, endpoint, secrets, new RetrySchedule(delays, jitter),
                timeout, concurrency, maxPending);
    }

    private List<WebhookSecret> secrets(String name) {
        String several = environment.get(environmentVariable(name, "secrets"));
        String one = environment.get(environmentVariable(name, "secret"));
        String field = several != null ? "secrets" : "secret";
        String value = several != null ? several : one;
        if (value == null || value.isBlank()) {
            throw problem(name, "secret", "is required: set " + environmentVariable(name, "secret")
                    + " to a whsec_ secret (secrets belong in the environment, not the file)");
        }
        List<WebhookSecret> secrets = new ArrayList<>();
        int position = 0;
        for (String entry : splitList(value)) {
            position++;
            try {
                secrets.add(WebhookSecret.parse(entry));
            } catch (IllegalArgumentException e) {
                throw problem(name, field, "entry " + position + " of " + environmentVariable(name, field) + " "
                        + e.getMessage());
            }
        }
        return secrets;
    }

    private FeedOutlet feed(String name, ObjectNode node, OutletFilter filter, AdvisoryPolicy advisories) {
        String link = text(name, node, "link", null);
        if (link == null) {
            throw problem(name, "link", "is required: the site the feed belongs to (RSS and Atom need it)");
        }
        String language = text(name, node, "language", null);
        if (language == null && filter.languages().size() == 1) {
            language = filter.languages().get(0);
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw problem(name, "language", "must be a BCP 47 language tag such as ar or en-GB, not '" + language + "'");
        }
        String directory = text(name, node, "directory", null);
        return new FeedOutlet(name, filter, advisories, text(name, node, "title", name),
                text(name, node, "description", text(name, node, "title", name)), httpUrl(name, "link", link),
                language, whole(name, node, "items", 50, 1, 1000), directory == null ? null : Path.of(directory));
    }

    private OutletFilter filter(String name, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return OutletFilter.EVERYTHING;
        }
        if (!node.isObject()) {
            throw problem(name, "filters", "must be a mapping with languages, sections and sources");
        }
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!Set.of("languages", "sections", "sources").contains(field)) {
                throw problem(name, "filters." + field, "is not a filter (filters: languages, sections, sources)");
            }
        }
        List<String> languages = list(name, node, "filters.languages", "languages");
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw problem(name, "filters.languages", "'" + language + "' is not a BCP 47 language tag");
            }
        }
        List<OutletFilter.SectionRule> sections = new ArrayList<>();
        JsonNode declared = node.path("sections");
        if (!declared.isMissingNode() && !declared.isArray()) {
            throw problem(name, "filters.sections", "must be a list");
        }
        for (JsonNode section : declared) {
            sections.add(section(name, section));
        }
        return new OutletFilter(languages, sections, list(name, node, "filters.sources", "sources"));
    }

    private OutletFilter.SectionRule section(String name, JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            return new OutletFilter.SectionRule(node.asText().strip(), 0);
        }
        String field = "filters.sections";
        if (!node.isObject() || node.path("section").asText("").isBlank()) {
            throw problem(name, field, "each entry is a section code or name, or {section: ..., minRelevance: 0..100}");
        }
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String key = fields.next();
            if (!key.equals("section") && !key.equals("minRelevance")) {
                throw problem(name, field + "." + key, "is not a section setting (section, minRelevance)");
            }
        }
        int minimum = whole(name, node, "minRelevance", 0, 0, 100, field + ".minRelevance");
        return new OutletFilter.SectionRule(node.get("section").asText().strip(), minimum);
    }

    private AdvisoryPolicy advisories(String name, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return AdvisoryPolicy.PUBLISH_WITH_ADVISORY;
        }
        if (!node.isObject()) {
            throw problem(name, "advisories", "must be a mapping with hold and notices");
        }
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("hold") && !field.equals("notices")) {
                throw problem(name, "advisories." + field, "is not an advisory policy setting (hold, notices)");
            }
        }
        Set<AdvisoryKind> hold = EnumSet.noneOf(AdvisoryKind.class);
        for (String kind : list(name, node, "advisories.hold", "hold")) {
            try {
                hold.add(AdvisoryKind.valueOf(kind.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw problem(name, "advisories.hold", "'" + kind + "' is not an advisory kind "
                        + Arrays.toString(AdvisoryKind.values()));
            }
        }
        return new AdvisoryPolicy(hold, notices(name, node.path("notices")));
    }

    /** {@code notices: {ar: {violence: "..."}, en: {...}}}: the outlet's own texts, over the built-in ones. */
    private AdvisoryNotices notices(String name, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return AdvisoryNotices.BUILT_IN_ONLY;
        }
        String field = "advisories.notices";
        if (!node.isObject()) {
            throw problem(name, field, "must map languages to {kind: text}, e.g. {ar: {violence: \"...\"}}");
        }
        Map<String, Map<AdvisoryKind, String>> texts = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> languages = node.fields();
        while (languages.hasNext()) {
            Map.Entry<String, JsonNode> language = languages.next();
            if (!LANGUAGE.matcher(language.getKey()).matches()) {
                throw problem(name, field, "'" + language.getKey() + "' is not a BCP 47 language tag");
            }
            if (!language.getValue().isObject()) {
                throw problem(name, field + "." + language.getKey(), "must map advisory kinds to texts");
            }
            Map<AdvisoryKind, String> byKind = new EnumMap<>(AdvisoryKind.class);
            Iterator<Map.Entry<String, JsonNode>> kinds = language.getValue().fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                String at = field + "." + language.getKey() + "." + kind.getKey();
                AdvisoryKind parsed;
                try {
                    parsed = AdvisoryKind.valueOf(kind.getKey().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw problem(name, at, "'" + kind.getKey() + "' is not an advisory kind "
                            + Arrays.toString(AdvisoryKind.values()));
                }
                if (!kind.getValue().isTextual() || kind.getValue().asText().isBlank()) {
                    throw problem(name, at, "must be a non-empty text");
                }
                byKind.put(parsed, kind.getValue().asText().strip());
            }
            texts.put(language.getKey(), byKind);
        }
        return new AdvisoryNotices(texts);
    }

    private List<String> list(String name, JsonNode parent, String field, String key) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return splitList(node.asText());
        }
        if (!node.isArray()) {
            throw problem(name, field, "must be a list");
        }
        List<String> values = texts(node);
        if (values.stream().anyMatch(String::isBlank)) {
            throw problem(name, field, "has an empty entry");
        }
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText().strip()));
        return values;
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private String text(String name, JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw problem(name, field, "must be a non-empty text");
        }
        return value.asText().strip();
    }

    private boolean bool(String name, JsonNode node, String field, boolean fallback) {
        String value = text(name, node, field, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw problem(name, field, "must be true or false, not '" + value + "'");
        };
    }

    private double number(String name, JsonNode node, String field, double fallback) {
        String value = text(name, node, field, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw problem(name, field, "must be a number, not '" + value + "'");
        }
    }

    private int whole(String name, JsonNode node, String field, int fallback, int min, int max) {
        return whole(name, node, field, fallback, min, max, field);
    }

    private int whole(String name, JsonNode node, String key, int fallback, int min, int max, String field) {
        String value = text(name, node, key, null);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw problem(name, field, "must be between " + min + " and " + max + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw problem(name, field, "must be a whole number, not '" + value + "'");
        }
    }

    private URI httpUrl(String name, String field, String text) {
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the field
        }
        throw problem(name, field, "must be an absolute http or https URL, not '" + text + "'");
    }

    private Duration duration(String name, String field, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw problem(name, field, e.getMessage());
        }
    }

    private OutletConfigurationException problem(String outlet, String field, String problem) {
        return new OutletConfigurationException(outlet, field, problem + " (" + origin + ")");
    }
}
