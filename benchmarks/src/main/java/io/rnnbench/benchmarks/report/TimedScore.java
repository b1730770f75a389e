package io.rnnbench.benchmarks.report;

import java.util.List;

/**
 * A JMH time score with its 99.9% interval and per-iteration raw data, and what the report derives from it in
 * seconds. Implemented by the grid's {@link Measurement}, the time-to-quality {@link QualityMeasurement} and the GEMM
 * kernel's {@link GemmMeasurement}.
 */
public interface TimedScore {

    /** Mean time per operation, in {@link #unit()}. */
    double score();

    /** Half-width of the 99.9% interval, NaN when undefined. */
    double scoreError();

    /** Lower end of the interval (NaN when undefined). */
    double confidenceLow();

    /** Upper end of the interval (NaN when undefined). */
    double confidenceHigh();

    /** JMH's unit, e.g. {@code ms/op}. */
    String unit();

    /** Every measurement iteration's score, per fork. */
    List<List<Double>> rawData();

    /** Seconds per operation. */
    default double seconds() {
        return score() * TimeUnits.secondsPer(unit());
    }

    /** Half-width of the 99.9% interval in seconds (NaN when undefined). */
    default double errorSeconds() {
        return scoreError() * TimeUnits.secondsPer(unit());
    }

    /** Whether JMH gave a confidence interval (it needs at least two measurement iterations). */
    default boolean hasError() {
        return Double.isFinite(scoreError());
    }

    /** Lower end of the 99.9% interval in seconds; the point score when there is none. */
    default double lowSeconds() {
        return hasError() ? confidenceLow() * TimeUnits.secondsPer(unit()) : seconds();
    }

    /** Upper end of the interval in seconds; the point score when there is none. */
    default double highSeconds() {
        return hasError() ? confidenceHigh() * TimeUnits.secondsPer(unit()) : seconds();
    }

    /** Every measurement iteration of every fork, in seconds per operation. */
    default List<Double> iterationSeconds() {
        double toSeconds = TimeUnits.secondsPer(unit());
        return rawData().stream().flatMap(List::stream).map(v -> v * toSeconds).toList();
    }
}
