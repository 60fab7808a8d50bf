package dev.newsroom.devstack.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void portsAreFreeBelowTheKernelsOwnRangeAndNeverGivenTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = LoopbackPorts.free();
            assertThat(port).isBetween(10_000, LoopbackPorts.ephemeralStart() - 1);
            assertThat(LoopbackPorts.inUse(port)).isFalse();
            assertThat(ports.add(port)).as("port %d given twice", port).isTrue();
        }
    }
}
