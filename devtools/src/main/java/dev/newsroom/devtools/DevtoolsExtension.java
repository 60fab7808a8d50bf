package dev.newsroom.devtools;

import dev.newsroom.devtools.bench.BenchCommand;
import dev.newsroom.devtools.demo.DemoCommand;
import dev.newsroom.devtools.up.UpCommand;
import dev.newsroom.ops.extension.Extension;
import java.util.List;

/**
 * The commands that start the embedded broker and registry ({@code demo}, {@code up}, {@code bench}) join the
 * command line from here, so that ops, and the service image built from it, carry no broker, Scala or JUnit.
 */
public final class DevtoolsExtension implements Extension {

    @Override
    public List<Object> commands() {
        return List.of(new DemoCommand(), new UpCommand(), new BenchCommand());
    }
}
