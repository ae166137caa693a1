package io.wordstream.console.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Wraps the usage help at spaces only. picocli breaks lines wherever Java's line breaker allows, inside
 * {@code HOST:PORT} and paths too; here picocli lays the help out on very long lines and each line is then wrapped
 * at its spaces, continuation lines indented under the text of the column they belong to.
 */
final class HelpWrap {
    /** Wide enough that picocli itself never wraps. */
    private static final int UNWRAPPED = 1000;

    private static final String DEFAULT = "(default: ";
    /** The same with a no-break space, which {@link #wrapLine} does not break at; put back after wrapping. */
    private static final String DEFAULT_JOINED = "(default:\u00a0";

    private HelpWrap() {
    }

    /** Makes {@code cl} and its subcommands print their help wrapped at spaces to {@code width} columns. */
    static void apply(CommandLine cl, int width) {
        cl.setUsageHelpWidth(UNWRAPPED);
        cl.setUsageHelpLongOptionsMaxWidth(30);
        applyTo(cl, width);
    }

    private static void applyTo(CommandLine cl, int width) {
        cl.getCommandSpec().usageMessage().abbreviateSynopsis(true);
        Map<String, IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.replaceAll((key, renderer) -> help -> wrap(renderer.render(help), width));
        cl.setHelpSectionMap(sections);
        cl.getSubcommands().values().forEach(sub -> applyTo(sub, width));
    }

    /** Each line of {@code text} wrapped at spaces to {@code width}; "(default: X)" stays on one line. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.replace(DEFAULT, DEFAULT_JOINED).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(String.join("\n", wrapLine(lines[i], width)));
        }
        return out.toString().replace(DEFAULT_JOINED, DEFAULT);
    }

    static List<String> wrapLine(String line, int width) {
        List<String> out = new ArrayList<>();
        if (line.length() <= width) {
            out.add(line);
            return out;
        }
        String indent = " ".repeat(Math.min(hangingIndent(line), width / 2));
        String rest = line;
        boolean first = true;
        while (rest.length() > width) {
            int start = first ? 0 : indent.length();
            int cut = rest.lastIndexOf(' ', width);
            while (cut > start && rest.charAt(cut - 1) == ' ') {
                cut--;
            }
            if (cut <= start) {
                cut = rest.indexOf(' ', width); // one word longer than the line: it overflows rather than breaks
                if (cut < 0) {
                    break;
                }
            }
            out.add(rest.substring(0, cut));
            rest = indent + rest.substring(cut).stripLeading();
            first = false;
        }
        out.add(rest);
        return out;
    }

    /**
     * Where continuation lines start: under the text after a column gap (two spaces or more, as between an option
     * and its description), else under the line's own first character.
     */
    static int hangingIndent(String line) {
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        int gap = line.indexOf("  ", lead);
        if (gap < 0) {
            return lead;
        }
        int text = gap;
        while (text < line.length() && line.charAt(text) == ' ') {
            text++;
        }
        return text < line.length() ? text : lead;
    }
}
