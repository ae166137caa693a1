package io.wordstream.console.gateway;

/** What the gateway reports of its traffic to whoever counts it (the metrics endpoint); called on its threads. */
public interface GatewayTraffic {
    /** Counts nothing. */
    GatewayTraffic NONE = new GatewayTraffic() {
        @Override
        public void answered(String endpoint, int status) {
            // not counted
        }

        @Override
        public void sentences(int sent, int acknowledged, int failed) {
            // not counted
        }
    };

    /** A request to {@code endpoint} ({@code users}, {@code windows}, {@code page}...) was answered with status. */
    void answered(String endpoint, int status);

    /** A request's sentences: how many were handed to Kafka, and how many it acknowledged or did not take. */
    void sentences(int sent, int acknowledged, int failed);
}
