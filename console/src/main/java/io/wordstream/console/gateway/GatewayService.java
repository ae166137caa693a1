package io.wordstream.console.gateway;

import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.kafka.TopicPlan;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.security.TlsContexts;
import io.wordstream.console.settings.Settings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * The gateway together with the counts it serves: either its own feed of the results topic ('gateway', 'run'), or
 * a {@link LiveCounts} that its owner feeds (the console, from the feed that also draws its charts).
 */
public final class GatewayService implements AutoCloseable {
    /** Windows the gateway's own model keeps, as the console does. */
    public static final int WINDOWS_KEPT = 360;

    private final TopicFeed feed;
    private final Gateway gateway;

    private GatewayService(TopicFeed feed, Gateway gateway) {
        this.feed = feed;
        this.gateway = gateway;
    }

    /**
     * Creates the input topic if it is missing, follows the results topic from its beginning and starts listening.
     * Kafka must answer and the results topic exist: call it once the pipeline is ready.
     */
    public static GatewayService withOwnFeed(GatewayConfig config, Settings settings) {
        return withOwnFeed(config, settings, null);
    }

    /** As above, with the welcome note of sign-ups ({@code welcome}, null for none; its owner closes it). */
    public static GatewayService withOwnFeed(GatewayConfig config, Settings settings, WelcomeMail welcome) {
        return withOwnFeed(config, settings, welcome, GatewayTraffic.NONE);
    }

    /** As above, reporting the gateway's answers and sentences to {@code traffic}. */
    public static GatewayService withOwnFeed(GatewayConfig config, Settings settings, WelcomeMail welcome,
                                             GatewayTraffic traffic) {
        Properties clientProperties = KafkaClients.base(settings);
        String inputTopic = settings.inputTopics().get(0);
        try (TopicAdmin admin = new TopicAdmin(clientProperties)) {
            admin.ensureTopics(List.of(TopicPlan.of(settings, admin.brokerCount()).get(inputTopic)));
            admin.requireTopic(settings.resultsTopic());
        }
        LiveCounts counts = new LiveCounts(WINDOWS_KEPT);
        TopicFeed feed = LiveCounts.follow(clientProperties, settings.resultsTopic(), counts);
        try {
            return new GatewayService(feed, new Gateway(config, clientProperties, inputTopic, counts, welcome,
                    traffic, tls(config, settings)));
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    /** Starts listening, serving {@code counts}, which the caller feeds with result rows. */
    public static GatewayService on(GatewayConfig config, Settings settings, LiveCounts counts) {
        return on(config, settings, counts, null);
    }

    /** As above, with the welcome note of sign-ups ({@code welcome}, null for none; its owner closes it). */
    public static GatewayService on(GatewayConfig config, Settings settings, LiveCounts counts,
                                    WelcomeMail welcome) {
        return on(config, settings, counts, welcome, GatewayTraffic.NONE);
    }

    /** As above, reporting the gateway's answers and sentences to {@code traffic}. */
    public static GatewayService on(GatewayConfig config, Settings settings, LiveCounts counts,
                                    WelcomeMail welcome, GatewayTraffic traffic) {
        return new GatewayService(null, new Gateway(config, KafkaClients.base(settings),
                settings.inputTopics().get(0), counts, welcome, traffic, tls(config, settings)));
    }

    /** Secured and off loopback, the gateway serves HTTPS with this host's node certificate. */
    static Optional<SSLContext> tls(GatewayConfig config, Settings settings) {
        if (!settings.security().secured() || SecureMode.isLoopback(config.host())) {
            return Optional.empty();
        }
        return settings.security().credentials().flatMap(c -> c.node()).map(TlsContexts::server);
    }

    public URI uri() {
        return gateway.uri();
    }

    @Override
    public void close() {
        gateway.close();
        if (feed != null) {
            feed.close();
        }
    }
}
