package dev.newsroom.devtools.bench;

import dev.newsroom.devtools.bench.LoadProducer.Payload;
import dev.newsroom.schemas.RawDocument;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;

/** Documents of the mix as raw records ready to send, with what they should become. */
record GeneratedDocuments(List<Payload> payloads, long expectedArticles, int bad, long bytes, int minBytes,
                          int maxBytes, int arabic) {

    BenchReport.Workload workload(int warmup, double rate, double durationSeconds) {
        return new BenchReport.Workload(payloads.size(), bad, expectedArticles, bytes, minBytes, maxBytes,
                payloads.isEmpty() ? 0 : (double) arabic / (payloads.size() - bad), warmup, rate, durationSeconds);
    }

    /**
     * @param phase    a tag in the documents' ids, so phases never share an id
     * @param badShare the share of bad inputs mixed in
     */
    static GeneratedDocuments generate(DocumentMix mix, String phase, double badShare, int count,
                                       Serializer<RawDocument> serializer, String rawTopic) {
        List<Payload> payloads = new ArrayList<>(count);
        long articles = 0;
        int bad = 0;
        int arabic = 0;
        long bytes = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < count; i++) {
            DocumentMix.Document document = mix.next(phase, badShare);
            byte[] value = document.wireFormatBroken() ? document.payload()
                    : serializer.serialize(rawTopic, RawDocument.newBuilder()
                    .setDocumentId(document.documentId())
                    .setSource(DocumentMix.SOURCE)
                    .setContentType(document.contentType())
                    .setReceivedAt(Instant.now())
                    .setPayload(ByteBuffer.wrap(document.payload()))
                    .build());
            payloads.add(new Payload(document.documentId(), value));
            articles += document.expectedArticles();
            bad += document.bad() ? 1 : 0;
            arabic += document.kind().name().startsWith("ARABIC") ? 1 : 0;
            bytes += value.length;
            if (!document.bad()) {
                min = Math.min(min, document.payload().length);
                max = Math.max(max, document.payload().length);
            }
        }
        return new GeneratedDocuments(payloads, articles, bad, bytes, min == Integer.MAX_VALUE ? 0 : min, max, arabic);
    }
}
