package io.wordstream.console.cli;

import picocli.CommandLine.ArgGroup;

/**
 * The option groups of every command that talks to Kafka: 'send', 'watch', 'report', 'gateway', and, through
 * {@link PipelineCommandOptions}, 'run' and the console. Each group is a section of --help. A group that every one
 * of these commands takes is added here, once.
 */
public final class ClientCommandOptions {
    @ArgGroup(validate = false, heading = "%nKafka%n")
    KafkaOptions kafka = new KafkaOptions();

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nSecurity%n")
    SecurityOptions security;

    /** --certs-dir or --insecure as given, or neither. */
    SecurityOptions security() {
        return SecurityOptions.of(security);
    }
}
