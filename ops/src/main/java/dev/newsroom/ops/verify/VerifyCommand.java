package dev.newsroom.ops.verify;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.cli.JsonOutput;
import dev.newsroom.ops.operate.ApplicationIdOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.PipelineService;
import dev.newsroom.ops.operate.TimeArgument;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsroom verify --from TIME}: the pipeline's books since a point in time, for after an incident. */
@Command(name = "verify", description = {
        "Account for everything since TIME: raw documents in; what each stage made of its inputs (outputs, dead"
                + " letters, nothing due), what is still pending and what is unaccounted for (passed by its service"
                + " without a trace); why ingest owed nothing, by kind (an empty feed, an unchanged re-ingest, an item"
                + " repeating another of its document); the same version twice on a read_committed output; published"
                + " versions per outlet (delivered, parked, retrying, pending); dead letters by stage and reason.",
        "Exit status 0 when nothing is unaccounted for or duplicated (pending inputs allowed), 1 otherwise."})
public final class VerifyCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ApplicationIdOptions applicationIds;

    @Option(names = "--from", required = true, paramLabel = "TIME", converter = TimeArgument.class,
            description = "Account for records from this time on: " + TimeArgument.HELP + ".")
    Instant from;

    @Option(names = "--kafka-outlet", paramLabel = "NAME=TOPIC",
            description = "A Kafka outlet and its topic, to count the records it received (repeatable; without it a"
                    + " Kafka outlet is checked by its delivery receipts).")
    Map<String, String> kafkaOutlets = Map.of();

    @Option(names = "--json", description = "The account as one JSON object, for scripts (same exit status).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KafkaClients clients = KafkaClients.of(connection);
        ServiceGroups groups;
        try (Admin admin = clients.admin()) {
            groups = ServiceGroups.read(admin, applicationIds.applicationId(PipelineService.INGEST, clients),
                    applicationIds.applicationId(PipelineService.ENRICH, clients),
                    applicationIds.applicationId(PipelineService.PUBLISH, clients));
        }
        Account account;
        try (PipelineLedger ledger = new PipelineLedger(clients.kafka(), clients.catalogue(), from, kafkaOutlets)) {
            account = Reconciler.reconcile(ledger.catchUp(), groups);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.of(account));
        } else {
            AccountReport.print(account, out);
        }
        out.flush();
        return account.consistent() ? 0 : 1;
    }
}
