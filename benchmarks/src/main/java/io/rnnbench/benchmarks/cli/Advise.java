package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.Durations;
import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.benchmarks.grid.Grid;
import io.rnnbench.benchmarks.report.BenchmarkResults;
import io.rnnbench.benchmarks.report.ConsoleSummary;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.Ranking;
import io.rnnbench.benchmarks.report.Report;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.run.ForkRunner;
import io.rnnbench.benchmarks.run.GridRun;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.benchmarks.stats.VerdictPolicy;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backends;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code rnnbench advise}: which backend for my model? Measures each registered backend briefly on one cell and
 * shape as the main run does (interleaved short forks, 6 a backend, then extra forks for undecided pairs while the
 * budget allows; each fork 2 warmup iterations of 200 ms and 3 measurement iterations of 200 ms unless told
 * otherwise) and prints the ranking with each backend's verdict against the fastest and the recommendation, with
 * what each recommended backend needs.
 * The shape is a preset name or sizes; add {@code ,onehot} for one-hot input.
 */
@Command(name = "advise", description = "Measures every backend briefly on one cell and shape and says which to choose.")
public final class Advise implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cell", required = true, paramLabel = "rnn|lstm", description = "The cell.")
    CellType cell;

    @Option(names = "--shape", required = true, paramLabel = "SHAPE",
            description = "A preset (char, char-deep, medium, large) or sizes, e.g. X=128,H=256,B=32,T=50,L=1[,onehot].")
    Shape shape;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "training-step",
            description = "training-step, cell-step, forward, backward or all (default ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--backends", paramLabel = "all|a,b", defaultValue = RunBenchmarks.ALL_BACKENDS,
            description = "Every registered backend (all, the default) or a list.")
    String backends;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "3", description = "Measurement iterations per fork (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--time", paramLabel = "TIME", defaultValue = "200ms", description = "Time per iteration (default ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--budget", paramLabel = "TIME", defaultValue = "3m", description = {"Time the measurement may take; "
            + "extra forks for undecided pairs only while they fit (default ${DEFAULT-VALUE}; 0 for none)."})
    String budget;

    @Override
    public Integer call() throws IOException {
        List<Suite> suites;
        TimeValue iterationTime;
        Duration limit;
        try {
            suites = suites(suite);
            iterationTime = TimeValue.fromString(time);
            limit = Durations.parse("--budget", budget);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        String[] backendNames = backends.equals(RunBenchmarks.ALL_BACKENDS) ? Backends.names().toArray(String[]::new)
                : backends.split(",");
        Path dir = Files.createTempDirectory("rnnbench-advise");
        Path json = dir.resolve(RunFiles.RESULTS);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .param("backend", backendNames)
                .param("cell", cell.name().toLowerCase(Locale.ROOT))
                .param("shape", shape.name())
                .forks(VerdictPolicy.DEFAULT.firstLook())
                .warmupIterations(2)
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(iterations)
                .measurementTime(iterationTime)
                .jvmArgsAppend("-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        suites.forEach(s -> options.include(s.benchmarkClass().getName().replace(".", "\\.") + "\\."));
        System.out.println("advise: " + cell + " " + shape.describe() + ", " + suites.size() + " suite(s), backends "
                + String.join(", ", backendNames));
        Options built = options.build();
        try {
            GridRun.run(built, Grid.of(built, List.of()), built.getForkCount().get(), limit, json, System.out);
        } catch (ForkRunner.ForkFailedException e) {
            System.err.println("advise: the measurement failed: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        Report report = Report.of(BenchmarkResults.of(JmhResults.read(json)),
                Environment.current(Backends.names(), Backends.allocationFree(), Backends.requirements(),
                Backends.libraries()));
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        System.out.println();
        for (Ranking r : report.all()) {
            System.out.println(ConsoleSummary.line(r.title(), r.entries()));
            System.out.println("  → " + report.advice(r));
        }
        return ExitStatus.OK;
    }

    /** "training-step", "cell-step", "forward", "backward" or "all". */
    static List<Suite> suites(String name) {
        if (name.equals("all")) {
            return List.of(Suite.values());
        }
        List<Suite> suites = new ArrayList<>();
        for (Suite s : Suite.values()) {
            if (s.title().replace(' ', '-').equals(name)) {
                suites.add(s);
            }
        }
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("unknown suite '" + name + "': cell-step, forward, backward, training-step or all");
        }
        return suites;
    }
}
