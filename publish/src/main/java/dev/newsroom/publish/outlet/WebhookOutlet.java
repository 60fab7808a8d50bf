package dev.newsroom.publish.outlet;

import dev.newsroom.schemas.OutletKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Articles pushed as Standard Webhooks to one endpoint.
 *
 * @param secrets     signing secrets; every one signs each request, so a receiver can rotate its key
 * @param concurrency requests in flight at once (for different articles; one article is always one at a time)
 * @param maxPending  deliveries held in memory before the worker stops reading the published log
 */
public record WebhookOutlet(String name, OutletFilter filter, AdvisoryPolicy advisories, URI url,
                            List<WebhookSecret> secrets, RetrySchedule retries, Duration timeout, int concurrency,
                            int maxPending) implements Outlet {

    @Override
    public OutletKind kind() {
        return OutletKind.WEBHOOK;
    }
}
