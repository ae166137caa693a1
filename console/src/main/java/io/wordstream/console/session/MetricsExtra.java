package io.wordstream.console.session;

import io.wordstream.console.gateway.GatewayTraffic;
import io.wordstream.console.metrics.MetricsEndpoint;
import io.wordstream.console.metrics.PipelineMetrics;

/**
 * The Prometheus endpoint beside a pipeline ({@code --metrics-port}): it listens from the start, so a port that
 * cannot be served stops the command before anything else starts; the session's events feed its figures, and the
 * gateway, when there is one, counts its traffic into them.
 */
final class MetricsExtra implements PipelineExtras.Extra {
    private final PipelineMetrics metrics = new PipelineMetrics();
    private final MetricsFeed feed = new MetricsFeed(metrics);
    private final MetricsEndpoint endpoint;
    private final PipelineExtras.Lines lines;
    private boolean announced;

    MetricsExtra(String host, int port, PipelineExtras.Lines lines) {
        this.endpoint = MetricsEndpoint.start(host, port, metrics.registry());
        this.lines = lines;
    }

    /** Where the gateway reports its answers and sentences. */
    GatewayTraffic gatewayTraffic() {
        return metrics.gatewayTraffic();
    }

    @Override
    public void onEvent(SessionEvent event) {
        synchronized (this) {
            // Said with the session's first event: the console's screen takes lines only once it runs.
            if (!announced) {
                announced = true;
                lines.result("metrics " + endpoint.uri());
            }
        }
        feed.onEvent(event);
    }

    @Override
    public void sentence(boolean acknowledged) {
        metrics.sentencesSent(PipelineMetrics.Via.CONSOLE, 1);
        if (acknowledged) {
            metrics.sentencesAcknowledged(PipelineMetrics.Via.CONSOLE, 1);
        } else {
            metrics.sentencesFailed(PipelineMetrics.Via.CONSOLE, 1);
        }
    }

    @Override
    public void close() {
        feed.close();
        endpoint.close();
    }
}
