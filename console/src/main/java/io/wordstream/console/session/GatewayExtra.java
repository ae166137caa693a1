package io.wordstream.console.session;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.GatewayService;
import io.wordstream.console.gateway.LiveCounts;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.model.ResultRow;
import java.util.List;

/**
 * The HTTP gateway beside a pipeline: it starts once the pipeline is ready (its sentences need the input topic) and
 * serves the counts of the result rows it is handed. It owns the welcome mail of its sign-ups.
 */
final class GatewayExtra implements PipelineExtras.Extra {
    private final GatewayConfig config;
    private final WelcomeMail welcome;
    private final PipelineExtras.Lines lines;
    private final LiveCounts counts = new LiveCounts(GatewayService.WINDOWS_KEPT);
    private GatewayService gateway;
    private boolean closed;

    GatewayExtra(GatewayConfig config, WelcomeMail welcome, PipelineExtras.Lines lines) {
        this.config = config;
        this.welcome = welcome;
        this.lines = lines;
    }

    @Override
    public boolean wantsResults() {
        return true;
    }

    @Override
    public void results(List<ResultRow> rows) {
        counts.accept(rows);
    }

    @Override
    public synchronized void onEvent(SessionEvent event) {
        if (!(event instanceof SessionEvent.Ready ready) || closed || gateway != null) {
            return;
        }
        try {
            gateway = GatewayService.on(config, ready.settings(), counts, welcome);
            lines.result("gateway " + gateway.uri());
        } catch (UserError e) {
            lines.progress("the HTTP gateway did not start: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        if (welcome != null) {
            welcome.close();
        }
    }
}
