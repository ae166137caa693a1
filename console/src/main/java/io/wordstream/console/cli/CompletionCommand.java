package io.wordstream.console.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the shell completion script of every command and option, made by picocli from the command line itself. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the completion script of wordstream's commands and options for bash or zsh.",
            "Load it in the current shell with 'source <(wordstream completion bash)', or for good from ~/.bashrc or"
                    + " ~/.zshrc. The release archive holds it in share/ (docs/release.md)."})
final class CompletionCommand implements Callable<Integer> {
    /** The shells the script serves: zsh through its bash-completion emulation, which the script turns on. */
    private static final List<String> SHELLS = List.of("bash", "zsh");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!SHELLS.contains(shell)) {
            throw new IllegalArgumentException("completion takes bash or zsh, not '" + shell + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (shell.equals("zsh")) {
            out.println("# wordstream's completion for zsh: picocli's script, which loads zsh's bashcompinit.");
        }
        out.print(AutoComplete.bash("wordstream", spec.root().commandLine()));
        out.flush();
        return 0;
    }

    /** The shells, as the completion of this command's own argument offers them. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SHELLS.iterator();
        }
    }
}
