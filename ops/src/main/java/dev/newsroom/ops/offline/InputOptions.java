package dev.newsroom.ops.offline;

import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs of {@code parse} and {@code enrich}: files, how to read them, and how to print the result. */
final class InputOptions {

    @Option(names = "--type", defaultValue = "auto", paramLabel = "TYPE",
            description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: content sniffing).")
    InputFiles.Type type;

    @Option(names = "--per-file",
            description = "One line per input file, whatever the others hold: {\"file\": ..., \"items\": [ninjs...],"
                    + " \"skipped\": [{\"item\": i, \"reason\": ...}], \"warnings\": [recovered faults],"
                    + " \"error\": null or reason}.")
    boolean perFile;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to read; - reads standard input.")
    List<String> files;
}
