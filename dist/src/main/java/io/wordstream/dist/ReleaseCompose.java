package io.wordstream.dist;

/**
 * docker/compose.yaml as the release archive holds it: it builds the image from the unpacked release around it
 * (context {@code ..}, the Dockerfile's {@code tree} stage), where the source tree's file builds from the archive
 * in {@code dist/target}. Everything else is the source tree's file as it is.
 */
final class ReleaseCompose {
    static final String SOURCE_CONTEXT = "    context: ../dist/target\n    dockerfile: ../../docker/Dockerfile\n";
    static final String RELEASE_CONTEXT = "    context: ..\n    dockerfile: docker/Dockerfile\n";
    static final String SOURCE_STAGE = "      WORDSTREAM_SOURCE: archive\n";
    static final String RELEASE_STAGE = "      WORDSTREAM_SOURCE: tree\n";

    private ReleaseCompose() {
    }

    /** The archive's compose file made from the source tree's {@code compose}. */
    static String of(String compose) {
        return replaceOnce(replaceOnce(compose, SOURCE_CONTEXT, RELEASE_CONTEXT), SOURCE_STAGE, RELEASE_STAGE);
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("docker/compose.yaml must hold these lines once, for the release archive's"
                    + " copy to build from the archive:\n" + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
