package dev.newsroom.publish.feed;

import dev.newsroom.publish.outlet.FeedOutlet;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

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
    /**
     * The same items in feed order, so that the oldest is dropped and the newest listed without sorting them all
     * for every version (the sort was a tenth of publish's CPU per article); the article id in the order makes
     * every item distinct.
     */
    private final NavigableSet<FeedItem> newestFirst = new TreeSet<>(NEWEST_FIRST);

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
            FeedItem removed = items.remove(articleId);
            if (removed == null) {
                return false;
            }
            newestFirst.remove(removed);
            return true;
        }
        FeedItem item = FeedItem.of(published, outlet.advisories().notices());
        FeedItem replaced = items.put(articleId, item);
        if (replaced != null) {
            newestFirst.remove(replaced);
        }
        newestFirst.add(item);
        int capacity = outlet.items() * SPARE_FACTOR;
        while (items.size() > capacity) {
            items.remove(newestFirst.pollLast().articleId());
        }
        return true;
    }

    /** What the feed lists now. */
    public List<FeedItem> latest() {
        return newestFirst.stream().limit(outlet.items()).toList();
    }
}
