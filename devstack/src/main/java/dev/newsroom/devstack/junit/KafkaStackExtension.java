package dev.newsroom.devstack.junit;

import dev.newsroom.devstack.ContainerKafkaStack;
import dev.newsroom.devstack.EmbeddedKafkaStack;
import dev.newsroom.devstack.KafkaStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one {@link KafkaStack} per test JVM, the first time a test class asks for it, and stops it when the
 * JVM's tests are done (JUnit closes root-store values; a JVM shutdown hook and the registry's watchdog cover
 * a crash).
 *
 * <p>{@code -Dnewsroom.it=embedded} (the default) uses the in-process broker and an Apicurio child process.
 * {@code -Dnewsroom.it=testcontainers} uses containers where a Docker engine answers; where none does, it says
 * so and uses the embedded stack, so the same tests always run.
 */
public final class KafkaStackExtension implements BeforeAllCallback, ParameterResolver {

    public static final String MODE_PROPERTY = "newsroom.it";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStackExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            KafkaStackExtension.class);

    /** How the stack is provided, decided from the requested mode and whether Docker answers. */
    public enum Mode {
        EMBEDDED, TESTCONTAINERS;

        static Mode resolve(String requested, boolean dockerAvailable) {
            if (requested == null || requested.isBlank() || requested.equalsIgnoreCase("embedded")) {
                return EMBEDDED;
            }
            if (!requested.equalsIgnoreCase("testcontainers")) {
                throw new IllegalArgumentException("-D" + MODE_PROPERTY + "=" + requested
                        + " is not a mode: use 'embedded' or 'testcontainers'");
            }
            if (!dockerAvailable) {
                LOG.warn("-D{}=testcontainers asked for containers, but no Docker engine answers here: the "
                        + "Testcontainers path is skipped and the tests run on the embedded stack instead", MODE_PROPERTY);
                return EMBEDDED;
            }
            return TESTCONTAINERS;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static KafkaStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedStack.class, key -> SharedStack.start(), SharedStack.class)
                .stack();
    }

    /** The JVM-wide stack; JUnit closes it when the root context closes. */
    private record SharedStack(KafkaStack stack, Path dataDir) implements AutoCloseable {

        static SharedStack start() {
            Mode mode = Mode.resolve(System.getProperty(MODE_PROPERTY), requestsContainers()
                    && ContainerKafkaStack.dockerAvailable());
            long began = System.nanoTime();
            if (mode == Mode.TESTCONTAINERS) {
                KafkaStack stack = ContainerKafkaStack.start();
                LOG.info("Test stack: {}", stack.description());
                return new SharedStack(stack, null);
            }
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("newsroom-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaStack stack = EmbeddedKafkaStack.start(dataDir, 0, 0);
            LOG.info("Test stack ready in {} ms: {}", (System.nanoTime() - began) / 1_000_000, stack.description());
            return new SharedStack(stack, dataDir);
        }

        private static boolean requestsContainers() {
            return "testcontainers".equalsIgnoreCase(System.getProperty(MODE_PROPERTY));
        }

        @Override
        public void close() {
            try {
                stack.close();
            } finally {
                if (dataDir != null) {
                    deleteQuietly(dataDir);
                }
            }
        }

        private static void deleteQuietly(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                LOG.debug("Could not delete {}", root, e);
            }
        }
    }
}
