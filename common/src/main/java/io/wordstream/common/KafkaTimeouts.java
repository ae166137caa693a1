package io.wordstream.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request, API, metadata and connection set-up timeouts of wordstream's Kafka clients (the job's source, sink and
 * metrics publisher; the console's producer, consumers and admin), each set once here with its reason. Kafka's defaults
 * suit batch clients: a client that asks a dead broker waits up to a minute, and counting with it. Each method returns
 * only what the operator's client properties (--kafka-config) leave unset, so the operator's file always wins; where
 * Kafka requires one timeout to cover another, the default gives way to the operator's value.
 */
public final class KafkaTimeouts {
    public static final String REQUEST_TIMEOUT = "request.timeout.ms";
    public static final String API_TIMEOUT = "default.api.timeout.ms";
    public static final String METADATA_MAX_AGE = "metadata.max.age.ms";
    public static final String DELIVERY_TIMEOUT = "delivery.timeout.ms";
    public static final String LINGER = "linger.ms";
    public static final String CONNECTION_SETUP = "socket.connection.setup.timeout.ms";
    public static final String CONNECTION_SETUP_MAX = "socket.connection.setup.timeout.max.ms";

    // Every client learns of new partition leaders within 5 s, not Kafka's 5 minutes, even before a request fails.
    static final long METADATA_MAX_AGE_MS = 5_000;
    // The job's offset lookup asks each partition's leader and waits for the API timeout when that leader is dead;
    // then Spark retries with fresh metadata. 3 s keeps recovery near Kafka's own 9 s detection time.
    static final long JOB_API_MS = 3_000;
    // The admin client refuses a request timeout above its API timeout; a request unanswered is sent again anyway.
    static final long JOB_REQUEST_MS = 3_000;
    // The console's requests: a broker that has not answered in 5 s is given up for another, not waited on for 30 s.
    static final long CONSOLE_REQUEST_MS = 5_000;
    // The console's admin checks and consumer look-ups fail within seconds, so a status line can say so.
    static final long CONSOLE_ADMIN_API_MS = 5_000;
    static final long CONSOLE_CONSUMER_API_MS = 10_000;
    // A connection to a host that does not answer at all (it lost power: no refusal comes back) is given up after 3 s,
    // 5 s at most when attempts keep failing, not Kafka's 10 s growing to 30 s: measured, clients kept trying a silent
    // broker for a minute before they asked another for the new leader (docs/failover.md, "Losing a host").
    static final long CONNECTION_SETUP_MS = 3_000;
    static final long CONNECTION_SETUP_MAX_MS = 5_000;
    // A producer's patience for a sentence: a broker restart (5-15 s measured) and a new leader are waited out.
    static final long PRODUCER_DELIVERY_MS = 120_000;

    /**
     * Spark's Kafka source retries a failed offset lookup this many times, this far apart, before the query fails:
     * 60 tries of about 3 s keep the three minutes of patience that Spark's defaults (3 tries of 60 s) give.
     */
    public static final int OFFSET_FETCH_RETRIES = 60;
    public static final long OFFSET_FETCH_RETRY_INTERVAL_MS = 100;

    private KafkaTimeouts() {
    }

    /** For every client of the job: the source's consumers and admin, the sink's producer, the metrics publisher. */
    public static Map<String, String> job(Map<String, String> operator) {
        return requestAndApi(operator, JOB_REQUEST_MS, JOB_API_MS);
    }

    /** For the console's producers: request and metadata timeouts, and a delivery timeout that covers them. */
    public static Map<String, String> consoleProducer(Map<String, String> operator, long lingerMs) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(METADATA_MAX_AGE, Long.toString(METADATA_MAX_AGE_MS));
        t.put(REQUEST_TIMEOUT, Long.toString(CONSOLE_REQUEST_MS));
        t.keySet().removeAll(operator.keySet());
        connectionSetup(operator, t);
        long request = effective(operator, t, REQUEST_TIMEOUT);
        // Kafka refuses a delivery timeout shorter than linger plus request timeout.
        if (!operator.containsKey(DELIVERY_TIMEOUT)) {
            t.put(DELIVERY_TIMEOUT, Long.toString(Math.max(PRODUCER_DELIVERY_MS, lingerMs + request)));
        }
        return t;
    }

    /** For the console's consumers. */
    public static Map<String, String> consoleConsumer(Map<String, String> operator) {
        return requestAndApi(operator, CONSOLE_REQUEST_MS, CONSOLE_CONSUMER_API_MS);
    }

    /** For the console's admin client. */
    public static Map<String, String> consoleAdmin(Map<String, String> operator) {
        return requestAndApi(operator, CONSOLE_REQUEST_MS, CONSOLE_ADMIN_API_MS);
    }

    /** The options of Spark's Kafka source that retry a failed offset lookup. */
    public static Map<String, String> offsetFetchRetries() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("fetchOffset.numRetries", Integer.toString(OFFSET_FETCH_RETRIES));
        t.put("fetchOffset.retryIntervalMs", Long.toString(OFFSET_FETCH_RETRY_INTERVAL_MS));
        return t;
    }

    private static Map<String, String> requestAndApi(Map<String, String> operator, long requestMs, long apiMs) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(METADATA_MAX_AGE, Long.toString(METADATA_MAX_AGE_MS));
        t.put(REQUEST_TIMEOUT, Long.toString(requestMs));
        t.put(API_TIMEOUT, Long.toString(apiMs));
        t.keySet().removeAll(operator.keySet());
        connectionSetup(operator, t);
        // Kafka's admin client refuses an API timeout below the request timeout: the default gives way to the
        // operator's either way.
        long request = effective(operator, t, REQUEST_TIMEOUT);
        long api = effective(operator, t, API_TIMEOUT);
        if (api < request) {
            if (t.containsKey(API_TIMEOUT)) {
                t.put(API_TIMEOUT, Long.toString(request));
            } else if (t.containsKey(REQUEST_TIMEOUT)) {
                t.put(REQUEST_TIMEOUT, Long.toString(api));
            }
        }
        return t;
    }

    /** The connection set-up timeouts, unless the operator set them; ours give way to keep Kafka's min <= max. */
    private static void connectionSetup(Map<String, String> operator, Map<String, String> t) {
        if (!operator.containsKey(CONNECTION_SETUP)) {
            t.put(CONNECTION_SETUP, Long.toString(CONNECTION_SETUP_MS));
        }
        if (!operator.containsKey(CONNECTION_SETUP_MAX)) {
            t.put(CONNECTION_SETUP_MAX, Long.toString(CONNECTION_SETUP_MAX_MS));
        }
        long min = effective(operator, t, CONNECTION_SETUP);
        long max = effective(operator, t, CONNECTION_SETUP_MAX);
        if (min > max) {
            if (t.containsKey(CONNECTION_SETUP_MAX)) {
                t.put(CONNECTION_SETUP_MAX, Long.toString(min));
            } else if (t.containsKey(CONNECTION_SETUP)) {
                t.put(CONNECTION_SETUP, Long.toString(max));
            }
        }
    }

    private static long effective(Map<String, String> operator, Map<String, String> defaults, String key) {
        String v = operator.containsKey(key) ? operator.get(key) : defaults.get(key);
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + v + " in the Kafka client properties is not a number of"
                    + " milliseconds; fix it in the file given to --kafka-config");
        }
    }
}
