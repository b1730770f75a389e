package io.rnnbench.benchmarks.grid;

import io.rnnbench.benchmarks.flops.FlopCount;
import io.rnnbench.benchmarks.gemm.GemmBenchmark;
import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.report.TimeUnits;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The estimated wall time of one fork of a grid point, for planning (the run's plan, the split into shards): the JVM's
 * start and the benchmark's set-up ({@link #FORK_OVERHEAD}), then every warm-up and measurement iteration, each lasting
 * its iteration time or one operation, whichever is longer (JMH ends an iteration only after a whole operation).
 * Iteration counts and times are the options' (JMH's defaults where they set none). One operation takes, in this
 * order: what a previous result measured for the same point ({@code --estimates}); the point's exact FLOP count
 * ({@link FlopCount}: the RNN suites, the GEMM kernel) at {@link #FLOPS_PER_SECOND}; {@link #UNCOUNTED_OPERATION}
 * for a benchmark without a FLOP count.
 */
public final class ForkCost {
    /** JVM start, JMH's handshake and the benchmark's set-up of one fork. */
    public static final Duration FORK_OVERHEAD = Duration.ofMillis(600);
    /**
     * The rate assumed for an operation that no previous result measured: a slow single-threaded backend's, so that
     * the operations of large shapes outlast their iterations, as they do (benchmarks/README.md, "Sharding").
     */
    public static final double FLOPS_PER_SECOND = 1e9;
    /** One operation of a benchmark without a FLOP count (time to quality, the rulers). */
    public static final Duration UNCOUNTED_OPERATION = Duration.ofSeconds(1);

    /** The units of a time per operation ({@link TimeUnits#secondsPer}). */
    private static final Set<String> TIME_UNITS = Set.of("s/op", "ms/op", "us/op", "ns/op");
    private static final String BY_FLOPS = String.format(Locale.ROOT, "FLOP counts at %.0f GFLOP/s", FLOPS_PER_SECOND / 1e9);

    private final int warmupIterations;
    private final double warmupSeconds;
    private final int measurementIterations;
    private final double measurementSeconds;
    private final Map<GridPoint, Double> measured;
    private final String source;

    private ForkCost(Options options, Map<GridPoint, Double> measured, String source) {
        this.warmupIterations = options.getWarmupIterations().orElse(Defaults.WARMUP_ITERATIONS);
        this.warmupSeconds = seconds(options.getWarmupTime().orElse(Defaults.WARMUP_TIME));
        this.measurementIterations = options.getMeasurementIterations().orElse(Defaults.MEASUREMENT_ITERATIONS);
        this.measurementSeconds = seconds(options.getMeasurementTime().orElse(Defaults.MEASUREMENT_TIME));
        this.measured = Map.copyOf(measured);
        this.source = source;
    }

    /** Operations by FLOP count (or the constant) under {@code options}' iterations. */
    public static ForkCost of(Options options) {
        return new ForkCost(options, Map.of(), BY_FLOPS);
    }

    /**
     * Operations as {@code previous} measured them where it has the point (its mean time per operation; entries in
     * a unit that is not a time per operation are not used), else as {@link #of(Options)}.
     */
    public static ForkCost of(Options options, JmhResults previous) {
        Map<GridPoint, Double> measured = new HashMap<>();
        for (JmhResults.Entry e : previous.entries()) {
            String unit = e.primary().unit();
            if (TIME_UNITS.contains(unit) && Double.isFinite(e.primary().score())) {
                measured.put(GridPoint.of(e.benchmark(), e.params()), e.primary().score() * TimeUnits.secondsPer(unit));
            }
        }
        return new ForkCost(options, measured, previous.source() + " (" + BY_FLOPS + " for the points it lacks)");
    }

    /** Where the operations' times come from, for the plan and the shard manifest. */
    public String source() {
        return source;
    }

    /** One fork of {@code point}, in seconds. */
    public double seconds(GridPoint point) {
        double operation = operationSeconds(point);
        return FORK_OVERHEAD.toNanos() / 1e9 + warmupIterations * Math.max(warmupSeconds, operation)
                + measurementIterations * Math.max(measurementSeconds, operation);
    }

    /** A fork whose operations are all shorter than an iteration: the least a fork takes. */
    public Duration leastFork() {
        return Duration.ofNanos(FORK_OVERHEAD.toNanos() + Math.round((warmupIterations * warmupSeconds
                + measurementIterations * measurementSeconds) * 1e9));
    }

    /** One operation of {@code point}, in seconds. */
    double operationSeconds(GridPoint point) {
        Double previous = measured.get(point);
        if (previous != null) {
            return previous;
        }
        OptionalLong flops = flops(point);
        return flops.isPresent() ? flops.getAsLong() / FLOPS_PER_SECOND : UNCOUNTED_OPERATION.toNanos() / 1e9;
    }

    /** The exact FLOP count of one operation of an RNN suite or the GEMM kernel; empty for any other benchmark. */
    static OptionalLong flops(GridPoint point) {
        String type = point.benchmark().substring(0, Math.max(0, point.benchmark().lastIndexOf('.')));
        Map<String, String> params = point.params();
        if (type.equals(GemmBenchmark.class.getName()) && params.containsKey("gemm")) {
            return OptionalLong.of(FlopCount.of(GemmShape.byName(params.get("gemm"))));
        }
        for (Suite suite : Suite.values()) {
            if (suite.benchmarkClass().getName().equals(type) && params.containsKey("cell") && params.containsKey("shape")) {
                return OptionalLong.of(FlopCount.of(suite, CellType.valueOf(params.get("cell").toUpperCase(Locale.ROOT)),
                        Shape.parse(params.get("shape"))));
            }
        }
        return OptionalLong.empty();
    }

    private static double seconds(TimeValue time) {
        return time.convertTo(TimeUnit.NANOSECONDS) / 1e9;
    }
}
