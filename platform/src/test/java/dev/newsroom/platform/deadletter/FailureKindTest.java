package dev.newsroom.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.platform.config.ConfigurationException;
import dev.newsroom.schemas.registry.SchemaRegistryException;
import dev.newsroom.schemas.registry.SchemaRegistryUnavailableException;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    @Test
    void aRegistryOutageIsTransientEvenWhenWrapped() {
        var outage = new SchemaRegistryUnavailableException("Schema registry http://r unreachable", List.of("http://r"),
                3, null);

        assertThat(FailureKind.of(outage)).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new StreamsException("task failed", outage))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new TimeoutException("broker"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void badRecordsAndOurOwnBugsArePoison() {
        assertThat(FailureKind.of(new SerializationException("Unknown magic byte"))).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new IllegalArgumentException("Document 'x' is not well-formed XML")))
                .isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new NullPointerException())).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new SchemaRegistryException("incompatible", "http://r", 409, 409)))
                .isEqualTo(FailureKind.POISON);
    }

    @Test
    void misconfigurationIsFatal() {
        assertThat(FailureKind.of(new ConfigException("specific.avro.reader", "x"))).isEqualTo(FailureKind.FATAL);
        assertThat(FailureKind.of(new ConfigurationException("bootstrap.servers", "is required")))
                .isEqualTo(FailureKind.FATAL);
        assertThat(FailureKind.of(new SchemaRegistryException("unauthorised", "http://r", 401, 40101)))
                .isEqualTo(FailureKind.FATAL);
    }
}
