package dev.newsroom.publish.feed;

import dev.newsroom.publish.outlet.FeedOutlet;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles a feed outlet currently lists: live versions sent to it, newest publication first. A version that
 * is withheld or killed takes its article out. A few times the feed's length is kept, so that an article taken
 * out leaves room for the next-newest rather than a gap.
 */
public final class FeedContents {

    private static final int SPARE_FACTOR = 4;
    private static final Comparator<FeedItem> NEWEST_FIRST = Comparator.comparing(FeedItem::published).reversed()
            .thenComparing(Comparator.comparing(FeedItem::updated).reversed())
            .thenComparing(FeedItem::articleId);

    private final FeedOutlet outlet;
    private final Map<String, FeedItem> items = new HashMap<>();

    public FeedContents(FeedOutlet outlet) {
        this.outlet = outlet;
    }

    public FeedOutlet outlet() {
        return outlet;
    }

    /** Takes a version from the published log; true when the feed changed. */
    public boolean apply(PublishedArticle published) {
        String articleId = published.getArticleId();
        FeedItem existing = items.get(articleId);
        if (existing != null && existing.version() >= published.getVersion()) {
            return false;
        }
        if (published.getPubstatus() != Pubstatus.usable || !published.getOutlets().contains(outlet.name())) {
            return items.remove(articleId) != null;
        }
        items.put(articleId, FeedItem.of(published, outlet.advisories().notices()));
        int capacity = outlet.items() * SPARE_FACTOR;
        if (items.size() > capacity) {
            items.values().stream().sorted(NEWEST_FIRST).skip(capacity).map(FeedItem::articleId).toList()
                    .forEach(items::remove);
        }
        return true;
    }

    /** What the feed lists now. */
    public List<FeedItem> latest() {
        return items.values().stream().sorted(NEWEST_FIRST).limit(outlet.items()).toList();
    }
}
