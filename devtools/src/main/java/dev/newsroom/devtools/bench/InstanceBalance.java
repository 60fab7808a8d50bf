package dev.newsroom.devtools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How a scaled-out run shared the work: which partitions of its service's input each instance owned (from its
 * consumer group, as the broker sees it) and how many records those partitions took in during the measured phase,
 * with each instance's CPU.
 *
 * <p>Partitions of a topic the bench's reader reads are counted record by record: they are written in transactions,
 * and their offsets also count a commit marker per transaction (half as many again in a recorded run). The raw input,
 * which the load producer writes without transactions, is counted by its end offsets before and after.
 */
final class InstanceBalance {

    /** One instance's share of the measured phase. */
    record Instance(String name, String service, String inputTopic, List<Integer> partitions, long records,
                    double seconds, double cpuSeconds) {
        double recordsPerSecond() {
            return seconds <= 0 ? 0 : records / seconds;
        }
    }

    /**
     * A service as the balance sees it.
     *
     * @param clientIds each instance's name by the Kafka client id it was given (its members' ids start with it)
     */
    record Service(String label, String applicationId, String inputTopic, Map<String, String> clientIds) {
    }

    private final Admin admin;
    private final List<Service> services;
    private final Map<String, ProcessHandle> processes;
    private final Map<TopicPartition, Long> startOffsets;
    private final Map<String, Long> startCpuNanos = new HashMap<>();
    private final long startedNanos = System.nanoTime();

    private InstanceBalance(Admin admin, List<Service> services, Map<String, ProcessHandle> processes) {
        this.admin = admin;
        this.services = services;
        this.processes = processes;
        this.startOffsets = endOffsets();
        processes.forEach((name, process) -> startCpuNanos.put(name, cpuNanos(process)));
    }

    /** Starts counting now. @param processes each instance's process by its name */
    static InstanceBalance begin(Admin admin, List<Service> services, Map<String, ProcessHandle> processes) {
        return new InstanceBalance(admin, services, processes);
    }

    /** Each instance's partitions, records and CPU from {@link #begin} until now. */
    List<Instance> end(ArrivalReader reader) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<TopicPartition, Long> endOffsets = endOffsets();
        Map<String, ConsumerGroupDescription> groups = await(admin.describeConsumerGroups(
                services.stream().map(Service::applicationId).toList()).all());
        List<Instance> instances = new ArrayList<>();
        for (Service service : services) {
            Map<String, TreeSet<Integer>> owned = new HashMap<>();
            for (MemberDescription member : groups.get(service.applicationId()).members()) {
                String instance = instanceOf(service, member.clientId());
                for (TopicPartition partition : member.assignment().topicPartitions()) {
                    if (instance != null && partition.topic().equals(service.inputTopic())) {
                        owned.computeIfAbsent(instance, name -> new TreeSet<>()).add(partition.partition());
                    }
                }
            }
            for (String instance : service.clientIds().values()) {
                List<Integer> partitions = List.copyOf(owned.getOrDefault(instance, new TreeSet<>()));
                long records = 0;
                for (int partition : partitions) {
                    TopicPartition topicPartition = new TopicPartition(service.inputTopic(), partition);
                    records += reader.reads(service.inputTopic()) ? reader.count(topicPartition)
                            : endOffsets.getOrDefault(topicPartition, 0L) - startOffsets.getOrDefault(topicPartition, 0L);
                }
                ProcessHandle process = processes.get(instance);
                double cpu = process == null ? 0 : (cpuNanos(process) - startCpuNanos.getOrDefault(instance, 0L)) / 1e9;
                instances.add(new Instance(instance, service.label(), service.inputTopic(), partitions, records, seconds,
                        cpu));
            }
        }
        return instances;
    }

    /** The instance whose client id the member's starts with ({@code <client.id>-StreamThread-1-consumer}). */
    private static String instanceOf(Service service, String memberClientId) {
        for (var entry : service.clientIds().entrySet()) {
            if (memberClientId.startsWith(entry.getKey() + "-")) {
                return entry.getValue();
            }
        }
        return null;
    }

    private Map<TopicPartition, Long> endOffsets() {
        Map<String, org.apache.kafka.clients.admin.TopicDescription> topics = await(admin.describeTopics(
                services.stream().map(Service::inputTopic).toList()).allTopicNames());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions().forEach(partition ->
                request.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(admin.listOffsets(request).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the instances' partitions and offsets from the broker: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the instances' partitions", e);
        }
    }
}
