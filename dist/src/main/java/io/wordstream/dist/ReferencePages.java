package io.wordstream.dist;

import io.wordstream.console.cli.Cli;
import io.wordstream.console.cli.ConfigDefaults;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The release's reference pages, made from the command line itself at build time: a man page per command (AsciiDoc
 * from picocli's ManPageGenerator, which the build turns into troff) and the shell completion script, as
 * {@code wordstream completion bash} prints it. Run by the dist module's build in a JVM of its own, with the
 * console's classpath.
 */
public final class ReferencePages {
    /** Below the output directory: the man pages' AsciiDoc sources. */
    public static final String ADOC = "adoc";
    /** Below the output directory: the completion script of bash (and zsh, which loads bash's completion). */
    public static final String COMPLETION = "completion/wordstream";

    private ReferencePages() {
    }

    /** Argument: the output directory. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.create(ConfigDefaults.none(), new PrintWriter(new StringWriter()), new PrintWriter(err));
        withFootersAsNotes(cli);
        Path adoc = Files.createDirectories(out.resolve(ADOC));
        int status = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true,
                cli.getCommandSpec());
        if (status != 0) {
            throw new IllegalStateException("picocli's ManPageGenerator failed with status " + status);
        }
        StringWriter script = new StringWriter();
        cli.setOut(new PrintWriter(script));
        if (cli.execute("completion", "bash") != 0) {
            throw new IllegalStateException("'wordstream completion bash' failed: " + err);
        }
        Path completion = out.resolve(COMPLETION);
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, script.toString(), StandardCharsets.UTF_8);
    }

    /** The generator writes a footer (defaults, examples) only under a heading, which the help has none of. */
    private static void withFootersAsNotes(CommandLine cl) {
        if (cl.getCommandSpec().usageMessage().footer().length > 0) {
            cl.getCommandSpec().usageMessage().footerHeading("Notes");
        }
        cl.getSubcommands().values().forEach(ReferencePages::withFootersAsNotes);
    }
}
