package io.wordstream.dist;

/** The NOTICE file: wordstream's own notice, then every bundled third-party artifact with its licence. */
final class Notice {
    private Notice() {
    }

    /** @param thirdParty the license-maven-plugin's list of the modules' third-party dependencies */
    static String text(String thirdParty) {
        return "wordstream\n"
                + "Copyright 2026 the wordstream authors.\n"
                + "\n"
                + "wordstream is licensed under the Apache License, Version 2.0 (see LICENSE).\n"
                + "\n"
                + "This distribution bundles the third-party software listed below, in lib/jars (and, linked from\n"
                + "there, in spark-home/jars). Each is distributed under its own licence, named here as its Maven POM\n"
                + "declares it; the licence texts are at the projects' addresses below, and in many jars' META-INF.\n"
                + "\n"
                + thirdParty.strip() + "\n";
    }
}
