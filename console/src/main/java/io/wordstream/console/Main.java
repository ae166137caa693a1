package io.wordstream.console;

import io.wordstream.console.cli.Cli;

/** The console's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] arguments = Cli.arguments(args, System.console() != null);
        System.exit(Cli.create(arguments).execute(arguments));
    }
}
