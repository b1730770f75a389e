package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.Durations;
import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.grid.ForkCost;
import io.rnnbench.benchmarks.grid.Grid;
import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.grid.GridRule;
import io.rnnbench.benchmarks.grid.Shard;
import io.rnnbench.benchmarks.grid.ShardPlan;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.run.ForkRunner;
import io.rnnbench.benchmarks.run.ForkScheduler;
import io.rnnbench.benchmarks.run.GridRun;
import io.rnnbench.benchmarks.run.ShardManifest;
import io.rnnbench.benchmarks.stats.VerdictPolicy;
import io.rnnbench.core.spi.Backends;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code rnnbench run}: runs the benchmark grid as interleaved forks with adaptive repeats within a time budget
 * ({@link ForkScheduler}), and writes one JMH JSON result file as if JMH had run every fork itself. This is what
 * {@code mvn -pl benchmarks verify} runs.
 *
 * <p>The grid is JMH's: the benchmarks its includes match, times the values of their parameters ({@code -p}), less
 * what the {@code --only} rules leave out. Defaults where the command line leaves something open: the four RNN
 * suites and the GEMM kernel; {@code -p backend=all}, where {@code all} means every backend registered on the class
 * path ({@link Backends#names()}), so a user's own backend joins the grid; {@code -f} the policy's first look (forks
 * per point before the first verdict); {@code -prof gc}; JSON results at {@code target/jmh-result.json}; fail on the
 * first error. Every fork is its own JVM, started by JMH in this process ({@link GridRun}); the console gets the
 * plan and one line per fork.
 *
 * <p>With {@code --shard k/n} it runs only shard k's comparison groups of the grid ({@link ShardPlan}, by the estimated
 * times of {@link ForkCost}) and writes {@value ShardManifest#FILE} beside the results, for {@code rnnbench merge}.
 *
 * <p>Beside the results it writes {@code jmh-environment.json} (CPU model, cores, OS, backends), which JMH does not
 * record. Exit status 1 when a fork fails or nothing matched, 2 for a bad option.
 */
@Command(name = RunBenchmarks.NAME, description = {"Runs the benchmark grid as interleaved forks (every backend of a shape in "
        + "turn, the order rotated each round), with extra forks for undecided pairs while the time budget allows.",
        "JMH's own options: java -jar benchmarks/target/benchmarks.jar -h"})
public final class RunBenchmarks implements java.util.concurrent.Callable<Integer> {
    /** The subcommand's name. */
    static final String NAME = "run";
    /** The four suites: every benchmark of the {@code rnn} package. */
    public static final String RNN_SUITES = "io\\.rnnbench\\.benchmarks\\.rnn\\.";
    /** The GEMM kernel benchmark: the {@code gemm} package. */
    public static final String GEMM_KERNEL = "io\\.rnnbench\\.benchmarks\\.gemm\\.";
    /** The backend parameter value that stands for every registered backend. */
    public static final String ALL_BACKENDS = "all";

    @Option(names = "--only", split = ";", paramLabel = "RULE", description = {"Leaves points out of the grid: "
            + "REGEX[param=value,…]:param=v1,v2 keeps the points of the benchmarks matching REGEX (and having the bracketed "
            + "values) to the listed values; e.g. 'TrainingStep[shape=medium]:backend=raw,raw-simd'. Repeatable, or "
            + "several separated by ';'."})
    List<String> only = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "TIME", defaultValue = "0", description = {"Time the whole run may take, e.g. "
            + "9m, 540s, 1h; extra forks go to undecided pairs only while their estimate fits (default ${DEFAULT-VALUE}: "
            + "no extra forks)."})
    String budget;

    @Option(names = "--dry-run", description = "Prints the plan and every point of the grid (of the shard), and runs nothing.")
    boolean dryRun;

    @Option(names = "--shard", paramLabel = "k/n", defaultValue = "", description = {"Runs shard k of n of the grid: whole "
            + "comparison groups, split by estimated time so that every runner computes the same split (default: the "
            + "whole grid). Writes " + ShardManifest.FILE + " beside the results, for 'rnnbench merge'."})
    String shard;

    @Option(names = "--estimates", paramLabel = "RESULTS", description = {"A previous JMH result of this grid: the split "
            + "takes each point's time per operation from it (default: from the FLOP count)."})
    Path estimates;

    @Parameters(paramLabel = "JMH-OPTION", description = "Benchmark regexes and JMH options, e.g. TrainingStep -p shape=char -f 6.")
    List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Options options;
        List<GridRule> rules;
        Duration limit;
        Shard part;
        try {
            options = withDefaults(new CommandLineOptions(jmhOptions.toArray(String[]::new)));
            rules = rules(only);
            limit = Durations.parse("--budget", budget);
            part = shard.isBlank() ? null : Shard.parse(shard);
        } catch (CommandLineOptionException | IllegalArgumentException e) {
            System.err.println("rnnbench: bad option: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        List<GridPoint> grid = Grid.of(options, rules);
        if (grid.isEmpty()) {
            System.err.println("rnnbench: no benchmark matched " + options.getIncludes() + (rules.isEmpty() ? "" : " under --only " + only));
            return ExitStatus.FAILED;
        }
        int forks = options.getForkCount().get();
        ForkCost cost = estimates == null ? ForkCost.of(options) : ForkCost.of(options, JmhResults.read(estimates));
        Path results = Path.of(options.getResult().get()).toAbsolutePath();
        Path manifestFile = results.resolveSibling(ShardManifest.FILE);
        ShardManifest manifest = null;
        if (part != null) {
            ShardPlan plan = ShardPlan.of(grid, part.count(), p -> forks * cost.seconds(p));
            manifest = ShardManifest.of(plan, part, cost.source());
            List<GridPoint> mine = plan.points(grid, part);
            printShard(System.out, plan, part, mine.size(), grid.size(), cost);
            grid = mine;
        }
        printPlan(System.out, grid, options, forks, limit, cost);
        if (dryRun) {
            grid.forEach(p -> System.out.println("  " + p.describe()));
            return ExitStatus.OK;
        }
        Files.createDirectories(results.getParent());
        Files.deleteIfExists(manifestFile);
        Environment.current(Backends.names(), Backends.allocationFree(), Backends.requirements(),
                Backends.libraries()).write(results.resolveSibling(RunFiles.ENVIRONMENT));
        ForkScheduler.Outcome outcome;
        try {
            outcome = GridRun.run(options, grid, forks, limit, results, System.out);
        } catch (ForkRunner.ForkFailedException e) {
            System.err.println("rnnbench: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        if (manifest != null) {
            manifest.write(manifestFile);
        }
        long undecided = outcome.verdicts().values().stream().mapToLong(v -> v.undecided().size()).sum();
        System.out.printf(Locale.ROOT, "[run] %d forks of %d points in %s; %d undecided pair(s)%s; results: %s%n", outcome.forks(),
                grid.size(), Durations.minutesAndSeconds(outcome.elapsed()), undecided,
                outcome.budgetLimited().isEmpty() ? "" : " (" + outcome.budgetLimited().size() + " group(s) out of budget)", results);
        return ExitStatus.OK;
    }

    /** The shard's part of the grid, and every shard's estimated time. */
    static void printShard(PrintStream out, ShardPlan plan, Shard part, int points, int gridPoints, ForkCost cost) {
        out.printf(Locale.ROOT, "[shard] %s: %d of the grid's %d comparison groups, %d of its %d points; first forks' "
                        + "estimated time per shard (%s): %s%n", part, plan.groups(part).size(), plan.gridGroups().size(), points,
                gridPoints, cost.source(),
                plan.costs().stream().map(c -> Durations.minutesAndSeconds(Duration.ofMillis(Math.round(c * 1000))))
                        .collect(Collectors.joining(", ")));
    }

    /** The plan: what runs, how many forks, how long at least, and what the budget allows. */
    static void printPlan(PrintStream out, List<GridPoint> grid, Options options, int forks, Duration budget, ForkCost cost) {
        Map<String, Long> groups = grid.stream().collect(Collectors.groupingBy(GridPoint::group, LinkedHashMap::new, Collectors.counting()));
        Map<String, Long> byBenchmark = grid.stream().collect(Collectors.groupingBy(GridPoint::shortName, LinkedHashMap::new, Collectors.counting()));
        Duration perFork = cost.leastFork();
        VerdictPolicy policy = VerdictPolicy.DEFAULT;
        out.printf(Locale.ROOT, "[plan] %d points in %d comparison groups: %s%n", grid.size(), groups.size(),
                byBenchmark.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "[plan] first %d fork(s) of every point, interleaved by group: %d forks, at least %s (%.1f s per fork "
                        + "and longer where an operation outlasts an iteration)%n", forks, forks * grid.size(),
                Durations.minutesAndSeconds(perFork.multipliedBy((long) forks * grid.size())), perFork.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "[plan] verdicts at %s forks a side (α = %s each, the same within ±%.0f%%); %s%n",
                Arrays.stream(policy.looks()).mapToObj(Integer::toString).collect(Collectors.joining(", ")), policy.alpha(),
                100 * policy.sameWithin(), budget.isZero() ? "no budget for extra forks (--budget)"
                        : "extra forks for undecided pairs while the whole run fits in " + Durations.minutesAndSeconds(budget));
        if (forks < policy.firstLook()) {
            out.printf(Locale.ROOT, "[plan] note: %d fork(s) per point is below the first look (%d): without budget for more, "
                    + "every pair stays undecided%n", forks, policy.firstLook());
        }
    }

    /** The {@code --only} rules; a backend they name must be one on the class path (or one that is unavailable here). */
    static List<GridRule> rules(List<String> texts) {
        List<GridRule> rules = new ArrayList<>();
        for (String text : texts) {
            if (text.isBlank() || text.trim().equals(ALL_BACKENDS)) {
                continue;
            }
            GridRule rule = GridRule.parse(text);
            if (rule.parameter().equals(GridPoint.BACKEND)) {
                for (String name : rule.allowed()) {
                    if (!Backends.names().contains(name) && !Backends.unavailable().containsKey(name)) {
                        throw new IllegalArgumentException("--only '" + text + "': unknown backend '" + name
                                + "'; backends on the class path: " + String.join(", ", Backends.names()));
                    }
                }
            }
            rules.add(rule);
        }
        return rules;
    }

    /**
     * {@code cli} with the project's defaults where it sets nothing.
     *
     * @throws IllegalArgumentException for {@code -f 0}: backends behind one interface in one JVM pollute each other's
     *                                  JIT profiles, so every fork is a JVM of its own
     */
    static Options withDefaults(CommandLineOptions cli) {
        if (cli.getForkCount().orElse(1) < 1) {
            throw new IllegalArgumentException("-f " + cli.getForkCount().get() + ": every backend × shape needs its own forks"
                    + " (≥ 1); backends sharing one JVM distort each other's JIT profiles");
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(RNN_SUITES).include(GEMM_KERNEL);
        }
        if (!cli.getForkCount().hasValue()) {
            options.forks(VerdictPolicy.DEFAULT.firstLook());
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
}
