package dev.newsroom.publish.notice;

import dev.newsroom.schemas.AdvisoryKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The editorial notice readers see for each advisory kind, in the article's language. Arabic, English and French
 * are built in; an outlet may replace any of them or add languages (the outlet file's {@code advisories.notices}).
 * An article in a language with no text gets the English one.
 */
public final class AdvisoryNotices {

    public static final String FALLBACK_LANGUAGE = "en";

    private static final Map<String, Map<AdvisoryKind, String>> BUILT_IN = Map.of(
            "ar", texts(
                    "تنبيه: يتضمن هذا الخبر وصفًا لأعمال عنف.",
                    "تنبيه: يتضمن هذا الخبر حديثًا عن وفيات.",
                    "تنبيه: يتناول هذا الخبر أعمالًا إرهابية.",
                    "تنبيه: يتضمن هذا الخبر تفاصيل قد تكون صادمة لبعض القرّاء.",
                    "تنبيه: قد يتضمن هذا الخبر محتوى حساسًا."),
            "en", texts(
                    "Warning: this story describes violence.",
                    "Warning: this story reports deaths.",
                    "Warning: this story concerns terrorism.",
                    "Warning: this story contains details some readers may find distressing.",
                    "Warning: this story may contain sensitive content."),
            "fr", texts(
                    "Avertissement : cet article décrit des violences.",
                    "Avertissement : cet article fait état de décès.",
                    "Avertissement : cet article traite de terrorisme.",
                    "Avertissement : cet article contient des détails qui peuvent heurter certains lecteurs.",
                    "Avertissement : cet article peut contenir des contenus sensibles."));

    public static final AdvisoryNotices BUILT_IN_ONLY = new AdvisoryNotices(Map.of());

    private final Map<String, Map<AdvisoryKind, String>> texts;
    private final boolean customised;

    /** @param overrides language (primary subtag) to kind to text, taking precedence over the built-in texts */
    public AdvisoryNotices(Map<String, Map<AdvisoryKind, String>> overrides) {
        Map<String, Map<AdvisoryKind, String>> merged = new HashMap<>();
        BUILT_IN.forEach((language, byKind) -> merged.put(language, new EnumMap<>(byKind)));
        overrides.forEach((language, byKind) -> merged.computeIfAbsent(primary(language),
                l -> new EnumMap<>(AdvisoryKind.class)).putAll(byKind));
        this.texts = Map.copyOf(merged);
        this.customised = !overrides.isEmpty();
    }

    /** True when this outlet's texts differ from the built-in ones, so its copy of the ninjs must be rewritten. */
    public boolean customised() {
        return customised;
    }

    /** The notice for {@code kind} in {@code language} (a BCP 47 tag; null or unknown means English). */
    public String text(AdvisoryKind kind, String language) {
        return lookup(primary(language), kind)
                .or(() -> lookup(FALLBACK_LANGUAGE, kind))
                .orElseGet(() -> BUILT_IN.get(FALLBACK_LANGUAGE).get(kind));
    }

    /** Whether a language is known to these notices (built in or added by the outlet). */
    public boolean knows(String language) {
        return texts.containsKey(primary(language));
    }

    private Optional<String> lookup(String language, AdvisoryKind kind) {
        return Optional.ofNullable(texts.get(language)).map(byKind -> byKind.get(kind));
    }

    private static String primary(String language) {
        return language == null || language.isBlank() ? FALLBACK_LANGUAGE
                : language.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    private static Map<AdvisoryKind, String> texts(String violence, String death, String terrorism, String graphic,
                                                   String other) {
        Map<AdvisoryKind, String> byKind = new EnumMap<>(AdvisoryKind.class);
        byKind.put(AdvisoryKind.VIOLENCE, violence);
        byKind.put(AdvisoryKind.DEATH, death);
        byKind.put(AdvisoryKind.TERRORISM, terrorism);
        byKind.put(AdvisoryKind.GRAPHIC, graphic);
        byKind.put(AdvisoryKind.OTHER, other);
        return byKind;
    }
}
