package io.wordstream.job;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Waits until the topics the query needs exist. The console launches the job while its broker is still starting,
 * so the driver's start-up and the broker's overlap; the query itself must not start before its topics do.
 */
final class TopicWait {
    private TopicWait() {
    }

    /**
     * Waits until every topic exists, the timeout passes or {@code stop} gives a reason.
     *
     * @param stop asked between attempts; a reason to stop ends the wait early
     * @return empty when every topic exists, else why the wait ended
     */
    static Optional<String> await(Properties client, Collection<String> topics, Duration timeout,
                                  Supplier<Optional<String>> stop) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        // The broker may be starting beside the job: notice it within 0.1 s, not after a backoff grown to 1 s.
        p.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "100");
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = new HashSet<>(topics);
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    missing.removeAll(admin.listTopics().names().get(3, TimeUnit.SECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    // The broker may not be up yet: ask again.
                }
                if (missing.isEmpty()) {
                    return Optional.empty();
                }
                Optional<String> reason = stop.get();
                if (reason.isPresent()) {
                    return reason;
                }
                if (System.nanoTime() > deadline) {
                    return Optional.of("topics " + missing + " do not exist on Kafka at "
                            + client.getProperty("bootstrap.servers") + " after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while waiting for the topics");
        }
    }
}
