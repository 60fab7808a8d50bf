package dev.newsroom.devtools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class BenchCommandTest {

    private static BenchCommand parsed(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theClientsAreTunedUnlessKafkasDefaultsAreAskedFor() {
        assertThat(parsed().settings().clients()).isEqualTo(ClientTuning.THROUGHPUT);
        assertThat(parsed("--clients", "kafka-defaults").settings().clients()).isEqualTo(ClientTuning.KAFKA_DEFAULTS);
        assertThatThrownBy(() -> parsed("--clients", "fastest").settings()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("'fastest'");
    }

    @Test
    void severalInstancesOfEachServiceNeedSeparateProcesses() {
        assertThat(parsed("--separate-processes", "--instances", "2").settings().instances()).isEqualTo(2);
        assertThat(parsed().settings().instances()).isEqualTo(1);
        assertThatThrownBy(() -> parsed("--instances", "2").settings()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--separate-processes");
        assertThatThrownBy(() -> parsed("--separate-processes", "--instances", "0").settings())
                .isInstanceOf(ParameterException.class).hasMessageContaining("at least 1");
    }

    @Test
    void warmingUpUntilTheCompilerIsIdleWatchesThisJvmSoItRefusesSeparateProcesses() {
        assertThat(parsed("--warmup-until-compiled").settings().warmupUntilCompiled()).isTrue();
        assertThat(parsed().settings().warmupUntilCompiled()).isFalse();
        assertThatThrownBy(() -> parsed("--warmup-until-compiled", "--separate-processes").settings())
                .isInstanceOf(ParameterException.class).hasMessageContaining("--separate-processes");
    }
}
