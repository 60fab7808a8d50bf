package dev.newsroom.publish.outlet;

import dev.newsroom.publish.notice.AdvisoryNotices;
import dev.newsroom.schemas.AdvisoryKind;
import java.util.Collection;
import java.util.Set;

/**
 * What an outlet does with articles that carry content advisories: those of the kinds in {@code hold} wait until
 * an editor releases the article; every other advisory is published with the article as an editorial notice in
 * the article's language ({@code notices}; ninjs {@code descriptions}, role {@code advisory}).
 */
public record AdvisoryPolicy(Set<AdvisoryKind> hold, AdvisoryNotices notices) {

    public static final AdvisoryPolicy PUBLISH_WITH_ADVISORY = new AdvisoryPolicy(Set.of());

    public AdvisoryPolicy {
        hold = Set.copyOf(hold);
    }

    public AdvisoryPolicy(Set<AdvisoryKind> hold) {
        this(hold, AdvisoryNotices.BUILT_IN_ONLY);
    }

    public boolean holds(Collection<AdvisoryKind> carried) {
        return carried.stream().anyMatch(hold::contains);
    }
}
