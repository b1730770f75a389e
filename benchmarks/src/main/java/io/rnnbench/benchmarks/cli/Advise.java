package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.benchmarks.report.ConsoleSummary;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.JmhResultFile;
import io.rnnbench.benchmarks.report.Report;
import io.rnnbench.benchmarks.report.Ranking;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backends;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which backend for my model? Measures each registered backend briefly on one cell and shape (one fork each,
 * 2 warmup iterations of 500 ms, then 8 measurement iterations of 250 ms unless told otherwise: the default
 * profile's settings) and prints the ranking with its 99.9% margins and the recommendation, with what each
 * recommended backend needs.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.rnnbench.benchmarks.cli.Advise --cell lstm
 * --shape X=128,H=256,B=32,T=50,L=1 [--suite training-step|cell-step|forward|backward|all] [--backends all|raw,ejml]
 * [--iterations 8] [--time 250ms]}. The shape is a preset name or sizes; add {@code ,onehot} for one-hot input.
 */
public final class Advise {
    private Advise() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> flags;
        CellType cell;
        Shape shape;
        List<Suite> suites;
        try {
            flags = flags(args);
            cell = CellType.valueOf(flags.get("cell").toUpperCase(Locale.ROOT));
            shape = Shape.parse(flags.get("shape"));
            suites = suites(flags.getOrDefault("suite", "training-step"));
        } catch (IllegalArgumentException e) {
            System.err.println("advise: " + e.getMessage());
            System.err.println("usage: Advise --cell rnn|lstm --shape X=128,H=256,B=32,T=50,L=1[,onehot] "
                    + "[--suite training-step|cell-step|forward|backward|all] [--backends all|a,b] [--iterations 8] [--time 250ms]");
            System.exit(2);
            return;
        }
        String backends = flags.getOrDefault("backends", RunBenchmarks.ALL_BACKENDS);
        String[] backendNames = backends.equals(RunBenchmarks.ALL_BACKENDS) ? Backends.names().toArray(String[]::new)
                : backends.split(",");
        Path json = Files.createTempFile("rnnbench-advise", ".json");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .param("backend", backendNames)
                .param("cell", cell.name().toLowerCase(Locale.ROOT))
                .param("shape", shape.name())
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.milliseconds(500))
                .measurementIterations(Integer.parseInt(flags.getOrDefault("iterations", "8")))
                .measurementTime(TimeValue.fromString(flags.getOrDefault("time", "250ms")))
                .jvmArgsAppend("-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        suites.forEach(s -> options.include(s.benchmarkClass().getName().replace(".", "\\.") + "\\."));
        System.out.println("advise: " + cell + " " + shape.describe() + ", " + suites.size() + " suite(s), backends "
                + String.join(", ", backendNames));
        try {
            new Runner(options.build()).run();
        } catch (RunnerException e) {
            System.err.println("advise: the measurement failed: " + e.getMessage());
            System.exit(1);
        }
        Report report = Report.of(JmhResultFile.read(json),
                Environment.current(Backends.names(), Backends.allocationFree(), Backends.requirements()));
        Files.deleteIfExists(json);
        System.out.println();
        for (Ranking r : report.all()) {
            System.out.println(ConsoleSummary.line(r));
            System.out.println("  → " + report.advice(r));
        }
    }

    /** {@code --name value} pairs; cell and shape are required. */
    static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("cell", "shape")) {
            if (!flags.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return flags;
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
