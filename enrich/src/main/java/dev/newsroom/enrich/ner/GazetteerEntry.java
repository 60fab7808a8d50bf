package dev.newsroom.enrich.ner;

import dev.newsroom.schemas.EntityType;

import java.util.ArrayList;
import java.util.List;

/** One known entity: canonical names per language, a URI only when a citable source gave one, every alias. */
public final class GazetteerEntry {
    private static final String GEONAMES = "geonames:";

    private final String id;
    private final EntityType type;
    private String uri;
    private final String nameEn;
    private final String nameAr;
    private final String nameFr;
    private final int population;
    private final List<String> surfaces = new ArrayList<>(2);

    GazetteerEntry(String id, EntityType type, String uri, String nameEn, String nameAr, String nameFr) {
        this(id, type, uri, nameEn, nameAr, nameFr, 0);
    }

    /** {@code population}: inhabitants of a GeoNames place (guards matching of small places), else 0. */
    GazetteerEntry(String id, EntityType type, String uri, String nameEn, String nameAr, String nameFr,
                   int population) {
        this.population = population;
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

    /** The URI; a GeoNames place's is made from its id when asked, not kept (32,000 strings less on the heap). */
    public String uri() {
        if (uri == null && population > 0 && id.startsWith(GEONAMES)) {
            return "https://sws.geonames.org/" + id.substring(GEONAMES.length()) + "/";
        }
        return uri;
    }

    /** Inhabitants, for places from GeoNames; 0 when unknown. */
    public int population() {
        return population;
    }

    /** Gives a curated entry without a URI the one a citable source (a Wikidata extract) has for the same name. */
    void cite(String citedUri) {
        if (uri() == null) {
            uri = citedUri;
        }
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

    /** Every spelling the entry was loaded with, in load order, without duplicates. */
    public List<String> surfaces() {
        return surfaces;
    }

    void addSurface(String surface) {
        if (!surfaces.contains(surface)) {
            surfaces.add(surface);
        }
    }

    @Override
    public String toString() {
        return id + " " + nameEn;
    }
}
