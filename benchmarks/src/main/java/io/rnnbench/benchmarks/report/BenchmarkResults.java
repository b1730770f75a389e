package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.gemm.GemmBenchmark;
import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.quality.TimeToQualityBenchmark;
import io.rnnbench.benchmarks.results.JmhResults.Entry;
import io.rnnbench.benchmarks.results.JmhResults.Metric;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's results as the report reads them: the entries of the RNN suites, of the time-to-quality benchmark
 * ({@code io.rnnbench.benchmarks.quality}) and of the GEMM kernel benchmark ({@code io.rnnbench.benchmarks.gemm}),
 * each kind apart; entries of other benchmarks (e.g. the library benchmarks, the rulers) are skipped.
 *
 * @param measurements  the RNN suites' entries, in file order (may be empty when the run measured other benchmarks only)
 * @param run           how the run was made (from the first entry the report reads)
 * @param timeToQuality the time-to-quality entries, in file order (empty when the run had none)
 * @param gemm          the GEMM kernel entries, in file order (empty when the run had none)
 */
public record BenchmarkResults(List<Measurement> measurements, JmhResults.RunInfo run, List<QualityMeasurement> timeToQuality,
                               List<GemmMeasurement> gemm) {

    /**
     * The report's entries of {@code results}.
     *
     * @throws IllegalArgumentException naming the file and the entry when an entry lacks what the report needs, or
     *                                  when there is no entry of the RNN, time-to-quality or GEMM benchmarks
     */
    public static BenchmarkResults of(JmhResults results) {
        List<Measurement> measurements = new ArrayList<>();
        List<QualityMeasurement> quality = new ArrayList<>();
        List<GemmMeasurement> gemm = new ArrayList<>();
        JmhResults.RunInfo run = null;
        for (Entry entry : results.entries()) {
            String benchmark = entry.benchmark();
            try {
                if (benchmark.startsWith(Suite.class.getPackageName() + ".")) {
                    measurements.add(measurement(entry));
                } else if (benchmark.startsWith(TimeToQualityBenchmark.class.getName() + ".")) {
                    quality.add(qualityMeasurement(entry));
                } else if (benchmark.startsWith(GemmBenchmark.class.getName() + ".")) {
                    gemm.add(gemmMeasurement(entry));
                } else {
                    continue;
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(results.source() + ", entry " + entry.index() + " (" + benchmark + "): "
                        + e.getMessage(), e);
            }
            if (run == null) {
                run = entry.run();
            }
        }
        if (measurements.isEmpty() && quality.isEmpty() && gemm.isEmpty()) {
            throw new IllegalArgumentException(results.source() + " holds no result of the RNN benchmarks ("
                    + Suite.class.getPackageName() + ".*) nor of " + TimeToQualityBenchmark.class.getSimpleName()
                    + " or " + GemmBenchmark.class.getSimpleName()
                    + "; was the run narrowed to other benchmarks, or did it fail?");
        }
        return new BenchmarkResults(List.copyOf(measurements), run, List.copyOf(quality), List.copyOf(gemm));
    }

    private static QualityMeasurement qualityMeasurement(Entry entry) {
        Metric p = entry.primary();
        String benchmark = entry.benchmark();
        return new QualityMeasurement(benchmark.substring(benchmark.lastIndexOf('.') + 1), param(entry, "backend"),
                p.score(), p.scoreError(), p.confidenceLow(), p.confidenceHigh(), p.unit(), p.rawData(),
                secondary(entry, "steps"), secondary(entry, "reached"), secondary(entry, "smoothedLoss"));
    }

    private static GemmMeasurement gemmMeasurement(Entry entry) {
        Metric p = entry.primary();
        return new GemmMeasurement(GemmShape.byName(param(entry, "gemm")), param(entry, "backend"), p.score(),
                p.scoreError(), p.confidenceLow(), p.confidenceHigh(), p.unit(), allocatedBytes(entry), p.rawData());
    }

    private static Measurement measurement(Entry entry) {
        Metric p = entry.primary();
        return new Measurement(Suite.ofBenchmark(entry.benchmark()), param(entry, "backend"),
                CellType.valueOf(param(entry, "cell").toUpperCase(Locale.ROOT)), Shape.parse(param(entry, "shape")),
                p.score(), p.scoreError(), p.confidenceLow(), p.confidenceHigh(), p.unit(), allocatedBytes(entry),
                p.rawData());
    }

    /**
     * The mean per iteration of an auxiliary counter. Not its {@code score}: JMH sums {@code EVENTS} counters over
     * the iterations, so the score of "steps" after 3 runs of 5,097 steps is 15,291.
     */
    private static double secondary(Entry entry, String name) {
        Metric metric = entry.secondary().get(name);
        if (metric == null) {
            return Double.NaN;
        }
        return metric.rawData().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** A benchmark parameter's value. */
    private static String param(Entry entry, String name) {
        String value = entry.param(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name + " parameter");
        }
        return value;
    }

    /** {@code gc.alloc.rate.norm}, bytes per operation; NaN when the run had no {@code -prof gc}. */
    private static double allocatedBytes(Entry entry) {
        Metric allocation = entry.secondary().get("gc.alloc.rate.norm");
        return allocation == null ? Double.NaN : allocation.score();
    }
}
