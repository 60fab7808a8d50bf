package dev.newsroom.publish.publication;

import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.PublishedArticle;
import java.util.List;
import java.util.Optional;

/**
 * What one input did to an article.
 *
 * @param stateChanged whether the article's state must be stored again
 * @param published    the new published version, if there is one
 * @param events       moderation events, in the order they happened
 * @param rejection    why a command was refused, for the dead-letter topic (besides its event)
 */
public record Outcome(boolean stateChanged, Optional<PublishedArticle> published, List<ModerationEvent> events,
                      Optional<String> rejection) {

    static Outcome unchanged() {
        return new Outcome(false, Optional.empty(), List.of(), Optional.empty());
    }
}
