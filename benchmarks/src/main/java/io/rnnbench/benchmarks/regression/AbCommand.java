package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.Durations;
import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.regression.JarForkRunner.Side;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.results.ForkMerge;
import io.rnnbench.benchmarks.run.ForkRunner;
import io.rnnbench.benchmarks.run.ForkScheduler;
import io.rnnbench.benchmarks.stats.VerdictPolicy;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * {@code rnnbench ab}: A/B in one job. Runs a baseline and a candidate {@code benchmarks.jar} on every selected point
 * plus the {@link Comparison#RULER_PACKAGE ruler} benchmarks, one fork per invocation ({@link JarForkRunner}),
 * interleaved and with adaptive extra forks by the grid's own engine ({@link ForkScheduler}: a point's two sides are a
 * comparison group, the sides its members; rounds alternate A B, B A; with {@code --budget}, the points whose pair is
 * still undecided under the {@link VerdictPolicy} get forks up to its next look while the budget allows). It then
 * merges each side's forks into one JMH JSON ({@code <out>/baseline/jmh-result.json},
 * {@code <out>/candidate/jmh-result.json}, each with its {@code jmh-environment.json}) and compares them
 * ({@link Compare}'s rules, exit codes and outputs: {@code <out>/verdict.md}, {@code <out>/verdict.json}): the
 * scheduler only decides where forks go, the {@link Comparison} gives the verdict. The rulers catch what interleaving
 * cannot: if they differ between A and B, time verdicts are withheld.
 *
 * <p>Without {@code --include}, a small subset: Forward and TrainingStep with {@code backend=raw}, {@code cell=rnn},
 * {@code shape=char} where no value of that parameter is given. Parameters given per side (e.g.
 * {@code --baseline-param backend=raw --candidate-param backend=commons-math}) are left out of the comparison's keys.
 */
@Command(name = "ab", description = "Runs a baseline and a candidate benchmarks jar interleaved point by point, fork by fork "
        + "(with extra forks for undecided points within --budget), then compares them.")
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

    @Option(names = "--budget", paramLabel = "TIME", defaultValue = "0", description = {"Time the whole A/B may take, e.g. "
            + "10m; points whose two sides are still undecided get extra forks (up to 24 a side) while their estimate fits, "
            + "as for run --budget (default ${DEFAULT-VALUE}: exactly --forks)."})
    String budget;

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
        Duration limit;
        try {
            limit = Durations.parse("--budget", budget);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Set<String> ignored = new LinkedHashSet<>();
        for (String p : concat(baselineParams, candidateParams)) {
            if (p.indexOf('=') <= 0) {
                throw new ParameterException(spec.commandLine(), "--baseline-param/--candidate-param " + p + ": expected name=value");
            }
            ignored.add(p.substring(0, p.indexOf('=')));
        }
        try {
            return abRun(thresholds, List.copyOf(ignored), limit);
        } catch (IllegalStateException | ForkRunner.ForkFailedException e) {
            System.err.println("ab: " + e.getMessage());
            return ExitStatus.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("ab: interrupted");
            return ExitStatus.USAGE;
        }
    }

    private int abRun(Thresholds thresholds, List<String> ignored, Duration limit)
            throws IOException, InterruptedException, ForkRunner.ForkFailedException {
        Side a = new Side("baseline", baseline, parameters(baselineParams));
        Side b = new Side("candidate", candidate, parameters(candidateParams));
        JarForkRunner runner = new JarForkRunner(java, ignoreLock, List.of("-wi", String.valueOf(warmupIterations),
                "-w", warmupTime, "-i", String.valueOf(iterations), "-r", time, "-t", "1", "-foe", "true", "-prof", "gc",
                "-jvmArgsAppend", "-Xms" + heap + " -Xmx" + heap + " " + ForkJvm.VECTOR_API), List.of(a, b), out.resolve("forks"));
        List<String> selection = new ArrayList<>(includes.isEmpty() ? List.of(DEFAULT_INCLUDE) : includes);
        if (!noRuler) {
            selection.add(RULER_INCLUDE);
        }
        selection.addAll(parameters(selectedParams()));
        List<GridPoint> pointsA = runner.list(a, selection, ignored);
        List<GridPoint> pointsB = runner.list(b, selection, ignored);
        boolean rulerA = pointsA.stream().anyMatch(AbCommand::isRuler);
        boolean rulerB = pointsB.stream().anyMatch(AbCommand::isRuler);
        if (!noRuler && !(rulerA && rulerB)) {
            System.out.println("[ab] the " + (rulerA ? "candidate" : rulerB ? "baseline" : "baseline and candidate")
                    + " jar has no ruler benchmarks (" + RULER_INCLUDE + "): no machine-stability check");
            pointsA = pointsA.stream().filter(p -> !isRuler(p)).toList();
            pointsB = pointsB.stream().filter(p -> !isRuler(p)).toList();
        }
        List<GridPoint> points = interleave(pointsA, pointsB);
        if (points.isEmpty()) {
            throw new IllegalStateException("neither jar has a benchmark matching " + selection);
        }
        forks(points, forks, limit, runner, System::nanoTime, System.out);

        Environment environment = Environment.current(Backends.names(), Backends.allocationFree(), Backends.requirements(),
                Backends.libraries());
        Path aResult = out.resolve("baseline").resolve(RunFiles.RESULTS);
        Path bResult = out.resolve("candidate").resolve(RunFiles.RESULTS);
        AtomicFiles.writeString(aResult, ForkMerge.merge(runner.files(a)));
        AtomicFiles.writeString(bResult, ForkMerge.merge(runner.files(b)));
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

    /**
     * Runs {@code firstForks} forks of every point, interleaved, then, within {@code budget}, extra forks for the
     * points whose two sides are still undecided: the grid's {@link ForkScheduler} with the sides as a group's members.
     */
    static ForkScheduler.Outcome forks(List<GridPoint> points, int firstForks, Duration budget, ForkRunner runner,
                                       LongSupplier nanoTime, PrintStream progress) throws ForkRunner.ForkFailedException {
        return new ForkScheduler(points, firstForks, VerdictPolicy.DEFAULT, budget, nanoTime, progress, JarForkRunner.SIDE)
                .run(runner);
    }

    /** Both sides' points, each baseline point followed by the candidate's of the same group; then the candidate's new ones. */
    static List<GridPoint> interleave(List<GridPoint> baseline, List<GridPoint> candidate) {
        List<GridPoint> points = new ArrayList<>();
        for (GridPoint p : baseline) {
            points.add(p);
            candidate.stream().filter(q -> q.group(JarForkRunner.SIDE).equals(p.group(JarForkRunner.SIDE))).forEach(points::add);
        }
        candidate.stream().filter(q -> !points.contains(q)).forEach(points::add);
        return List.copyOf(points);
    }

    private static boolean isRuler(GridPoint p) {
        return p.benchmark().startsWith(Comparison.RULER_PACKAGE);
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
