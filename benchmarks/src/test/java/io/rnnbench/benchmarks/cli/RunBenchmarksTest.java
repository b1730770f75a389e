package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.Durations;
import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.grid.Grid;
import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.grid.GridRule;
import io.rnnbench.benchmarks.stats.VerdictPolicy;
import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunBenchmarksTest {

    @Test
    void fillsTheProjectDefaults() throws CommandLineOptionException {
        Options options = RunBenchmarks.withDefaults(new CommandLineOptions());

        assertEquals(List.of(RunBenchmarks.RNN_SUITES, RunBenchmarks.GEMM_KERNEL), options.getIncludes(),
                "the library package only when named");
        assertEquals(Backends.names(), new ArrayList<>(options.getParameter("backend").get()));
        assertTrue(Backends.names().containsAll(List.of("commons-math", "ejml", "raw")), Backends.names().toString());
        assertEquals(GCProfiler.class.getName(), options.getProfilers().get(0).getKlass());
        assertEquals(ResultFormatType.JSON, options.getResultFormat().get());
        assertEquals("target/jmh-result.json", options.getResult().get());
        assertTrue(options.shouldFailOnError().get());
        assertEquals(VerdictPolicy.DEFAULT.firstLook(), options.getForkCount().get(), "forks enough for a first verdict");
    }

    @Test
    void keepsWhatTheCommandLineSays() throws CommandLineOptionException {
        Options options = RunBenchmarks.withDefaults(new CommandLineOptions("Forward", "-p", "backend=raw", "-foe", "false"));

        assertEquals(List.of("Forward"), options.getIncludes());
        assertEquals(List.of("raw"), new ArrayList<>(options.getParameter("backend").get()));
        assertEquals(false, options.shouldFailOnError().get());
    }

    @Test
    void refusesToRunBackendsInTheHostJvm() {
        assertThrows(IllegalArgumentException.class,
                () -> RunBenchmarks.withDefaults(new CommandLineOptions("-f", "0")));
    }

    @Test
    void theGridIsTheBenchmarkListTimesTheParameters() throws CommandLineOptionException {
        Options options = RunBenchmarks.withDefaults(new CommandLineOptions("-p", "backend=raw,ejml", "-p", "cell=lstm",
                "-p", "shape=char,medium,X8-H8-B1-T2-L1"));

        List<GridPoint> grid = Grid.of(options, List.of());
        assertEquals(4 * 2 * 1 * 3 + 2 * 7, grid.size(),
                "4 suites × 2 backends × 1 cell × 3 shapes, and the GEMM kernel's 2 backends × 7 shapes (cell and shape"
                        + " are not its parameters)");
        assertEquals(grid.size(), new HashSet<>(grid).size(), "no point twice");
        assertEquals(4 * 3 + 7, grid.stream().map(GridPoint::group).distinct().count(), "one group per point but the backend");
    }

    @Test
    void theGemmShapesAreTheirOwnParameter() throws CommandLineOptionException {
        Options options = RunBenchmarks.withDefaults(new CommandLineOptions(RunBenchmarks.GEMM_KERNEL, "-p", "backend=raw",
                "-p", "shape=char", "-p", "gemm=square-256,square-512"));

        assertEquals(2, Grid.of(options, List.of()).size(), "-p shape= leaves the GEMM shapes alone");
    }

    @Test
    void onlyRulesNarrowSomeSuitesOrSomeShapes() throws CommandLineOptionException {
        Options options = RunBenchmarks.withDefaults(new CommandLineOptions("-p", "backend=raw,ejml,commons-math",
                "-p", "cell=rnn,lstm", "-p", "shape=char,medium", "-p", "gemm=square-256"));
        List<GridRule> rules = RunBenchmarks.rules(List.of("(CellStep|Forward|Backward):backend=raw,ejml",
                "(CellStep|Forward|Backward):cell=lstm", "TrainingStep[shape=medium]:backend=raw"));

        List<GridPoint> grid = Grid.of(options, rules);
        long training = grid.stream().filter(p -> p.shortName().startsWith("TrainingStep")).count();
        assertEquals(3 * 2 + 1 * 2, training, "all three at char, only raw at medium, both cells");
        assertEquals(3 * 2 * 1 * 2, grid.stream().filter(p -> p.shortName().matches("(CellStep|Forward|Backward).*")).count(),
                "three suites × two backends × the LSTM × two shapes");
        assertEquals(3, grid.stream().filter(p -> p.shortName().startsWith("Gemm")).count(), "the GEMM kernel untouched");
        assertEquals(Grid.of(options, List.of()).size(), Grid.of(options, RunBenchmarks.rules(List.of("all"))).size(),
                "'all' leaves the grid whole");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunBenchmarks.rules(List.of("Forward:backend=raw,nope")));
        assertTrue(e.getMessage().startsWith("--only 'Forward:backend=raw,nope': unknown backend 'nope'; backends on the class path: "),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunBenchmarks.rules(List.of("Forward=raw")));
        assertTrue(e.getMessage().contains("is not REGEX[param=value,…]:param=v1,v2"), e.getMessage());
    }

    @Test
    void anEmptyShardIsTheWholeGridAsMavenPassesIt() {
        RunBenchmarks whole = Rnnbench.commandLine().parseArgs("run", "--shard=", "-f", "1").subcommand().commandSpec()
                .commandLine().getCommand();
        assertEquals("", whole.shard, "-Djmh.shard left empty: --shard=");
        RunBenchmarks second = Rnnbench.commandLine().parseArgs("run", "--shard", "2/3", "-f", "1").subcommand().commandSpec()
                .commandLine().getCommand();
        assertEquals("2/3", second.shard);
        assertEquals(List.of("-f", "1"), second.jmhOptions);
        CommandRun bad = CommandRun.of("run", "--shard", "4/3");
        assertEquals(ExitStatus.USAGE, bad.status());
        assertTrue(bad.err().contains("rnnbench: bad option: shard 4/3: expected k/n with 1 ≤ k ≤ n, e.g. 2/3"), bad.err());
    }

    @Test
    void budgetsAreDurationsWithUnits() {
        assertEquals(Duration.ofMinutes(9), Durations.parse("--budget", "9m"));
        assertEquals(Duration.ofSeconds(540), Durations.parse("--budget", "540s"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("--budget", "1.5min"));
        assertEquals(Duration.ofHours(1), Durations.parse("--budget", "1h"));
        assertEquals(Duration.ZERO, Durations.parse("--budget", "0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("--budget", "nine minutes"));
        assertTrue(e.getMessage().contains("e.g. 9m or 540s"), e.getMessage());
    }
}
