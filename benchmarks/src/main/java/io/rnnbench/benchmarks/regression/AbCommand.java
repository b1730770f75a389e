package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.benchmarks.regression.InterleavedForks.Side;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.results.ForkMerge;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code rnnbench ab}: A/B in one job. Runs a baseline and a candidate {@code benchmarks.jar} interleaved fork by
 * fork ({@link InterleavedForks}), each invocation one fork of every selected point plus the
 * {@link Comparison#RULER_PACKAGE ruler} benchmarks, merges each side's forks into one JMH JSON
 * ({@code <out>/baseline/jmh-result.json}, {@code <out>/candidate/jmh-result.json}, each with its
 * {@code jmh-environment.json}) and compares them ({@link Compare}'s rules, exit codes and outputs:
 * {@code <out>/verdict.md}, {@code <out>/verdict.json}). The rulers catch what interleaving cannot: if they differ
 * between A and B, time verdicts are withheld.
 *
 * <p>Without {@code --include}, a small subset: Forward and TrainingStep with {@code backend=raw}, {@code cell=rnn},
 * {@code shape=char} where no value of that parameter is given. Parameters given per side (e.g.
 * {@code --baseline-param backend=raw --candidate-param backend=commons-math}) are left out of the comparison's keys.
 */
@Command(name = "ab", description = "Runs a baseline and a candidate benchmarks jar interleaved fork by fork, then compares them.")
public final class AbCommand implements Callable<Integer> {
    /** The default subset's benchmarks. */
    static final String DEFAULT_INCLUDE = "io.rnnbench.benchmarks.rnn.(Forward|TrainingStep)Benchmark";
    /** The default subset's parameters. */
    static final List<String> DEFAULT_PARAMS = List.of("backend=raw", "cell=rnn", "shape=char");
    /** JMH include regex of the rulers. */
    static final String RULER_INCLUDE = "io.rnnbench.benchmarks.ruler.RulerBenchmark";

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "A.jar", description = "The baseline's benchmarks jar.")
    Path baseline;

    @Option(names = "--candidate", required = true, paramLabel = "B.jar", description = "The candidate's benchmarks jar.")
    Path candidate;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "10", description = "Forks per side, ≥ 2 (default ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--include", paramLabel = "REGEX", description = "Benchmarks to run (repeatable; default the small subset).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--param", paramLabel = "name=v1,v2", description = "A JMH parameter of both sides (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--baseline-param", paramLabel = "name=v", description = "A JMH parameter of the baseline only (repeatable).")
    List<String> baselineParams = new ArrayList<>();

    @Option(names = "--candidate-param", paramLabel = "name=v", description = "A JMH parameter of the candidate only (repeatable).")
    List<String> candidateParams = new ArrayList<>();

    @Option(names = "--warmup-iterations", paramLabel = "N", defaultValue = "2", description = "Default ${DEFAULT-VALUE}.")
    int warmupIterations;

    @Option(names = "--warmup-time", paramLabel = "TIME", defaultValue = "200ms", description = "Default ${DEFAULT-VALUE}.")
    String warmupTime;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5", description = "Measurement iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--time", paramLabel = "TIME", defaultValue = "200ms", description = "Measurement time (default ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "1g", description = "-Xms and -Xmx of every fork (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/ab", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--java", paramLabel = "PATH", description = "The java executable of the forks (default: this JVM's).")
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Option(names = "--ignore-lock", description = "Run while another JMH run holds /tmp/jmh.lock.")
    boolean ignoreLock;

    @Option(names = "--no-ruler", description = "Leave the ruler benchmarks out (no machine-stability check).")
    boolean noRuler;

    @Option(names = "--history", paramLabel = "DIR", description = "Keep the candidate's merged result here (with --label).")
    Path history;

    @Option(names = "--baseline-label", paramLabel = "REV", defaultValue = "baseline",
            description = "The baseline's name in the verdict (e.g. its commit; default ${DEFAULT-VALUE}).")
    String baselineLabel;

    @Option(names = "--label", paramLabel = "REV", defaultValue = "candidate",
            description = "The candidate's name in the verdict and the history (e.g. its commit; default ${DEFAULT-VALUE}).")
    String label;

    @Mixin
    ThresholdOptions thresholdOptions;

    @Option(names = "--markdown", paramLabel = "FILE", description = "The Markdown table (default <out>/verdict.md).")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "The verdicts as JSON (default <out>/verdict.json).")
    Path json;

    @Override
    public Integer call() throws IOException {
        Thresholds thresholds = thresholdOptions.thresholds();
        requireJar(baseline);
        requireJar(candidate);
        if (forks < 2) {
            throw new ParameterException(spec.commandLine(), "--forks " + forks + ": at least 2 per side (8–10 to decide at α = 0.01)");
        }
        Set<String> ignored = new LinkedHashSet<>();
        for (String p : concat(baselineParams, candidateParams)) {
            if (p.indexOf('=') <= 0) {
                throw new ParameterException(spec.commandLine(), "--baseline-param/--candidate-param " + p + ": expected name=value");
            }
            ignored.add(p.substring(0, p.indexOf('=')));
        }
        try {
            return abRun(thresholds, List.copyOf(ignored));
        } catch (IllegalStateException e) {
            System.err.println("ab: " + e.getMessage());
            return ExitStatus.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("ab: interrupted");
            return ExitStatus.USAGE;
        }
    }

    private int abRun(Thresholds thresholds, List<String> ignored) throws IOException, InterruptedException {
        InterleavedForks probe = new InterleavedForks(java, ignoreLock, List.of());
        boolean rulerA = !noRuler && probe.lists(baseline, RULER_INCLUDE);
        boolean rulerB = !noRuler && probe.lists(candidate, RULER_INCLUDE);
        boolean rulers = rulerA && rulerB;
        if (!noRuler && !rulers) {
            System.out.println("[ab] the " + (rulerA ? "candidate" : rulerB ? "baseline" : "baseline and candidate")
                    + " jar has no ruler benchmarks (" + RULER_INCLUDE + "): no machine-stability check");
        }
        List<String> arguments = new ArrayList<>(includes.isEmpty() ? List.of(DEFAULT_INCLUDE) : includes);
        if (rulers) {
            arguments.add(RULER_INCLUDE);
        }
        arguments.addAll(parameters(selectedParams()));
        arguments.addAll(List.of("-f", "1", "-wi", String.valueOf(warmupIterations), "-w", warmupTime,
                "-i", String.valueOf(iterations), "-r", time, "-t", "1", "-foe", "true", "-prof", "gc",
                "-jvmArgsAppend", "-Xms" + heap + " -Xmx" + heap + " " + ForkJvm.VECTOR_API));
        List<List<Path>> forkFiles = new InterleavedForks(java, ignoreLock, arguments).run(
                new Side("baseline", baseline, parameters(baselineParams)),
                new Side("candidate", candidate, parameters(candidateParams)), forks, out.resolve("forks"));

        Environment environment = Environment.current(Backends.names(), Backends.allocationFree(), Backends.requirements(),
                Backends.libraries());
        Path aResult = out.resolve("baseline").resolve(RunFiles.RESULTS);
        Path bResult = out.resolve("candidate").resolve(RunFiles.RESULTS);
        AtomicFiles.writeString(aResult, ForkMerge.merge(forkFiles.get(0)));
        AtomicFiles.writeString(bResult, ForkMerge.merge(forkFiles.get(1)));
        environment.write(aResult.resolveSibling(RunFiles.ENVIRONMENT));
        environment.write(bResult.resolveSibling(RunFiles.ENVIRONMENT));
        if (history != null) {
            Path kept = History.record(history, bResult, environment, label);
            System.out.println("[ab] candidate kept in the history: " + kept);
        }
        Comparison comparison = Comparison.of(ResultPoints.read(aResult, null).labelled(baselineLabel),
                ResultPoints.read(bResult, null).labelled(label), thresholds, ignored);
        return Compare.report(comparison, markdown != null ? markdown : out.resolve("verdict.md"),
                json != null ? json : out.resolve("verdict.json"));
    }

    /** {@code --param}s, and without {@code --include} the default subset's where no parameter of that name is given. */
    private List<String> selectedParams() {
        List<String> selected = new ArrayList<>(params);
        if (includes.isEmpty()) {
            Set<String> named = new LinkedHashSet<>();
            concat(params, concat(baselineParams, candidateParams)).forEach(p -> named.add(p.substring(0, Math.max(0, p.indexOf('=')))));
            DEFAULT_PARAMS.stream().filter(p -> !named.contains(p.substring(0, p.indexOf('=')))).forEach(selected::add);
        }
        return selected;
    }

    private static List<String> parameters(List<String> params) {
        return params.stream().flatMap(p -> Stream.of("-p", p)).toList();
    }

    private void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new ParameterException(spec.commandLine(), jar + ": no such jar (build one with mvn -pl benchmarks package "
                    + "-DskipTests, or scripts/build-baseline-jar.sh <git-rev>)");
        }
    }

    private static List<String> concat(List<String> x, List<String> y) {
        List<String> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }
}
