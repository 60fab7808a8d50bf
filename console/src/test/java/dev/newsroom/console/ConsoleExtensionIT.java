package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ops.extension.Extension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code newsroom up}'s console: the extension found the way {@code up} finds it (ServiceLoader), started with the
 * client settings {@code up} hands every extension, serves the overview at the URL it reports.
 */
@WithKafkaStack
class ConsoleExtensionIT {

    @Test
    void upsConsoleHookServesTheOverviewAtTheUrlItReports(KafkaStack stack) throws Exception {
        List<Extension> installed = Extension.installed();
        assertThat(installed).hasAtLeastOneElementOfType(ConsoleExtension.class);
        Extension console = installed.stream().filter(ConsoleExtension.class::isInstance).findFirst().orElseThrow();

        // The settings up passes, plus a free port: 8090 may be taken on a shared test machine.
        Extension.Started started = console.startWithUp(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(), ConsoleExtension.PORT_SETTING, "0"),
                new PrintWriter(new StringWriter())).orElseThrow();
        try {
            HttpResponse<String> overview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(started.url())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(started.label()).isEqualTo("web console");
            assertThat(started.url()).matches("http://localhost:\\d+/");
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("Pipeline overview", "newsroom.raw.v1", "Dead letters");
        } finally {
            started.handle().close();
        }
    }
}
