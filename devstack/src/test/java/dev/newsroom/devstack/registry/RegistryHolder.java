package dev.newsroom.devstack.registry;

import java.nio.file.Path;

/** Test helper run in its own JVM: starts a registry, says so, then waits to be killed. */
public final class RegistryHolder {

    private RegistryHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        ApicurioRegistry registry = ApicurioRegistry.start(0, Path.of(args[0]), false);
        System.out.println("READY " + registry.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
