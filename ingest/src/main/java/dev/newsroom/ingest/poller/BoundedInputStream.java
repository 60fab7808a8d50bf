package dev.newsroom.ingest.poller;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails the read that takes the count past a limit, so a body is
 * abandoned as soon as it is known to be too large, before anything past the limit is kept.
 */
final class BoundedInputStream extends FilterInputStream {

    /** Thrown by the read that passes the limit. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;
    private boolean exceeded;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Bytes read so far, including any read past the limit by the failing read. */
    long count() {
        return count;
    }

    /**
     * Whether the limit was passed. Checked again after reading because a decompressor may swallow the
     * exception (GZIPInputStream does while probing for a further member) and report a clean end instead.
     */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new LimitExceededException(limit);
        }
    }
}
