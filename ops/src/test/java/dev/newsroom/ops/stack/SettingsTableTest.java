package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.Newsroom;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.Setting;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** The README's settings table is the one the settings write of themselves, defaults included. */
class SettingsTableTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeShowsEverySettingWithTheDefaultTheCodeUses() throws Exception {
        String readme = Files.readString(README);
        List<Setting<?>> documented = new ArrayList<>(CommonSettings.BASE);
        for (Services service : Services.values()) {
            documented.addAll(service.application().settings());
        }

        List<String> missing = documented.stream()
                .map(SettingsTable::row)
                .filter(row -> !readme.contains(row))
                .toList();

        assertThat(missing).as("rows `./newsroom service NAME --list-settings` prints that README.md lacks").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void listSettingsPrintsTheServicesOwnDefaults(Services service) {
        StringWriter out = new StringWriter();
        CommandLine command = Newsroom.commandLine();
        command.setOut(new PrintWriter(out));

        int exit = command.execute("service", service.label(), "--list-settings");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("| `application.id` | `newsroom-" + service.label() + "` |")
                .contains("| `newsroom.management.port` | `" + service.application().defaultManagementPort() + "` |")
                .contains("| `newsroom.topic.raw` | `newsroom.raw.v1` |");
    }
}
