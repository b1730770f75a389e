package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.quality.TimeToQualityBenchmark;

import java.util.List;
import java.util.Locale;

/**
 * One backend's time to quality on one workload ({@link TimeToQualityBenchmark}, single-shot mode): the mean wall
 * time of a training run with JMH's 99.9% interval, and the run's auxiliary counters averaged over the measurement
 * iterations.
 *
 * @param workload     the benchmark method: {@code dinos} or {@code shakespeare}
 * @param backend      the backend's registry name
 * @param score        mean time per run, in {@code unit}
 * @param scoreError   half-width of the 99.9% interval, NaN when undefined (one iteration)
 * @param confidenceLow  lower end of the interval (NaN when undefined)
 * @param confidenceHigh upper end
 * @param unit         JMH's unit, e.g. {@code s/op}
 * @param rawData      every measurement iteration's time, per fork
 * @param steps        training steps per run (mean over iterations)
 * @param reached      fraction of the runs that reached the goal (1 = all; below 1: a cap stopped some)
 * @param smoothedLoss the smoothed loss at the end of a run (mean over iterations)
 */
public record QualityMeasurement(String workload, String backend, double score, double scoreError, double confidenceLow,
                                 double confidenceHigh, String unit, List<List<Double>> rawData, double steps,
                                 double reached, double smoothedLoss) implements TimedScore {

    /** What the workload's run must achieve, e.g. "smoothed loss first below 25.0; cap 20,000 steps or 120 s". */
    public static String goal(String workload) {
        return switch (workload) {
            case "dinos" -> String.format(Locale.ROOT, "smoothed loss first below %.1f; cap %,d steps or %d s",
                    TimeToQualityBenchmark.DINOS_TARGET, TimeToQualityBenchmark.DINOS_MAX_STEPS, TimeToQualityBenchmark.MAX_SECONDS);
            case "shakespeare" -> String.format(Locale.ROOT, "%,d training steps; cap %d s",
                    TimeToQualityBenchmark.SHAKESPEARE_STEPS, TimeToQualityBenchmark.MAX_SECONDS);
            default -> workload;
        };
    }

    /** Whether every measured run reached the goal. */
    public boolean reachedGoal() {
        return reached >= 1;
    }

    /** Training steps per second at the mean time. */
    public double stepsPerSecond() {
        return steps / seconds();
    }
}
