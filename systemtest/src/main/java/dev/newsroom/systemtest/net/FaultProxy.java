package dev.newsroom.systemtest.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback that can cut or slow the link it stands in: {@link Mode#PASS} forwards bytes as they come,
 * {@link Mode#DROP} stops forwarding and accepting (bytes wait in the kernel's buffers as behind a dead link, and a
 * peer sees silence, not a reset, until its own timeouts fire), {@link Mode#SLOW} holds every chunk for a delay in each
 * direction. Back to {@link Mode#PASS}, whatever waited flows on, as after a healed partition.
 */
public final class FaultProxy implements AutoCloseable {

    /** What the proxy does with the bytes it is handed. */
    public enum Mode { PASS, DROP, SLOW }

    private static final int CHUNK = 64 * 1024;

    private final String name;
    private final ServerSocket server;
    private final int target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean open = true;

    private FaultProxy(String name, ServerSocket server, int target) {
        this.name = name;
        this.server = server;
        this.target = target;
    }

    /** Listens on {@code 127.0.0.1:port} and forwards to {@code 127.0.0.1:target}. */
    public static FaultProxy start(String name, int port, int target) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            FaultProxy proxy = new FaultProxy(name, server, target);
            daemon(proxy::acceptLoop, "proxy-" + name);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " for " + name, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    /** Cuts the link: nothing more is forwarded or accepted until {@link #pass()}. */
    public void drop() {
        mode = Mode.DROP;
    }

    /** Forwards again, with {@code latency} added to every chunk in each direction. */
    public void slow(Duration latency) {
        delay = latency;
        mode = Mode.SLOW;
    }

    /** Forwards as it comes. */
    public void pass() {
        mode = Mode.PASS;
    }

    private void acceptLoop() {
        while (open) {
            try {
                holdWhileDropped();
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5_000);
                } catch (IOException e) {
                    // the broker behind is down: the client sees its connection refused, as it would without us
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                daemon(() -> pump(client, upstream), "proxy-" + name + "-out");
                daemon(() -> pump(upstream, client), "proxy-" + name + "-in");
            } catch (IOException e) {
                if (open) {
                    pause(50);
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            while (open) {
                holdWhileDropped();
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                if (mode == Mode.SLOW) {
                    pause(delay.toMillis());
                }
                holdWhileDropped();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or reset: the other is closed below, as a broken link would leave it
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void holdWhileDropped() {
        while (mode == Mode.DROP && open) {
            pause(20);
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(this::closeQuietly);
    }
}
