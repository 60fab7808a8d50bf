package dev.newsroom.devstack.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1, for components that must be told their port before they bind it.
 *
 * <p>Chosen below the kernel's ephemeral range: a port the kernel hands out (bind to 0, the source port of every
 * outgoing Kafka connection) could otherwise take the chosen port between the choice and the bind, which failed
 * test runs with "Address already in use". A port is never handed out twice by one JVM.
 */
public final class LoopbackPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    public static int free() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!inUse(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port on 127.0.0.1 between " + LOWEST + " and " + below
                + " after " + ATTEMPTS + " tries");
    }

    public static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Where the kernel starts handing out ports of its own (32768 on Linux by default). */
    static int ephemeralStart() {
        try {
            int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
