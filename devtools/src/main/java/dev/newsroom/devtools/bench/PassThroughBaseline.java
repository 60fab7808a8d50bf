package dev.newsroom.devtools.bench;

import dev.newsroom.devtools.bench.LoadProducer.Payload;
import dev.newsroom.platform.streams.StreamsSettings;
import dev.newsroom.schemas.topic.TopicProvisioner;
import dev.newsroom.schemas.topic.TopicProvisioner.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The yardstick: the same records (the pipeline's raw documents, byte for byte) through three hops that do nothing
 * but pass them on, on the same cluster and partitions and in the same run, so the pipeline's figures can be read
 * as a share of what Kafka itself allows here. Plain hops are a consumer and a producer each (at least once);
 * Streams hops are Kafka Streams applications with the pipeline's processing guarantee, commit interval and poll
 * time. Every client, the load producer's too, has the run's {@link ClientTuning}.
 */
final class PassThroughBaseline {

    static final int HOPS = 3;

    /** What one baseline measured. */
    record Result(String name, long records, long bytes, double seconds, Latencies.Summary latency, boolean complete) {
        double recordsPerSecond() {
            return seconds <= 0 ? 0 : records / seconds;
        }

        double megabytesPerSecond() {
            return seconds <= 0 ? 0 : bytes / seconds / 1e6;
        }
    }

    private final Map<String, Object> clientConfig;
    private final ClientTuning tuning;
    private final String prefix;
    private final int partitions;
    private final Path stateDir;
    private final Map<String, Object> streamsSettings;
    private final Duration timeout;

    /**
     * @param prefix          the run's prefix for topic names and application ids
     * @param streamsSettings processing guarantee, commit interval, poll time: as the pipeline runs
     */
    PassThroughBaseline(Map<String, Object> clientConfig, ClientTuning tuning, String prefix, int partitions,
                        Path stateDir, Map<String, Object> streamsSettings, Duration timeout) {
        this.clientConfig = clientConfig;
        this.tuning = tuning;
        this.prefix = prefix;
        this.partitions = partitions;
        this.stateDir = stateDir;
        this.streamsSettings = streamsSettings;
        this.timeout = timeout;
    }

    /** One producer writing to one topic nobody reads: the ceiling of everything else. */
    Result produceOnly(List<Payload> payloads) {
        String topic = prefix + ".produce";
        createTopics(List.of(topic));
        try (LoadProducer producer = new LoadProducer(tuning.producerConfig(clientConfig), prefix + "-produce")) {
            producer.sendAll(topic, payloads.subList(0, Math.min(payloads.size(), 5_000)));
            LoadProducer.Sent sent = producer.sendAll(topic, payloads);
            return new Result("raw produce (1 topic, acks=all)", sent.records(), sent.bytes(), sent.seconds(), null, true);
        }
    }

    /** Three plain consume→produce hops. */
    Result plain(List<Payload> warmup, List<Payload> measured, double rate) throws InterruptedException {
        List<String> topics = hopTopics("plain");
        List<PlainHop> hops = new ArrayList<>();
        try {
            for (int i = 0; i < HOPS; i++) {
                hops.add(PlainHop.start(tuning.consumerConfig(clientConfig), tuning.producerConfig(clientConfig),
                        prefix + "-plain-hop-" + i, topics.get(i), topics.get(i + 1)));
            }
            for (PlainHop hop : hops) {
                hop.awaitAssigned(timeout);
            }
            return run("plain 3 hops (consume→produce)", topics, warmup, measured, rate);
        } finally {
            hops.forEach(PlainHop::close);
        }
    }

    /** Three Kafka Streams pass-through applications. */
    Result streams(List<Payload> warmup, List<Payload> measured, double rate) throws InterruptedException {
        List<String> topics = hopTopics("streams");
        List<KafkaStreams> hops = new ArrayList<>();
        try {
            for (int i = 0; i < HOPS; i++) {
                hops.add(streamsHop(i, topics.get(i), topics.get(i + 1)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (hops.stream().anyMatch(hop -> hop.state() != KafkaStreams.State.RUNNING)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Kafka Streams baseline hops did not start within " + timeout);
                }
                Thread.sleep(50);
            }
            return run("Kafka Streams 3 hops (" + streamsSettings.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG) + ")",
                    topics, warmup, measured, rate);
        } finally {
            hops.forEach(hop -> hop.close(StreamsSettings.leaveGroup(Duration.ofSeconds(30))));
        }
    }

    private KafkaStreams streamsHop(int index, String from, String to) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(from, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(to, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties properties = new Properties();
        properties.putAll(clientConfig);
        properties.remove("schema.registry.url");
        properties.putAll(tuning.streamsProperties());
        properties.putAll(streamsSettings);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "-streams-hop-" + index);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("hop-" + index).toString());
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams streams = new KafkaStreams(builder.build(), properties);
        streams.start();
        return streams;
    }

    private Result run(String name, List<String> topics, List<Payload> warmup, List<Payload> measured, double rate)
            throws InterruptedException {
        String last = topics.get(topics.size() - 1);
        try (ArrivalReader reader = ArrivalReader.start(clientConfig, List.of(last), last);
             LoadProducer producer = new LoadProducer(tuning.producerConfig(clientConfig),
                     prefix + "-" + name.split(" ")[0] + "-load")) {
            reader.begin(System.currentTimeMillis());
            producer.sendAll(topics.get(0), warmup);
            if (!reader.await(() -> reader.count(last) >= warmup.size(), Duration.ofSeconds(60), timeout)) {
                throw new IllegalStateException(name + ": the warm-up records did not all come through");
            }
            reader.begin(System.currentTimeMillis());
            LoadProducer.Sent sent = rate > 0 ? producer.sendAtRate(topics.get(0), measured, rate)
                    : producer.sendAll(topics.get(0), measured);
            boolean complete = reader.await(() -> reader.count(last) >= measured.size(), Duration.ofSeconds(60),
                    timeout);
            double seconds = (reader.lastArrivalNanos() - sent.startedNanos()) / 1e9;
            return new Result(name, reader.count(last), sent.bytes(), seconds, reader.latencies().summary(), complete);
        }
    }

    private List<String> hopTopics(String kind) {
        List<String> topics = new ArrayList<>();
        for (int i = 0; i <= HOPS; i++) {
            topics.add(prefix + "." + kind + "." + i);
        }
        createTopics(topics);
        return topics;
    }

    private void createTopics(List<String> names) {
        Map<String, Object> adminConfig = new HashMap<>(clientConfig);
        adminConfig.remove("schema.registry.url");
        try (Admin admin = Admin.create(adminConfig)) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(names.stream()
                    .map(name -> new TopicSpec(name, partitions, (short) 1, Map.of())).toList());
        }
    }

    /** A consumer and a producer in a thread of their own, passing records on with key and timestamp. */
    private static final class PlainHop implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final KafkaProducer<byte[], byte[]> producer;
        private final String to;
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final Thread thread;

        private PlainHop(Map<String, Object> consumerSettings, Map<String, Object> producerSettings, String name,
                         String from, String to) {
            Map<String, Object> consumerConfig = new HashMap<>(consumerSettings);
            consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, name);
            consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-consumer");
            this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            Map<String, Object> producerConfig = new HashMap<>(producerSettings);
            producerConfig.put("client.id", name + "-producer");
            this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
            this.to = to;
            consumer.subscribe(List.of(from));
            this.thread = new Thread(this::run, name);
            this.thread.setDaemon(true);
        }

        static PlainHop start(Map<String, Object> consumerConfig, Map<String, Object> producerConfig, String name,
                              String from, String to) {
            PlainHop hop = new PlainHop(consumerConfig, producerConfig, name, from, to);
            hop.thread.start();
            return hop;
        }

        private void run() {
            try {
                while (true) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        producer.send(new ProducerRecord<>(to, null, record.timestamp(), record.key(), record.value()));
                    }
                }
            } catch (WakeupException e) {
                // close() stops the loop this way
            } finally {
                producer.close();
                consumer.close();
            }
        }

        void awaitAssigned(Duration timeout) throws InterruptedException {
            if (!assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("A plain baseline hop got no partitions within " + timeout);
            }
        }

        @Override
        public void close() {
            consumer.wakeup();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
