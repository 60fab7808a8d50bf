package dev.newsroom.enrich.ner;

import dev.newsroom.schemas.EntityType;

import java.util.LinkedHashSet;
import java.util.Set;

/** One known entity: canonical names per language, a URI only when a citable source gave one, every alias. */
public final class GazetteerEntry {
    private final String id;
    private final EntityType type;
    private final String uri;
    private final String nameEn;
    private final String nameAr;
    private final String nameFr;
    private final Set<String> surfaces = new LinkedHashSet<>();

    GazetteerEntry(String id, EntityType type, String uri, String nameEn, String nameAr, String nameFr) {
        this.id = id;
        this.type = type;
        this.uri = uri == null || uri.isBlank() ? null : uri;
        this.nameEn = nameEn;
        this.nameAr = nameAr;
        this.nameFr = nameFr;
    }

    public String id() {
        return id;
    }

    public EntityType type() {
        return type;
    }

    public String uri() {
        return uri;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The canonical name in {@code language}, or null when the gazetteer has none for it. */
    public String name(String language) {
        String name = switch (language) {
            case "ar" -> nameAr;
            case "fr" -> nameFr;
            case "en" -> nameEn;
            default -> null;
        };
        return name == null || name.isBlank() ? null : name;
    }

    public Set<String> surfaces() {
        return surfaces;
    }

    @Override
    public String toString() {
        return id + " " + nameEn;
    }
}
