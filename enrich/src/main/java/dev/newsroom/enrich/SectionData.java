package dev.newsroom.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.schemas.Article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A labelled section set: one JSON object per line (the file may be gzipped) with {@code id}, {@code language},
 * {@code headline} (or null), {@code text} (paragraphs separated by newlines) and {@code topic}, the IPTC Media
 * Topic top-level code ({@code medtop:} prefix optional); {@code subtopic} may name a second-level code.
 */
record SectionData(String id, String language, String topic, String subtopic, Article article) {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The class label a section model learns: the top-level code, and the second-level one after a '/'. */
    String label() {
        return subtopic == null ? topic : topic + "/" + subtopic;
    }

    static List<SectionData> read(Path file) {
        List<SectionData> items = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    items.add(parse(file, number, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the labelled set " + file + ": " + e.getMessage(), e);
        }
        return items;
    }

    private static SectionData parse(Path file, int number, String line) {
        JsonNode item;
        try {
            item = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " line " + number + " is not JSON: " + e.getMessage(), e);
        }
        if (!item.path("text").isTextual() || !item.path("language").isTextual() || !item.path("topic").isTextual()) {
            throw new IllegalArgumentException(file + " line " + number + ": needs text, language and topic");
        }
        String id = item.path("id").asText("line " + number);
        String language = item.get("language").asText();
        String headline = item.path("headline").isTextual() ? item.get("headline").asText() : null;
        String subtopic = item.path("subtopic").isTextual() ? code(item.get("subtopic").asText()) : null;
        return new SectionData(id, language, code(item.get("topic").asText()), subtopic,
                article(id, language, headline, item.get("text").asText()));
    }

    private static String code(String topic) {
        return topic.startsWith("medtop:") ? topic.substring("medtop:".length()) : topic;
    }

    /** The item as ingest would hand it on: the headline (else the first paragraph) and one block per paragraph. */
    static Article article(String id, String language, String headline, String text) {
        return LabelledArticle.of(id, language, headline, List.of(text.split("\n")), NOW);
    }
}
