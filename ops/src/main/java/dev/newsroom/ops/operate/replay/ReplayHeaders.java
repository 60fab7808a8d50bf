package dev.newsroom.ops.operate.replay;

/** Headers a replay adds to every copy, after the original's own headers, so any copy can be traced to its origin. */
public final class ReplayHeaders {

    public static final String REPLAY_ID = "newsroom.replay.id";
    public static final String ORIGIN_TOPIC = "newsroom.replay.origin.topic";
    public static final String ORIGIN_PARTITION = "newsroom.replay.origin.partition";
    public static final String ORIGIN_OFFSET = "newsroom.replay.origin.offset";
    /** On copies a reprocess puts back into a stage's input topic; its value is the replay id. */
    public static final String REPROCESS = "newsroom.reprocess";

    private ReplayHeaders() {
    }
}
