package dev.newsroom.ops.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.enrich.Enricher;
import dev.newsroom.enrich.SubjectScore;
import dev.newsroom.enrich.TagResult;
import dev.newsroom.enrich.TaggedMention;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsroom tag}: mention-level entity annotations and sections for plain text. */
@Command(name = "tag", description = {
        "Tag plain UTF-8 text: one JSON object per document with language, mentions (start/end in Unicode code"
                + " points, end exclusive; type PERSON, ORGANISATION, PLACE, EVENT or OTHER; canonical name; uri;"
                + " confidence) and IPTC subjects."})
public final class TagCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--lines", description = "Each line of the input is a document.")
    boolean lines;

    @Option(names = "--language", paramLabel = "CODE", description = "Language hint (otherwise detected).")
    String language;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The text; - reads standard input.")
    String file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Enricher enricher = Enricher.loadDefault();
        PrintWriter out = spec.commandLine().getOut();
        try (Reader reader = file.equals(InputFiles.STDIN)
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
             BufferedReader text = new BufferedReader(reader)) {
            if (lines) {
                for (String line; (line = text.readLine()) != null; ) {
                    out.println(render(enricher.tag(line, language)));
                }
            } else {
                StringBuilder all = new StringBuilder();
                text.lines().forEach(line -> all.append(line).append('\n'));
                String document = all.length() > 0 ? all.substring(0, all.length() - 1) : "";
                out.println(render(enricher.tag(document, language)));
            }
        }
        return 0;
    }

    static String render(TagResult result) {
        ObjectNode json = JSON.createObjectNode();
        json.put("language", result.language());
        ArrayNode mentions = json.putArray("mentions");
        for (TaggedMention mention : result.mentions()) {
            ObjectNode node = mentions.addObject()
                    .put("start", mention.start())
                    .put("end", mention.end())
                    .put("text", mention.text())
                    .put("type", mention.type().name())
                    .put("name", mention.name());
            if (mention.uri() != null) {
                node.put("uri", mention.uri());
            } else {
                node.putNull("uri");
            }
            node.put("confidence", Math.round(mention.confidence() * 1000) / 1000.0);
        }
        ArrayNode subjects = json.putArray("subjects");
        for (SubjectScore subject : result.subjects()) {
            subjects.addObject().put("uri", subject.uri()).put("name", subject.name()).put("relevance",
                    subject.relevance());
        }
        return json.toString();
    }
}
