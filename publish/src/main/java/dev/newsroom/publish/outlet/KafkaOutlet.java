package dev.newsroom.publish.outlet;

import dev.newsroom.schemas.OutletKind;

/** Articles written as ninjs JSON to a topic of their own, inside the publish service's exactly-once transaction. */
public record KafkaOutlet(String name, OutletFilter filter, AdvisoryPolicy advisories, String topic) implements Outlet {

    @Override
    public OutletKind kind() {
        return OutletKind.KAFKA;
    }
}
