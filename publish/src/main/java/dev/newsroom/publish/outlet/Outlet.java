package dev.newsroom.publish.outlet;

import dev.newsroom.schemas.OutletKind;

/**
 * A place articles are published to, as configured in the outlet file: which articles it wants (its filter), what
 * it does with articles that carry advisories (its policy), and where they go (kind-specific settings).
 */
public sealed interface Outlet permits KafkaOutlet, WebhookOutlet, FeedOutlet {

    String name();

    OutletKind kind();

    OutletFilter filter();

    AdvisoryPolicy advisories();
}
