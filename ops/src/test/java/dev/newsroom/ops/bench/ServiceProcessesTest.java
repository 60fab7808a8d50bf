package dev.newsroom.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.Newsroom;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ServiceProcessesTest {

    @Test
    void theServiceProcessesAreLaunchedThroughTheCommandLinesMainClass() throws Exception {
        assertThat(ServiceProcesses.LAUNCHER).isEqualTo(Newsroom.class.getName());
        assertThat(Modifier.isStatic(Newsroom.class.getMethod("main", String[].class).getModifiers())).isTrue();
    }
}
