package dev.newsroom.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The rows of one of enrich's tab-separated data files: blank lines and {@code #} comments left out. */
public final class DataRows {

    private DataRows() {
    }

    /** Each row's fields, empty ones kept (a gazetteer's missing name is an empty field, not a shorter row). */
    public static List<String[]> read(InputStream in) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && line.charAt(0) != '#') {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Hands each row's fields to {@code row}; a row it cannot take (a bad number, an unknown name, a missing field)
     * fails with {@code source}, the line's number and text.
     */
    public static void forEach(InputStream in, String source, Consumer<String[]> row) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.charAt(0) == '#') {
                    continue;
                }
                try {
                    row.accept(line.split("\t", -1));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage() + " in '"
                            + line + "'", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
