package dev.newsroom.ops.stack;

import dev.newsroom.platform.config.Setting;
import java.util.List;

/** The settings of a service as the README's markdown table shows them, written from the settings themselves. */
final class SettingsTable {

    private SettingsTable() {
    }

    static String markdown(List<Setting<?>> settings) {
        StringBuilder table = new StringBuilder("| key | default | meaning |\n| --- | --- | --- |\n");
        for (Setting<?> setting : settings) {
            table.append(row(setting)).append('\n');
        }
        return table.toString();
    }

    static String row(Setting<?> setting) {
        String defaultText = setting.defaultText() == null ? "" : "`" + setting.defaultText() + "`";
        return "| `" + setting.key() + "` | " + defaultText + " | " + setting.description().replace("|", "\\|") + " |";
    }
}
