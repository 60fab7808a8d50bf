package dev.newsroom.systemtest;

import dev.newsroom.devstack.registry.ApicurioRegistry;

/** {@code kill -9} of the registry: its own {@link ApicurioRegistry#stop()} is a clean SIGTERM. */
final class RegistryKill {

    private RegistryKill() {
    }

    /**
     * Kills the registry's JVM, found among this JVM's descendants by its port, waits until it is gone, and lets the
     * registry object forget it, so that {@link ApicurioRegistry#start()} starts a new one.
     *
     * @return the killed JVM's pid
     */
    static long kill(ApicurioRegistry registry) {
        String portOption = "-Dquarkus.http.port=" + registry.port();
        ProcessHandle jvm = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(portOption))
                .filter(process -> process.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no registry JVM with " + portOption));
        jvm.destroyForcibly();
        jvm.onExit().join();
        registry.stop();
        return jvm.pid();
    }
}
