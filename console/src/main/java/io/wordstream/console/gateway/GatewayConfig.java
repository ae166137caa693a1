package io.wordstream.console.gateway;

/**
 * What the HTTP gateway listens on, its limits, and how it turns bodies into records.
 *
 * @param host              address to bind (127.0.0.1 unless the operator names another)
 * @param port              TCP port; 0 takes any free one
 * @param maxBodyBytes      largest request body accepted; a larger one gets 413
 * @param maxRecords        most records one request may write; more gets 413
 * @param requestsPerSecond requests served per second over all clients; more get 429
 * @param maxStreams        concurrent {@code /events} clients; one more gets 503
 * @param textField         the JSON field of the sentence, the pipeline's {@code --text-field}
 * @param keepUserFields    whether {@code POST /users} writes {@code nome} and {@code email} to Kafka too
 * @param cors              the other origins whose pages may call the gateway ({@code --http-allow-origin})
 */
public record GatewayConfig(String host, int port, int maxBodyBytes, int maxRecords, int requestsPerSecond,
                            int maxStreams, String textField, boolean keepUserFields, CorsPolicy cors) {
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** Bodies above this would not fit the one Kafka batch a request is written in (the broker takes 1 MB). */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_RECORDS = 1000;
    public static final int MAX_RECORDS = 5000;
    public static final int DEFAULT_REQUESTS_PER_SECOND = 50;
    public static final int DEFAULT_MAX_STREAMS = 16;

    public GatewayConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http takes a TCP port (1-65535, or 0 for any free one), got "
                    + port);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("--http-max-body takes 1 to " + MAX_BODY_BYTES + " bytes, got "
                    + maxBodyBytes);
        }
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw new IllegalArgumentException("--http-max-records takes 1 to " + MAX_RECORDS + ", got "
                    + maxRecords);
        }
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("--http-rate must be at least 1 request per second, got "
                    + requestsPerSecond);
        }
        if (maxStreams < 0) {
            throw new IllegalArgumentException("--http-max-streams must be 0 or more, got " + maxStreams);
        }
        if (textField == null || textField.isBlank()) {
            throw new IllegalArgumentException("--text-field must name a JSON field, for example resumo");
        }
        if (cors == null) {
            throw new IllegalArgumentException("the gateway needs a CORS policy (CorsPolicy.NONE for none)");
        }
    }

    /** As above, with no other origin allowed. */
    public GatewayConfig(String host, int port, int maxBodyBytes, int maxRecords, int requestsPerSecond,
                         int maxStreams, String textField, boolean keepUserFields) {
        this(host, port, maxBodyBytes, maxRecords, requestsPerSecond, maxStreams, textField, keepUserFields,
                CorsPolicy.NONE);
    }

    /** These settings with {@code cors} as the origins allowed. */
    public GatewayConfig withCors(CorsPolicy cors) {
        return new GatewayConfig(host, port, maxBodyBytes, maxRecords, requestsPerSecond, maxStreams, textField,
                keepUserFields, cors);
    }

    /** The defaults, on 127.0.0.1 and the given port. */
    public static GatewayConfig defaults(int port) {
        return new GatewayConfig("127.0.0.1", port, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_RECORDS,
                DEFAULT_REQUESTS_PER_SECOND, DEFAULT_MAX_STREAMS, "resumo", false);
    }

    /**
     * Bytes one request's records may take in their Kafka batch: twice the body (JSON escaping grows text) plus
     * each record's own framing.
     */
    public int batchBytes() {
        return 2 * maxBodyBytes + 64 * maxRecords + 1024;
    }
}
