package io.rnnbench.benchmarks.cli;

import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

import java.util.ArrayList;
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
    void countsTheGridFromTheBenchmarkListAndTheParameters() throws CommandLineOptionException {
        Options options = RunBenchmarks.withDefaults(new CommandLineOptions("-p", "backend=raw,ejml", "-p", "cell=lstm",
                "-p", "shape=char,medium,X8-H8-B1-T2-L1"));

        assertEquals(4 * 2 * 1 * 3 + 2 * 7, RunBenchmarks.combinations(options),
                "4 suites × 2 backends × 1 cell × 3 shapes, and the GEMM kernel's 2 backends × 7 shapes (cell and shape"
                        + " are not its parameters)");
    }

    @Test
    void theGemmShapesAreTheirOwnParameter() throws CommandLineOptionException {
        Options options = RunBenchmarks.withDefaults(new CommandLineOptions(RunBenchmarks.GEMM_KERNEL, "-p", "backend=raw",
                "-p", "shape=char", "-p", "gemm=square-256,square-512"));

        assertEquals(2, RunBenchmarks.combinations(options), "-p shape= leaves the GEMM shapes alone");
    }

    @Test
    void suiteBackendsNarrowTheOtherSuitesInASecondPass() throws CommandLineOptionException {
        Options options = RunBenchmarks.withDefaults(new CommandLineOptions("-p", "backend=raw,ejml,commons-math",
                "-p", "cell=lstm", "-p", "shape=char,medium", "-p", "gemm=square-256"));
        java.nio.file.Path results = java.nio.file.Path.of("target", "jmh-result.json");
        List<Options> passes = RunBenchmarks.passes(options, "raw,ejml", results);
        assertEquals(2, passes.size());
        assertEquals(3 * 1 * 2 + 3, RunBenchmarks.combinations(passes.get(0)), "training step and GEMM on all three");
        assertEquals(List.of("raw", "ejml"), List.copyOf(passes.get(1).getParameter("backend").get()));
        assertEquals(3 * 2 * 1 * 2, RunBenchmarks.combinations(passes.get(1)), "cell step, forward, backward on two");
        assertEquals(results.resolveSibling("jmh-result.part1.json").toString(), passes.get(0).getResult().get());
        assertEquals(results.resolveSibling("jmh-result.part2.json").toString(), passes.get(1).getResult().get());

        assertEquals(List.of(options), RunBenchmarks.passes(options, "all", results));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunBenchmarks.passes(options, "raw,nope", results));
        assertTrue(e.getMessage().startsWith("--suite-backends: unknown backend 'nope'; backends on the class path: "), e.getMessage());
    }
}
