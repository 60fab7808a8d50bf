package dev.newsroom.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.newsroom.devstack.EmbeddedKafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.publish.fixtures.Articles;
import dev.newsroom.publish.publication.DeliveryId;
import dev.newsroom.publish.service.PublishApplication;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Deliveries per second to a webhook on loopback, and latency from an enriched record being produced to its
 * webhook arriving, through the whole publish service (exactly-once topology, published log, webhook worker) on
 * the embedded broker and registry. Run it with {@code benchmarks/run-webhooks}, optionally with
 * {@code -Dbench.articles=10000 -Dbench.warmup=3000 -Dbench.concurrency=16 -Dbench.partitions=6
 * -Dbench.stream-threads=1 -Dbench.rate=50 -Dbench.paced-articles=1000}. It measures throughput with a burst
 * of articles produced at once, and latency with articles produced at a steady rate the service keeps up with
 * (latency under a burst is only queueing).
 */
public final class WebhookDeliveryBenchmark {

    private WebhookDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.getInteger("bench.articles", 10_000);
        int warmup = Integer.getInteger("bench.warmup", 3_000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int partitions = Integer.getInteger("bench.partitions", 6);
        int streamThreads = Integer.getInteger("bench.stream-threads", 1);
        int rate = Integer.getInteger("bench.rate", 50);
        int paced = Integer.getInteger("bench.paced-articles", 1_000);
        Path dir = Files.createTempDirectory("newsroom-bench");
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        Map<String, Long> published = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(8);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrivals.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), System.nanoTime());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(receiverThreads);
        receiver.start();

        try (EmbeddedKafkaStack stack = EmbeddedKafkaStack.start(dir.resolve("stack"), 0, 0)) {
            Path outlets = Files.writeString(dir.resolve("outlets.yaml"), "outlets:\n  - {name: bench, kind: webhook,"
                    + " url: 'http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook', concurrency: "
                    + concurrency + ", maxPending: 50000}\n");
            Map<String, String> settings = new HashMap<>();
            settings.put("bootstrap.servers", stack.bootstrapServers());
            settings.put("schema.registry.url", stack.schemaRegistryUrl());
            settings.put("newsroom.state.dir", dir.resolve("state").toString());
            settings.put("newsroom.topic.partitions", String.valueOf(partitions));
            settings.put("num.stream.threads", String.valueOf(streamThreads));
            settings.put(CommonSettings.MANAGEMENT_PORT.key(), String.valueOf(LoopbackPorts.free()));
            settings.put(PublishSettings.HTTP_PORT.key(), String.valueOf(LoopbackPorts.free()));
            settings.put(PublishSettings.OUTLETS_FILE.key(), outlets.toString());
            TopicCatalogue topics = TopicCatalogue.of(settings, new SchemaRegistryClient(stack.schemaRegistryUrl()));
            String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
            try (ServiceRunner runner = ServiceRunner.start(new PublishApplication(
                    Map.of("NEWSROOM_OUTLET_BENCH_SECRET", secret)), ServiceConfig.of(settings));
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                         ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                         new StringSerializer(), new ByteArraySerializer())) {
                while (!runner.isReady()) {
                    Thread.sleep(100);
                }
                Thread watcher = new Thread(() -> watch(stack, topics, published), "published-watcher");
                watcher.setDaemon(true);
                watcher.start();
                System.out.printf("Warming up with %d articles...%n", warmup);
                run(producer, topics, "warmup", warmup, 0, arrivals, published);
                System.out.printf("Throughput: %d articles at once...%n", articles);
                Result burst = run(producer, topics, "burst", articles, 0, arrivals, published);
                System.out.printf("Latency: %d articles at %d/s...%n", paced, rate);
                Result steady = run(producer, topics, "steady", paced, rate, arrivals, published);
                System.out.printf("Webhook worker alone: %d versions straight onto the published log...%n", articles);
                long workerMillis = deliverOnly(producer, topics, articles, arrivals);
                System.out.println();
                System.out.println("Webhook delivery benchmark (publish service end to end)");
                System.out.printf("  machine      %d cores seen by the JVM (shared, noisy), Java %s, %s%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        stack.description());
                System.out.printf("  setup        %d partitions, %d stream thread(s), exactly_once_v2"
                        + " (commit.interval.ms=100), webhook concurrency %d, receiver answers 204 at once%n",
                        partitions, streamThreads, concurrency);
                System.out.printf("  throughput   %d articles produced at once (after %d to warm up): %.0f deliveries/s"
                        + " (first produce to last delivery %d ms; the published log had the last one after %d ms)%n",
                        articles, warmup, burst.perSecond(), burst.wallMillis(), burst.lastPublishedMillis());
                System.out.printf("  latency      %d articles at %d/s, enriched produced -> webhook received: p50 %d ms,"
                        + " p95 %d ms, p99 %d ms, max %d ms%n", paced, rate, steady.p(50), steady.p(95),
                        steady.p(99), steady.max());
                System.out.printf("  of which     enriched produced -> on the published log (read_committed): p50 %d ms,"
                        + " p95 %d ms, p99 %d ms%n", steady.publishedP(50), steady.publishedP(95),
                        steady.publishedP(99));
                System.out.printf("  worker alone %d versions already on the published log: %.0f deliveries/s (%d ms)%n",
                        articles, articles * 1000.0 / workerMillis, workerMillis);
            }
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
        System.exit(0);
    }

    private record Result(long[] latenciesMs, long[] publishedMs, long wallMillis, long lastPublishedMillis,
                          int count) {
        long publishedP(int percentile) {
            return publishedMs[Math.min(publishedMs.length - 1,
                    (int) Math.ceil(percentile / 100.0 * publishedMs.length) - 1)];
        }

        double perSecond() {
            return count * 1000.0 / wallMillis;
        }

        long p(int percentile) {
            return latenciesMs[Math.min(latenciesMs.length - 1, (int) Math.ceil(percentile / 100.0 * latenciesMs.length) - 1)];
        }

        long max() {
            return latenciesMs[latenciesMs.length - 1];
        }
    }

    /**
     * The webhook worker's own pace: versions written straight onto the published log (as the topology would),
     * timed from the first write to the last delivery.
     */
    private static long deliverOnly(KafkaProducer<String, byte[]> producer, TopicCatalogue topics, int count,
                                    Map<String, Long> arrivals) throws InterruptedException {
        String topic = topics.name(TopicId.PUBLISHED);
        String[] webhookIds = new String[count];
        byte[][] values = new byte[count][];
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "direct:" + i;
            webhookIds[i] = DeliveryId.of(ids[i], 1, "article.published");
            values[i] = topics.published().valueSerde().serializer().serialize(topic,
                    PublishedArticle.newBuilder(SampleRecords.published()).setArticleId(ids[i])
                            .setOutlets(List.of("bench")).build());
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, ids[i], values[i]));
        }
        producer.flush();
        long last = awaitAll(webhookIds, arrivals);
        return Duration.ofNanos(last - start).toMillis();
    }

    private static long awaitAll(String[] webhookIds, Map<String, Long> arrivals) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (Arrays.stream(webhookIds).anyMatch(id -> !arrivals.containsKey(id))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not every article was delivered within 10 minutes");
            }
            Thread.sleep(50);
        }
        return Arrays.stream(webhookIds).mapToLong(arrivals::get).max().orElseThrow();
    }

    /** When each article first shows on the published log, as a read_committed reader sees it. */
    private static void watch(EmbeddedKafkaStack stack, TopicCatalogue topics, Map<String, Long> published) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-watcher",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.name(TopicId.PUBLISHED)));
            while (true) {
                long now = System.nanoTime();
                consumer.poll(Duration.ofMillis(20)).forEach(record -> published.putIfAbsent(record.key(), now));
            }
        }
    }

    /**
     * Produces {@code count} articles, all at once ({@code rate} 0) or at {@code rate} per second, and waits for
     * every webhook. Records are serialized beforehand so the benchmark takes no CPU from the service meanwhile.
     */
    private static Result run(KafkaProducer<String, byte[]> producer, TopicCatalogue topics, String prefix,
                              int count, int rate, Map<String, Long> arrivals, Map<String, Long> published)
            throws InterruptedException {
        String topic = topics.name(TopicId.ENRICHED);
        String[] webhookIds = new String[count];
        String[] ids = new String[count];
        byte[][] values = new byte[count][];
        long[] sentAt = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = prefix + ":" + i;
            webhookIds[i] = DeliveryId.of(ids[i], 1, "article.published");
            values[i] = topics.enriched().valueSerde().serializer().serialize(topic, Articles.arabic(ids[i]));
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
            }
            sentAt[i] = System.nanoTime();
            producer.send(new ProducerRecord<>(topic, ids[i], values[i]));
            if (rate > 0) {
                producer.flush();
            }
        }
        producer.flush();
        awaitAll(webhookIds, arrivals);
        long[] latencies = new long[count];
        long[] onTheLog = new long[count];
        long last = 0;
        long lastPublished = 0;
        for (int i = 0; i < count; i++) {
            long arrival = arrivals.get(webhookIds[i]);
            long logged = published.getOrDefault(ids[i], arrival);
            latencies[i] = Duration.ofNanos(arrival - sentAt[i]).toMillis();
            onTheLog[i] = Duration.ofNanos(logged - sentAt[i]).toMillis();
            last = Math.max(last, arrival);
            lastPublished = Math.max(lastPublished, logged);
        }
        Arrays.sort(latencies);
        Arrays.sort(onTheLog);
        return new Result(latencies, onTheLog, Duration.ofNanos(last - start).toMillis(),
                Duration.ofNanos(lastPublished - start).toMillis(), count);
    }
}
