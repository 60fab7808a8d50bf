package dev.newsroom.devtools.demo;

import dev.newsroom.devstack.EmbeddedKafkaStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsroom demo}: the whole pipeline on the embedded stack, with a readable report, then everything stops. */
@Command(name = "demo", description = {
        "Start Kafka and the schema registry on this machine, run ingest, enrich and publish on the sample inputs with"
                + " a signed webhook, a Kafka outlet and a feed, report what was published, kill one article, and stop"
                + " everything (no process or port left behind)."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${sys:newsroom.home:-.}/samples",
            description = "Directory holding the sample inputs (default: the repository's samples/).")
    Path samples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long began = System.nanoTime();
        Path work = Files.createTempDirectory("newsroom-demo-");
        try {
            out.println("Starting Kafka (in-process KRaft) and the schema registry (Apicurio, child process) on loopback ...");
            out.flush();
            try (EmbeddedKafkaStack stack = EmbeddedKafkaStack.start(work.resolve("stack"), 0, 0)) {
                out.println("  " + stack.description());
                new Demo(stack, samples, work, "", out).run();
                out.println("Stopping Kafka and the registry ...");
                out.flush();
            }
            out.printf("Done in %d s.%n", (System.nanoTime() - began) / 1_000_000_000L);
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
