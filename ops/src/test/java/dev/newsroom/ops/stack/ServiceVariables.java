package dev.newsroom.ops.stack;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The environment variables a service reads, for the tests of the files that set them (compose, Kubernetes). */
final class ServiceVariables {

    private ServiceVariables() {
    }

    /** Whether {@code service} reads {@code variable}: one of its settings, or a pass-through family. */
    static boolean understood(Services service, String variable) {
        Set<String> understood = new HashSet<>(List.of("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL",
                "NEWSROOM_LOG_FORMAT", "NEWSROOM_LOG_LEVEL", "NEWSROOM_CONFIG"));
        service.application().allSettings().forEach(setting -> understood.add(setting.environmentVariable()));
        return understood.contains(variable) || variable.startsWith("NEWSROOM_KAFKA_")
                || variable.startsWith("NEWSROOM_OUTLET_");
    }
}
