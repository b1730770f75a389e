package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.regression.ResultPoints.Point;
import io.rnnbench.benchmarks.report.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded synthetic JMH results with the noise of a small shared CI machine: per fork a lognormal level (σ on the log
 * scale, so the fork-to-fork CV is ≈ σ), one fork in 40 an outlier 15–45% slower (a neighbour's burst for a whole
 * fork), and inside each fork 8 iterations with 3% jitter and one iteration in 20 50% slow (a GC).
 */
final class SyntheticRuns {
    static final Environment MACHINE = new Environment("Test CPU @ 2.0GHz", 2, "Linux", "17.0.15", 1024,
            "2024-01-01T00:00:00Z", List.of("raw"), List.of("raw"), null, null);

    private SyntheticRuns() {
    }

    /** Per fork, 8 iteration scores of a benchmark whose typical score is {@code level}. */
    static List<List<Double>> forks(SplittableRandom r, int forks, double level, double sigma) {
        return forks(r, forks, level, sigma, OUTLIER_FORKS);
    }

    /** One fork in 40 is an outlier, 15–45% slower as a whole. */
    static final double OUTLIER_FORKS = 1.0 / 40;

    static List<List<Double>> forks(SplittableRandom r, int forks, double level, double sigma, double outlierForks) {
        List<List<Double>> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double forkLevel = level * Math.exp(sigma * gaussian(r));
            if (r.nextDouble() < outlierForks) {
                forkLevel *= 1.15 + 0.3 * r.nextDouble();
            }
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                double v = forkLevel * Math.exp(0.03 * gaussian(r));
                iterations.add(r.nextDouble() < 0.05 ? v * 1.5 : v);
            }
            out.add(List.copyOf(iterations));
        }
        return out;
    }

    /** One point with the given forks and a constant allocation per fork (empty: none). */
    static Point point(String benchmark, String unit, List<List<Double>> forks, double allocBytes) {
        Map<String, String> params = new TreeMap<>(Map.of("backend", "raw", "cell", "rnn", "shape", "char"));
        List<List<Double>> alloc = Double.isNaN(allocBytes) ? List.of()
                : forks.stream().map(f -> List.of(allocBytes, allocBytes)).toList();
        return new Point(benchmark, unit.endsWith("/op") ? "avgt" : "thrpt", params, unit, forks, alloc,
                alloc.isEmpty() ? "no gc.alloc.rate.norm (run with -prof gc)" : null);
    }

    static ResultPoints file(String name, List<Point> points, Environment environment) {
        return new ResultPoints(name, points, "1.37", "17.0.15", "OpenJDK 64-Bit Server VM", environment);
    }

    static ResultPoints file(String name, Point... points) {
        return file(name, List.of(points), MACHINE);
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
