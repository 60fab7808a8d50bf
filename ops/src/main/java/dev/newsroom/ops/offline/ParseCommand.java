package dev.newsroom.ops.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.Lineage;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsroom parse}: the ingest service's parser on files, printing ninjs 2.2, one article per line. */
@Command(name = "parse", description = {
        "Parse feeds, pages and texts as the ingest service does; print one ninjs 2.2 JSON object per article per line.",
        "A rejected file's reason goes to stderr naming the file; the other files are still processed and the exit"
                + " status is 1."})
public final class ParseCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    InputOptions input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(spec, input, NinjsWriter::article);
    }

    /**
     * Shared with {@code newsroom enrich}: parse each file, render its articles with {@code render}, report rejected
     * files on stderr and keep going.
     */
    static int run(CommandSpec spec, InputOptions input, Function<Article, ObjectNode> render) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DocumentParser parser = new DocumentParser();
        boolean failed = false;
        int index = 0;
        for (String file : input.files) {
            ObjectNode line = JSON.createObjectNode().put("file", file);
            ArrayNode items = line.putArray("items");
            ArrayNode skipped = line.putArray("skipped");
            ArrayNode warnings = line.putArray("warnings");
            try {
                RawInput document = InputFiles.read(file, input.type, System.in);
                ParsedDocument parsed = parser.parse(document, lineage(file, index++));
                for (Article article : parsed.articles()) {
                    ObjectNode ninjs;
                    try {
                        ninjs = render.apply(article);
                    } catch (RuntimeException e) {
                        String reason = "item " + article.getLineage().getItemIndex() + " (" + article.getId()
                                + ") could not be rendered: " + e;
                        err.println("newsroom: " + file + ": " + reason);
                        skipped.addObject().put("item", article.getLineage().getItemIndex()).put("reason", reason);
                        failed = true;
                        continue;
                    }
                    if (input.perFile) {
                        items.add(ninjs);
                    } else {
                        out.println(NinjsWriter.toJson(ninjs));
                    }
                }
                for (ItemRejection rejected : parsed.rejectedItems()) {
                    err.println("newsroom: " + file + ": item " + rejected.itemIndex() + " skipped: " + rejected.reason());
                    skipped.addObject().put("item", rejected.itemIndex()).put("reason", rejected.reason());
                }
                parsed.warnings().forEach(warnings::add);
                line.putNull("error");
            } catch (IOException | RuntimeException e) {
                failed = true;
                String reason = e instanceof IOException ? "cannot read " + file + ": " + e.getMessage()
                        : e instanceof RejectedDocumentException ? e.getMessage() : file + " could not be parsed: " + e;
                err.println("newsroom: " + file + ": " + reason);
                line.put("error", reason);
            }
            if (input.perFile) {
                out.println(line.toString());
            }
            out.flush();
        }
        return failed ? 1 : 0;
    }

    private static Lineage lineage(String file, int index) {
        return Lineage.newBuilder()
                .setRawTopic("file")
                .setRawPartition(0)
                .setRawOffset(index)
                .setDocumentId(file)
                .setItemIndex(0)
                .setFormat("")
                .setIngestedAt(Instant.now())
                .build();
    }
}
