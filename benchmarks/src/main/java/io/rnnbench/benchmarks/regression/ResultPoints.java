package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.results.JmhResults.Entry;
import io.rnnbench.benchmarks.results.JmhResults.Metric;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.stats.RankStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JMH result file ({@link JmhResults}) as a regression comparison reads it: every benchmark × mode × parameter
 * point (any benchmark, not only the RNN suites) with its per-fork raw data, checked for what the statistics need,
 * and the machine it ran on.
 *
 * <p>The machine: JMH's JSON holds the JDK, VM and JMH versions; the CPU model and core count come from the
 * {@value RunFiles#ENVIRONMENT} sidecar that {@code rnnbench run} and {@code rnnbench ab} write beside the results (or a
 * file named explicitly). Without a sidecar the CPU is unknown, and the comparison says so.
 *
 * @param source      the file, for messages
 * @param points      the points in file order
 * @param jmhVersion  e.g. 1.37 ("?" when absent)
 * @param jdkVersion  e.g. 17.0.15
 * @param vmName      e.g. OpenJDK 64-Bit Server VM
 * @param environment the sidecar, or null when there is none
 */
public record ResultPoints(String source, List<Point> points, String jmhVersion, String jdkVersion, String vmName,
                           Environment environment) {

    /** The key {@code ·gc.alloc.rate.norm} (JMH ≤ 1.36 prefixes the profiler's metrics with a middle dot). */
    static final List<String> ALLOCATION_KEYS = List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm");

    /**
     * One benchmark × mode × parameter point.
     *
     * @param benchmark   e.g. io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward
     * @param mode        JMH's mode: avgt, thrpt, sample, ss
     * @param params      parameter values by name (sorted by name)
     * @param unit        the primary score's unit
     * @param forks       per fork, its measurement iterations' scores (primaryMetric.rawData)
     * @param allocation  per fork, the iterations' {@code gc.alloc.rate.norm} (B/op); empty without {@code -prof gc}
     * @param allocationNote why allocation is missing (null when present)
     */
    public record Point(String benchmark, String mode, Map<String, String> params, String unit,
                        List<List<Double>> forks, List<List<Double>> allocation, String allocationNote) {

        /** "ForwardBenchmark.forward": the class and method. */
        public String shortName() {
            int method = benchmark.lastIndexOf('.');
            int cls = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
            return benchmark.substring(cls + 1);
        }

        /** "backend=raw cell=rnn shape=char", or "" without parameters. */
        public String paramText() {
            return JmhResults.paramText(params);
        }

        /** What identifies the point across files: benchmark, mode and parameters. */
        public String key() {
            return benchmark + " [" + mode + "]" + (params.isEmpty() ? "" : " " + paramText());
        }

        /** This point with the named parameters dropped (for A/B runs whose sides differ in a parameter). */
        public Point without(List<String> names) {
            Map<String, String> kept = new TreeMap<>(params);
            names.forEach(kept::remove);
            return new Point(benchmark, mode, kept, unit, forks, allocation, allocationNote);
        }

        /**
         * Per fork, the median of its measurement iterations: the median rather than the mean because a single
         * slow iteration (a GC, a neighbour's burst) inside an otherwise normal fork should not move the fork's
         * score; fork-to-fork differences (JIT, code and heap layout) are the variation the statistics are about.
         */
        public double[] forkScores() {
            return forks.stream().mapToDouble(f -> RankStatistics.median(f.stream().mapToDouble(Double::doubleValue).toArray())).toArray();
        }

        /**
         * Per fork, the smallest allocation per operation of its iterations; empty without allocation data. The
         * minimum, not the median: what contaminates {@code gc.alloc.rate.norm} only adds — a
         * {@code Level.Iteration} set-up's allocation spread over however many operations the iteration ran (fewer
         * on a slow fork, so the figure follows the machine's speed), code that escape analysis has not yet
         * compiled — so the iteration with the least is closest to the steady state (measured spread: DESIGN-NOTES.md
         * §8, "Allocation").
         */
        public double[] forkAllocations() {
            return allocation.stream().mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)).toArray();
        }
    }

    /** These points with a name in front of their source, e.g. the baseline's commit: "abc1234 (target/ab/…)". */
    public ResultPoints labelled(String label) {
        return new ResultPoints(label + " (" + source + ")", points, jmhVersion, jdkVersion, vmName, environment);
    }

    /**
     * Reads {@code file} and its sidecar: {@code environmentFile} when given, else {@value RunFiles#ENVIRONMENT} in
     * the same directory when present.
     *
     * @throws IllegalArgumentException naming the file (and the point) when it is missing, not JSON, not JMH's
     *                                  format, or lacks the per-fork data a comparison needs
     */
    public static ResultPoints read(Path file, Path environmentFile) throws IOException {
        JmhResults results = JmhResults.read(file);
        Environment environment = null;
        Path sidecar = environmentFile != null ? environmentFile
                : file.toAbsolutePath().resolveSibling(RunFiles.ENVIRONMENT);
        if (environmentFile != null || Files.isRegularFile(sidecar)) {
            if (!Files.isRegularFile(sidecar)) {
                throw new IllegalArgumentException(sidecar + ": no such environment file");
            }
            environment = Environment.read(sidecar);
        }
        return of(results, environment);
    }

    /**
     * The points of {@code results}, checked for what a comparison needs.
     *
     * @throws IllegalArgumentException naming the file and the point when a point lacks per-fork data, has a
     *                                  non-finite or non-positive score or an unknown unit, or repeats another
     */
    public static ResultPoints of(JmhResults results, Environment environment) {
        String source = results.source();
        List<Point> points = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Entry entry : results.entries()) {
            String where = source + ", entry " + entry.index() + " (" + entry.benchmark()
                    + (entry.params().isEmpty() ? "" : " " + JmhResults.paramText(entry.params())) + ")";
            Point point;
            try {
                point = point(entry);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            Integer previous = seen.put(point.key(), entry.index());
            if (previous != null) {
                throw new IllegalArgumentException(where + ": the same point as entry " + previous);
            }
            points.add(point);
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no benchmark result (an empty array): did the run fail?");
        }
        JmhResults.RunInfo run = results.run();
        return new ResultPoints(source, List.copyOf(points), run.jmhVersion(), run.jdkVersion(), run.vmName(), environment);
    }

    private static Point point(Entry entry) {
        Metric primary = entry.primary();
        String unit = primary.unit();
        Direction.ofUnit(unit); // fails early on an unknown unit
        if (primary.rawData().isEmpty()) {
            throw new IllegalArgumentException("primaryMetric has no rawData (per-fork iteration scores); the comparison "
                    + "needs them: write results with JMH's -rf json, and do not post-process them away");
        }
        List<List<Double>> forks = forks(primary.rawData(), "primaryMetric", true);
        List<List<Double>> allocation = List.of();
        String allocationNote = "no gc.alloc.rate.norm (run with -prof gc)";
        for (String key : ALLOCATION_KEYS) {
            Metric metric = entry.secondary().get(key);
            if (metric != null) {
                try {
                    if (!metric.rawData().isEmpty()) {
                        allocation = forks(metric.rawData(), key, false);
                    } else {
                        if (!Double.isFinite(metric.score())) {
                            throw new IllegalArgumentException(key + " score is " + metric.score());
                        }
                        allocation = List.of(List.of(metric.score())); // one value for the whole run
                    }
                    allocationNote = null;
                } catch (IllegalArgumentException e) {
                    allocation = List.of();
                    allocationNote = e.getMessage();
                }
                break;
            }
        }
        return new Point(entry.benchmark(), entry.mode(), entry.params(), unit, forks, allocation, allocationNote);
    }

    /** rawData: one list per fork of finite numbers (positive ones when {@code positive}). */
    private static List<List<Double>> forks(List<List<Double>> raw, String metric, boolean positive) {
        for (int f = 0; f < raw.size(); f++) {
            List<Double> values = raw.get(f);
            if (values.isEmpty()) {
                throw new IllegalArgumentException(metric + " rawData fork " + (f + 1) + " has no iterations");
            }
            for (int i = 0; i < values.size(); i++) {
                double v = values.get(i);
                if (!Double.isFinite(v) || (positive ? v <= 0 : v < 0)) {
                    throw new IllegalArgumentException(metric + " rawData fork " + (f + 1) + " iteration " + (i + 1) + " is "
                            + v + "; expected a finite " + (positive ? "positive" : "non-negative") + " score");
                }
            }
        }
        return raw;
    }
}
