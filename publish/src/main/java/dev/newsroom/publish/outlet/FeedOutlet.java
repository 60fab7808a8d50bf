package dev.newsroom.publish.outlet;

import dev.newsroom.schemas.OutletKind;
import java.net.URI;
import java.nio.file.Path;

/**
 * The latest articles as RSS 2.0, Atom 1.0 and JSON Feed 1.1, served by the service and optionally written to
 * a directory.
 *
 * @param language  the feed's language (BCP 47), or null for a feed that mixes languages
 * @param items     how many of the latest articles the feed lists
 * @param directory where the three files are (re)written on every change, or null to only serve them
 */
public record FeedOutlet(String name, OutletFilter filter, AdvisoryPolicy advisories, String title,
                         String description, URI link, String language, int items, Path directory) implements Outlet {

    @Override
    public OutletKind kind() {
        return OutletKind.FEED;
    }
}
