package dev.newsroom.publish.outlet;

import dev.newsroom.schemas.AdvisoryKind;
import java.util.Collection;
import java.util.Set;

/**
 * What an outlet does with articles that carry content advisories: those of the kinds in {@code hold} wait until
 * an editor releases the article; every other advisory is published with the article (in its ninjs
 * {@code descriptions}, role {@code advisory}).
 */
public record AdvisoryPolicy(Set<AdvisoryKind> hold) {

    public static final AdvisoryPolicy PUBLISH_WITH_ADVISORY = new AdvisoryPolicy(Set.of());

    public AdvisoryPolicy {
        hold = Set.copyOf(hold);
    }

    public boolean holds(Collection<AdvisoryKind> carried) {
        return carried.stream().anyMatch(hold::contains);
    }
}
