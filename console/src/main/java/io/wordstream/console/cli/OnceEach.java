package io.wordstream.console.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParseResult.GroupMatch;

/**
 * Refuses an option of an option group given twice, as picocli refuses any other single-value option. In a group
 * that only makes a section of --help, picocli takes the repetition for a second use of the whole group and keeps
 * the last one silently: the options given before it would be lost.
 */
final class OnceEach {
    private OnceEach() {
    }

    /** @throws CommandLine.OverwrittenOptionException naming the first option given twice */
    static void check(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            Map<ArgGroupSpec, List<GroupMatch>> uses = new LinkedHashMap<>();
            p.getGroupMatches().forEach(root -> collect(root, uses));
            CommandLine cmd = p.commandSpec().commandLine();
            uses.forEach((group, matches) -> check(cmd, group, matches));
        }
    }

    /** Each group matched inside {@code match}, and inside those, with all its matches. */
    private static void collect(GroupMatch match, Map<ArgGroupSpec, List<GroupMatch>> uses) {
        match.matchedSubgroups().forEach((group, container) -> {
            uses.computeIfAbsent(group, g -> new ArrayList<>()).addAll(container.matches());
            container.matches().forEach(m -> collect(m, uses));
        });
    }

    private static void check(CommandLine cmd, ArgGroupSpec group, List<GroupMatch> matches) {
        for (ArgSpec arg : group.args()) {
            if (arg instanceof OptionSpec option && !option.isMultiValue()
                    && matches.stream().filter(m -> !m.matchedValues(arg).isEmpty()).count() > 1) {
                String label = option.arity().max() > 0 ? " (" + option.paramLabel() + ")" : "";
                throw new CommandLine.OverwrittenOptionException(cmd, option,
                        "option '" + option.longestName() + "'" + label + " should be specified only once");
            }
        }
    }
}
