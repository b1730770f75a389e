package io.rnnbench.benchmarks.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.io.AtomicFiles;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
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
 *
 * <p>{@code --suite-backends} narrows the cell-step, forward and backward suites to some backends while the training
 * step and the GEMM kernel keep every backend of {@code -p backend}: the run is then two JMH passes, whose results are
 * joined into the one result file.
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

    /** The suites that {@code --suite-backends} narrows. */
    static final String NARROWED_SUITES = "io\\.rnnbench\\.benchmarks\\.rnn\\.(CellStep|Forward|Backward)Benchmark\\.";

    @Option(names = "--suite-backends", paramLabel = "NAMES", defaultValue = ALL_BACKENDS,
            description = "Backends of the cell-step, forward and backward suites, comma-separated, or all (default: "
                    + "${DEFAULT-VALUE}, those of -p backend); the training step and the GEMM kernel run every backend.")
    String suiteBackends;

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
        List<Options> passes;
        try {
            passes = passes(options, suiteBackends, results);
        } catch (IllegalArgumentException e) {
            System.err.println("rnnbench: bad option: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        Environment.current(Backends.names(), Backends.allocationFree(), Backends.requirements(),
                Backends.libraries()).write(results.resolveSibling(RunFiles.ENVIRONMENT));
        OutputFormat jmh = OutputFormatFactory.createFormatInstance(System.out, options.verbosity().orElse(VerboseMode.NORMAL));
        ProgressFormat progress = new ProgressFormat(jmh, System.out, passes.stream().mapToInt(RunBenchmarks::combinations).sum());
        int done = 0;
        try {
            for (Options pass : passes) {
                done += new Runner(pass, progress).run().size();
            }
        } catch (RunnerException e) {
            System.err.println("rnnbench: the benchmark run failed: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        if (done == 0) {
            System.err.println("rnnbench: no benchmark matched " + options.getIncludes());
            return ExitStatus.FAILED;
        }
        if (passes.size() > 1) {
            joinResults(passes, results);
        }
        return ExitStatus.OK;
    }

    /**
     * The JMH runs that make up the grid: {@code options} itself, or with {@code suiteBackends} narrowing the
     * cell-step, forward and backward suites, a pass of everything else and a pass of those suites on those backends,
     * each writing a part of the results beside {@code results}. A pass with nothing to run is left out.
     *
     * @throws IllegalArgumentException for a name in {@code suiteBackends} that no backend on the class path has
     */
    static List<Options> passes(Options options, String suiteBackends, Path results) {
        if (suiteBackends.equals(ALL_BACKENDS)) {
            return List.of(options);
        }
        List<String> names = new ArrayList<>();
        for (String name : suiteBackends.split(",")) {
            String trimmed = name.trim();
            if (!Backends.names().contains(trimmed) && !Backends.unavailable().containsKey(trimmed)) {
                throw new IllegalArgumentException("--suite-backends: unknown backend '" + trimmed + "'; backends on the class path: "
                        + String.join(", ", Backends.names()));
            }
            if (Backends.names().contains(trimmed)) { // an unavailable one has had its notice
                names.add(trimmed);
            }
        }
        Options everythingElse = new OptionsBuilder().parent(options).exclude(NARROWED_SUITES)
                .result(part(results, 1)).build();
        Options narrowed = new OptionsBuilder().parent(options).exclude("^(?!" + NARROWED_SUITES + ").*")
                .param("backend", names.toArray(String[]::new)).result(part(results, 2)).build();
        List<Options> candidates = names.isEmpty() ? List.of(everythingElse) : List.of(everythingElse, narrowed);
        return candidates.stream().filter(pass -> combinations(pass) > 0).toList();
    }

    private static String part(Path results, int n) {
        String name = results.getFileName().toString();
        return results.resolveSibling(name.replaceFirst("(\\.json)?$", ".part" + n + ".json")).toString();
    }

    /** Joins the passes' result files into {@code results} (one JMH JSON array) and removes them. */
    private static void joinResults(List<Options> passes, Path results) throws IOException {
        JsonArray all = new JsonArray();
        for (Options pass : passes) {
            Path part = Path.of(pass.getResult().get());
            all.addAll(JmhResults.array(part));
            Files.delete(part);
        }
        AtomicFiles.writeString(results, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(all) + "\n");
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
