package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.regression.AbCommand;
import io.rnnbench.benchmarks.regression.Compare;
import io.rnnbench.benchmarks.regression.HistoryCommand;
import io.rnnbench.benchmarks.report.WriteReport;
import io.rnnbench.benchmarks.shape.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rnnbench command line: one entry point, a subcommand per task, {@code --help} on each.
 *
 * <p>Run: {@code java --add-modules=jdk.incubator.vector -jar benchmarks/target/rnnbench.jar COMMAND [options]}
 * (the flag lets {@code raw-simd} run; without it that backend is left out with a notice). Plain JMH stays
 * {@code java -jar benchmarks/target/benchmarks.jar}.
 *
 * <p>Exit status ({@link ExitStatus}): 0 done (no blocking regression); 1 a blocking regression or a failed run;
 * 2 bad usage or input, with a message that says what is wrong (an unknown name lists the known ones).
 */
@Command(name = "rnnbench", synopsisSubcommandLabel = "COMMAND",
        description = "Benchmarks, compares and trains RNN/LSTM backends. 'rnnbench COMMAND --help' describes each command.",
        subcommands = {RunBenchmarks.class, MergeShards.class, WriteReport.class, Advise.class, Compare.class, AbCommand.class, HistoryCommand.class,
                Train.class, Sample.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done; compare, ab: no blocking regression",
                "1:a blocking regression (compare, ab), or a failed run",
                "2:bad usage or input (the message says what and where)"})
public final class Rnnbench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Inherited by every subcommand. */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its subcommands, converters and error handling; {@code execute} returns the exit status. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Rnnbench());
        commandLine.registerConverter(Shape.class, converter(Shape::parse));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // JMH's own options (-p, -f, …) go to JMH as they are.
        commandLine.getSubcommands().get(RunBenchmarks.NAME).setUnmatchedOptionsArePositionalParams(true);
        commandLine.setParameterExceptionHandler(Rnnbench::badUsage);
        commandLine.setExecutionExceptionHandler(Rnnbench::badInput);
        return commandLine;
    }

    /** Without a command: the list of commands, and the usage status. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a command: " + String.join(", ",
                spec.subcommands().keySet()));
    }

    /**
     * A picocli converter from a parser that throws {@link IllegalArgumentException}: its message becomes the
     * "Invalid value for option" message.
     */
    static <T> CommandLine.ITypeConverter<T> converter(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    /** A bad command line: the message (an unknown option with the known ones), the synopsis and where help is. */
    private static int badUsage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException) {
            message += "; known: " + command.getCommandSpec().options().stream().map(OptionSpec::longestName)
                    .collect(Collectors.joining(", "));
        }
        err.println(command.getCommandName() + ": " + message);
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("'" + command.getCommandSpec().qualifiedName() + " --help' lists the options.");
        err.flush();
        return ExitStatus.USAGE;
    }

    /**
     * Bad input found while running (an unknown workload or backend, a missing, unreadable or malformed file): the
     * message and status 2.
     */
    private static int badInput(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        if (!(e instanceof IllegalArgumentException || e instanceof IOException)) {
            throw e;
        }
        command.getErr().println(command.getCommandName() + ": " + e.getMessage());
        command.getErr().flush();
        return ExitStatus.USAGE;
    }
}
