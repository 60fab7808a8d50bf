package dev.newsroom.devtools;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * ops' ArchitectureTest sees only the modules on its classpath; this one adds devtools' packages to the rule that
 * no package depends on itself through others (ARCHITECTURE.md).
 */
class ArchitectureTest {

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.newsroom");

        slices().matching("dev.newsroom.(**)").should().beFreeOfCycles().check(classes);
    }
}
