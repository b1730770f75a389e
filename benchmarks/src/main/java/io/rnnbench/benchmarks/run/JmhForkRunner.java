package io.rnnbench.benchmarks.run;

import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.report.TimeUnits;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One fork of one point through JMH's own runner, in this JVM: the run's options narrowed to the point's benchmark
 * and parameter values, one fork, JSON results in a file of their own, JMH's console output into a log.
 */
public final class JmhForkRunner implements ForkRunner {
    private final Options options;
    private final Path dir;
    private final PrintStream log;
    private final Path logFile;
    private final List<Path> files = new ArrayList<>();

    /**
     * @param options the run's JMH options (every point's fork gets them, narrowed)
     * @param dir     where each fork's JSON goes ({@code 0001.json}, …)
     * @param log     where JMH's console output goes
     * @param logFile its path, for messages
     */
    public JmhForkRunner(Options options, Path dir, PrintStream log, Path logFile) {
        this.options = options;
        this.dir = dir;
        this.log = log;
        this.logFile = logFile;
    }

    @Override
    public double run(GridPoint point, int fork) throws ForkFailedException {
        Path json = dir.resolve(String.format(Locale.ROOT, "%04d.json", files.size() + 1));
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(options)
                .exclude("^(?!" + Pattern.quote(point.benchmark()) + "$).*")
                .forks(1).result(json.toString()).resultFormat(ResultFormatType.JSON).verbosity(VerboseMode.NORMAL);
        point.params().forEach(builder::param);
        Collection<RunResult> results;
        try {
            log.printf("%n==== %s, fork %d ====%n", point.describe(), fork);
            results = new Runner(builder.build(), OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL)).run();
        } catch (RunnerException | RuntimeException e) {
            throw new ForkFailedException(point.describe() + ", fork " + fork + " failed: " + e.getMessage() + " (JMH's output: "
                    + logFile + ")", e);
        } finally {
            log.flush();
        }
        if (results.size() != 1) {
            throw new ForkFailedException(point.describe() + ", fork " + fork + ": JMH returned " + results.size()
                    + " results instead of 1 (JMH's output: " + logFile + ")", null);
        }
        files.add(json);
        Result<?> primary = results.iterator().next().getPrimaryResult();
        return primary.getScore() * TimeUnits.secondsPer(primary.getScoreUnit());
    }

    /** Every fork's JSON file, in the order run. */
    public List<Path> files() {
        return List.copyOf(files);
    }
}
