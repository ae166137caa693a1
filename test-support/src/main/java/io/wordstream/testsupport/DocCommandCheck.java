package io.wordstream.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Parses a command line of the docs with the command's real picocli model, without running it, and says what is
 * wrong: an unknown command or option, an option without its value, a value the option refuses. Docs write
 * placeholders and name options in passing, so these are not wrong: an unknown word that is a placeholder
 * ({@code COMMAND}, {@code ...}), a placeholder value an option cannot convert ({@code --node-id N}), a required
 * option left out ({@code wordstream gateway}), and the last option of a line without its value
 * ({@code run --conf}).
 */
public final class DocCommandCheck {
    /** An all-capitals word ({@code N}, {@code ADDR}, {@code A} in {@code spark://A:7077}). */
    private static final Pattern CAPITALS = Pattern.compile("(^|[^A-Za-z0-9])[A-Z][A-Z0-9_]*($|[^A-Za-z0-9])");

    private DocCommandCheck() {
    }

    /**
     * What is wrong with each of {@code commands}, one line each ({@code file:line: `text`: problem}), parsed as
     * {@code args} gives each and with a fresh model from {@code model} each time.
     */
    public static List<String> problems(List<DocCommand> commands, Function<DocCommand, List<String>> args,
                                        Supplier<CommandLine> model) {
        List<String> problems = new ArrayList<>();
        for (DocCommand c : commands) {
            problem(model, args.apply(c)).ifPresent(p -> problems.add(c.where() + ": `" + c.text().strip()
                    + "`: " + p));
        }
        return problems;
    }

    /** What is wrong with {@code args} as {@code model} parses them, or empty. */
    public static Optional<String> problem(Supplier<CommandLine> model, List<String> args) {
        CommandLine cl = model.get();
        try {
            // With --help, picocli keeps unknown words aside instead of refusing them.
            for (ParseResult p = cl.parseArgs(args.toArray(new String[0])); p != null; p = p.subcommand()) {
                Optional<String> unknown = unknown(p.commandSpec().commandLine(), p.unmatched());
                if (unknown.isPresent()) {
                    return unknown;
                }
            }
            return Optional.empty();
        } catch (UnmatchedArgumentException e) {
            return unknown(e.getCommandLine(), e.getUnmatched());
        } catch (MissingParameterException e) {
            for (ArgSpec missing : e.getMissing()) {
                // An option last on the line, without its value, is the option named (`run --conf`).
                if (missing instanceof OptionSpec o && args.subList(0, Math.max(0, args.size() - 1)).stream()
                        .anyMatch(a -> isNameOf(o, a))) {
                    return Optional.of(e.getMessage().strip());
                }
            }
            // Only required options left out, or a value: the words were all read, so any unknown one is known now.
            ParseResult partial = e.getCommandLine().getParseResult();
            return partial == null ? Optional.empty() : unknown(e.getCommandLine(), partial.unmatched());
        } catch (ParameterException e) {
            List<String> without = e.getValue() == null || !isPlaceholder(e.getValue()) ? args
                    : withoutValue(args, e.getArgSpec(), e.getValue());
            // A placeholder the option cannot convert: read the rest of the line without it.
            return without.size() < args.size() ? problem(model, without) : Optional.of(e.getMessage().strip());
        }
    }

    private static Optional<String> unknown(CommandLine where, List<String> words) {
        // The first is the one to name: the words after an unknown option are often its value.
        Optional<String> first = words.stream().filter(w -> !isPlaceholder(w)).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        UnmatchedArgumentException e = new UnmatchedArgumentException(where, List.of(first.get()));
        return Optional.of(e.getMessage().strip() + suggestions(e));
    }

    /** {@code args} without the option (or positional word) that holds {@code value}. */
    private static List<String> withoutValue(List<String> args, ArgSpec spec, String value) {
        List<String> without = new ArrayList<>(args);
        for (int i = 0; i < without.size(); i++) {
            String a = without.get(i);
            if (spec instanceof OptionSpec o && isNameOf(o, a) && a.endsWith("=" + value)) {
                without.remove(i);
                break;
            } else if (spec instanceof OptionSpec o && isNameOf(o, a) && i + 1 < without.size()
                    && without.get(i + 1).equals(value)) {
                without.subList(i, i + 2).clear();
                break;
            } else if (!(spec instanceof OptionSpec) && a.equals(value)) {
                without.remove(i);
                break;
            }
        }
        return without;
    }

    private static boolean isNameOf(OptionSpec o, String arg) {
        return List.of(o.names()).contains(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
    }

    private static String suggestions(UnmatchedArgumentException e) {
        return e.getSuggestions().isEmpty() ? "" : " (did you mean " + String.join(" or ", e.getSuggestions()) + "?)";
    }

    /** A word that stands for what the reader fills in: capitals, {@code ...}, a shell variable, a glob. */
    static boolean isPlaceholder(String word) {
        return word.contains("...") || word.contains("$") || word.contains("*") || word.startsWith("[")
                || CAPITALS.matcher(word).find();
    }
}
