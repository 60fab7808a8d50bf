package dev.newsroom.ops.operate;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every operator command, since operators reach for it before {@code newsroom help X}. */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
