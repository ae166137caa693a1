package io.wordstream.common;

/** A {@code host:port} address, as operators type it. */
public record HostPort(String host, int port) {

    /**
     * Parses {@code host:port} as typed on the command line or in a settings file.
     *
     * @param option the option the text came from, named in the error
     * @throws IllegalArgumentException when the text is not {@code host:port} with a port from 1 to 65535
     */
    public static HostPort parse(String text, String option) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException(option + " takes HOST:PORT, got '" + text + "'");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes HOST:PORT with a numeric port, got '" + text + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + " takes a port from 1 to 65535, got " + port);
        }
        return new HostPort(t.substring(0, colon), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
