package dev.newsroom.ops;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure ARCHITECTURE.md describes, checked: packages that depend on each other in a circle cannot be
 * understood or changed one at a time, and a source file past 500 lines has stopped being about one thing.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("..");
    private static final int MAX_LINES = 500;

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.newsroom");

        slices().matching("dev.newsroom.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noMainSourceFileIsLongerThan500Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(ROOT)) {
            tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .filter(file -> lines(file) > MAX_LINES)
                    .map(file -> ROOT.relativize(file) + " (" + lines(file) + " lines)")
                    .sorted()
                    .toList();
        }
        assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
