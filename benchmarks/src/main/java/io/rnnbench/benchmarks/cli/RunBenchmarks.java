package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.core.spi.Backends;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code rnnbench run}: runs the benchmark grid: JMH's command line (any JMH option), with the project's defaults
 * filled in where the command line leaves them open, and a progress line per combination. This is what
 * {@code mvn -pl benchmarks verify} runs.
 *
 * <p>Defaults: the four RNN suites and the GEMM kernel (the library micro-benchmarks, built with {@code -Plibraries},
 * are for backend authors' decisions and run only when named); {@code -p backend=all}, where {@code all} (or no
 * backend parameter) means every backend registered on the class path ({@link Backends#names()}), so a user's own
 * backend joins the grid; {@code -prof gc}; JSON results at {@code target/jmh-result.json}; fail on the first error
 * ({@code -foe true}). Beside the results it writes {@code jmh-environment.json} (CPU model, cores, OS), which JMH
 * does not record. Exit status 1 when a benchmark fails or none matched, 2 for a bad option.
 */
@Command(name = RunBenchmarks.NAME, description = {"Runs the benchmark grid: JMH's options, the project's defaults where "
        + "they leave something open, a progress line per combination.",
        "JMH's own options: java -jar benchmarks/target/benchmarks.jar -h"})
public final class RunBenchmarks implements Callable<Integer> {
    /** The subcommand's name. */
    static final String NAME = "run";
    /** The four suites: every benchmark of the {@code rnn} package. */
    public static final String RNN_SUITES = "io\\.rnnbench\\.benchmarks\\.rnn\\.";
    /** The GEMM kernel benchmark: the {@code gemm} package. */
    public static final String GEMM_KERNEL = "io\\.rnnbench\\.benchmarks\\.gemm\\.";
    /** The backend parameter value that stands for every registered backend. */
    public static final String ALL_BACKENDS = "all";

    @Parameters(paramLabel = "JMH-OPTION", description = "Benchmark regexes and JMH options, e.g. TrainingStep -p shape=char -f 1.")
    List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Options options;
        try {
            options = withDefaults(new CommandLineOptions(jmhOptions.toArray(String[]::new)));
        } catch (CommandLineOptionException | IllegalArgumentException e) {
            System.err.println("rnnbench: bad option: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        Path results = Path.of(options.getResult().get());
        Environment.current(Backends.names(), Backends.allocationFree(), Backends.requirements(),
                Backends.libraries()).write(results.resolveSibling(RunFiles.ENVIRONMENT));
        OutputFormat jmh = OutputFormatFactory.createFormatInstance(System.out, options.verbosity().orElse(VerboseMode.NORMAL));
        try {
            Collection<?> done = new Runner(options, new ProgressFormat(jmh, System.out, combinations(options))).run();
            if (done.isEmpty()) {
                System.err.println("rnnbench: no benchmark matched " + options.getIncludes());
                return ExitStatus.FAILED;
            }
        } catch (RunnerException e) {
            System.err.println("rnnbench: the benchmark run failed: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        return ExitStatus.OK;
    }

    /**
     * {@code cli} with the project's defaults where it sets nothing.
     *
     * @throws IllegalArgumentException for {@code -f 0}: three backends behind one interface in one JVM pollute each
     *                                  other's JIT profiles, so every combination gets its own fork
     */
    static Options withDefaults(CommandLineOptions cli) {
        if (cli.getForkCount().orElse(1) < 1) {
            throw new IllegalArgumentException("-f " + cli.getForkCount().get() + ": every backend × shape needs its own fork"
                    + " (≥ 1); backends sharing one JVM distort each other's JIT profiles");
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(RNN_SUITES).include(GEMM_KERNEL);
        }
        Collection<String> backends = cli.getParameter("backend").orElse(List.of(ALL_BACKENDS));
        if (backends.contains(ALL_BACKENDS)) {
            options.param("backend", Backends.names().toArray(String[]::new));
            Backends.unavailable().forEach((name, reason) ->
                    System.out.println("notice: backend '" + name + "' left out of the grid: " + reason));
        }
        if (cli.getProfilers().isEmpty()) {
            options.addProfiler(GCProfiler.class);
        }
        if (!cli.getResult().hasValue()) {
            options.result("target/" + RunFiles.RESULTS);
        }
        if (!cli.getResultFormat().hasValue()) {
            options.resultFormat(ResultFormatType.JSON);
        }
        if (!cli.shouldFailOnError().hasValue()) {
            options.shouldFailOnError(true);
        }
        return options.build();
    }

    /** How many benchmark × parameter combinations the run has: JMH's list with the options' parameter values. */
    static int combinations(Options options) {
        Set<BenchmarkListEntry> benchmarks = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), options.getIncludes(),
                options.getExcludes());
        int total = 0;
        for (BenchmarkListEntry benchmark : benchmarks) {
            int product = 1;
            for (Map.Entry<String, String[]> param : benchmark.getParams().orElse(Map.of()).entrySet()) {
                Collection<String> given = options.getParameter(param.getKey()).orElse(null);
                product *= given == null ? param.getValue().length : given.size();
            }
            total += product;
        }
        return total;
    }
}
