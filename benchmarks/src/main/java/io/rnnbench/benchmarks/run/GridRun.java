package io.rnnbench.benchmarks.run;

import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.results.ForkMerge;
import io.rnnbench.benchmarks.stats.VerdictPolicy;
import io.rnnbench.workloads.io.AtomicFiles;
import org.openjdk.jmh.runner.options.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A grid run from start to result file: the {@link ForkScheduler} over JMH forks ({@link JmhForkRunner}), the forks'
 * JSON files in {@code jmh-forks/} beside the result file (with JMH's console output in {@code jmh-forks/jmh.log}),
 * merged at the end into one JMH JSON file ({@link ForkMerge}) as if JMH had run every fork itself.
 */
public final class GridRun {
    /** The folder beside the result file that holds the forks' files while the run lasts, and JMH's log after it. */
    public static final String FORKS_DIR = "jmh-forks";

    private GridRun() {
    }

    /**
     * Runs {@code grid} with {@code options} and writes {@code results}.
     *
     * @param forks  forks of every point before the first verdict
     * @param budget the time the run may take (extra forks only while they fit)
     * @param out    where the progress lines go
     * @throws ForkRunner.ForkFailedException when a fork fails (nothing is written to {@code results})
     */
    public static ForkScheduler.Outcome run(Options options, List<GridPoint> grid, int forks, Duration budget, Path results,
                                            PrintStream out) throws IOException, ForkRunner.ForkFailedException {
        Path dir = results.toAbsolutePath().resolveSibling(FORKS_DIR);
        clear(dir);
        Path logFile = dir.resolve("jmh.log");
        JmhForkRunner runner;
        ForkScheduler.Outcome outcome;
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile), false, StandardCharsets.UTF_8)) {
            runner = new JmhForkRunner(options, dir, log, logFile);
            outcome = new ForkScheduler(grid, forks, VerdictPolicy.DEFAULT, budget, System::nanoTime, out).run(runner);
        }
        AtomicFiles.writeString(results, ForkMerge.merge(runner.files()));
        for (Path file : runner.files()) {
            Files.delete(file);
        }
        return outcome;
    }

    /** Creates {@code dir} or removes the fork files and log a previous run left in it. */
    private static void clear(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("\\d{4}\\.json|jmh\\.log")).toList()) {
                Files.delete(f);
            }
        }
    }
}
