package dev.newsroom.ingest.parse.body;

import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Media;
import java.util.List;

/** A normalised body: ordered blocks, the sanitised HTML made from them, and the media found in it. */
public record Body(List<BodyBlock> blocks, String html, List<Media> media) {

    public Body {
        blocks = List.copyOf(blocks);
        media = List.copyOf(media);
    }

    boolean isEmpty() {
        return blocks.isEmpty() && media.isEmpty();
    }
}
