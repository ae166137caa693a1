package io.wordstream.console.cli;

import io.wordstream.console.settings.RecordedKafka;
import io.wordstream.console.settings.Settings;

/** What 'console --attach' changes in the settings and says when it ends. */
final class Attach {
    /** Shown where an owning console shows its Spark master: this console has none of its own. */
    static final String MASTER = "attached";

    private Attach() {
    }

    /**
     * The settings of an attached console: the Kafka of --bootstrap-server, else the one the pipeline recorded in
     * the data dir.
     */
    static Settings settings(Settings settings, boolean reset) {
        if (reset) {
            throw new IllegalArgumentException("--reset cannot go with --attach: an attached console deletes nothing;"
                    + " reset the pipeline where it runs");
        }
        Settings.Builder b = settings.toBuilder().master(MASTER);
        if (settings.bootstrapServers().isEmpty()) {
            b.bootstrapServers(RecordedKafka.read(settings.dataDir()));
        }
        return b.build();
    }

    static String detached(Settings settings) {
        return "wordstream: detached; the pipeline at " + settings.bootstrap() + " goes on";
    }
}
