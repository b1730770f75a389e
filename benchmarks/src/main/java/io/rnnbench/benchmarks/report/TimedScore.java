package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.stats.RankStatistics;

import java.util.List;

/**
 * One backend's JMH time score with its per-iteration raw data, per fork, and what the report derives from it in
 * seconds. Implemented by the grid's {@link Measurement}, the time-to-quality {@link QualityMeasurement} and the GEMM
 * kernel's {@link GemmMeasurement}.
 *
 * <p>Forks are the independent units of a run (each JVM has its own JIT decisions and memory layout), so the report's
 * time is the <b>median of the per-fork times</b> (each fork's mean over its measurement iterations) and its interval
 * the distribution-free interval of that median ({@link RankStatistics#medianInterval}, ≥ 95% from 6 forks on). A
 * single fork has only JMH's own 99.9% interval over its iterations, which says nothing about fork-to-fork spread.
 */
public interface TimedScore {
    /** Level of the median's interval. */
    double INTERVAL_ALPHA = 0.05;

    /** The backend's registry name. */
    String backend();

    /** JMH's mean time per operation over every iteration of every fork, in {@link #unit()}. */
    double score();

    /** Half-width of JMH's 99.9% interval, NaN when undefined. */
    double scoreError();

    /** Lower end of JMH's interval (NaN when undefined). */
    double confidenceLow();

    /** Upper end of JMH's interval (NaN when undefined). */
    double confidenceHigh();

    /** JMH's unit, e.g. {@code ms/op}. */
    String unit();

    /** Every measurement iteration's score, per fork. */
    List<List<Double>> rawData();

    /** Each fork's mean time per operation in seconds, in the order run (empty without raw data). */
    default double[] forkSeconds() {
        double toSeconds = TimeUnits.secondsPer(unit());
        return rawData().stream().filter(f -> !f.isEmpty())
                .mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average().orElseThrow() * toSeconds).toArray();
    }

    /** Number of forks. */
    default int forks() {
        return forkSeconds().length;
    }

    /** Seconds per operation: the median of the per-fork times; JMH's score for a single fork. */
    default double seconds() {
        double[] forks = forkSeconds();
        return forks.length >= 2 ? RankStatistics.median(forks) : score() * TimeUnits.secondsPer(unit());
    }

    /** The interval of {@link #seconds()}: the median's from two forks on, else JMH's (null when it has none). */
    default RankStatistics.Interval interval() {
        double[] forks = forkSeconds();
        if (forks.length >= 2) {
            return RankStatistics.medianInterval(forks, INTERVAL_ALPHA);
        }
        if (!Double.isFinite(scoreError())) {
            return null;
        }
        double toSeconds = TimeUnits.secondsPer(unit());
        return new RankStatistics.Interval(confidenceLow() * toSeconds, confidenceHigh() * toSeconds, 0.999);
    }

    /** Lower end of the interval in seconds; the time itself when there is none. */
    default double lowSeconds() {
        RankStatistics.Interval i = interval();
        return i == null ? seconds() : i.low();
    }

    /** Upper end of the interval in seconds; the time itself when there is none. */
    default double highSeconds() {
        RankStatistics.Interval i = interval();
        return i == null ? seconds() : i.high();
    }
}
