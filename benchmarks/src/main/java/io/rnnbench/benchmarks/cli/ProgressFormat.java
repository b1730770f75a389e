package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.Durations;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * JMH's own console output, with one line before each benchmark × parameter combination: which one, how many are
 * left and the time left, estimated from the mean duration of the combinations done so far (JMH's own ETA assumes
 * every operation fits its iteration time, which the large shapes do not).
 */
final class ProgressFormat implements OutputFormat {
    private final OutputFormat jmh;
    private final PrintStream out;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int started;

    ProgressFormat(OutputFormat jmh, PrintStream out, int total) {
        this.jmh = jmh;
        this.out = out;
        this.total = total;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        started++;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        String left = started == 1 ? "estimate after the first" : "about "
                + Durations.minutesAndSeconds(elapsed.dividedBy(started - 1).multipliedBy(total - started + 1)) + " left";
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.', params.getBenchmark().lastIndexOf('.') - 1) + 1);
        String values = params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k)).collect(Collectors.joining(" "));
        out.printf("%n[rnnbench %d/%d] %s %s — %s elapsed, %d after this one, %s%n", started, total, name, values,
                Durations.minutesAndSeconds(elapsed), total - started, left);
        jmh.startBenchmark(params);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        jmh.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        jmh.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        jmh.endRun(result);
        out.println("[rnnbench] " + started + " of " + total + " combinations run in "
                + Durations.minutesAndSeconds(Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    @Override
    public void print(String s) {
        jmh.print(s);
    }

    @Override
    public void println(String s) {
        jmh.println(s);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        jmh.close();
    }

    @Override
    public void verbosePrintln(String s) {
        jmh.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        jmh.write(b);
    }
}
