package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A run's results grouped for reading: per shape (presets in their order, then custom shapes), per cell, per suite,
 * one {@link Ranking}.
 *
 * @param results     the parsed result file
 * @param environment the machine, or null when the run left no environment file
 * @param rankings    shape → rankings of that shape, in suite order, RNN before LSTM
 */
public record Report(BenchmarkResults results, Environment environment, Map<Shape, List<Ranking>> rankings) {

    /** Groups and ranks every measurement of {@code results}. */
    public static Report of(BenchmarkResults results, Environment environment) {
        Map<List<Object>, List<Measurement>> groups = results.measurements().stream().collect(Collectors.groupingBy(
                m -> List.of(m.shape(), m.cell(), m.suite()), LinkedHashMap::new, Collectors.toList()));
        List<Ranking> all = new ArrayList<>(groups.values().stream().map(Ranking::of).toList());
        all.sort(Comparator.comparingInt((Ranking r) -> shapeOrder(r.shape()))
                .thenComparing(r -> r.shape().name())
                .thenComparing(Ranking::cell)
                .thenComparing(Ranking::suite));
        Map<Shape, List<Ranking>> byShape = all.stream().collect(Collectors.groupingBy(Ranking::shape, LinkedHashMap::new,
                Collectors.toList()));
        return new Report(results, environment, byShape);
    }

    /** The ranking of one (shape, cell, suite), or null when the run did not measure it. */
    public Ranking ranking(Shape shape, CellType cell, Suite suite) {
        return rankings.getOrDefault(shape, List.of()).stream()
                .filter(r -> r.cell() == cell && r.suite() == suite).findFirst().orElse(null);
    }

    /** The time-to-quality rankings, one per workload (empty when the run did not measure time to quality). */
    public List<QualityRanking> timeToQuality() {
        return QualityRanking.of(results.timeToQuality());
    }

    /** The GEMM kernel rankings, one per shape (empty when the run did not measure the GEMM kernel). */
    public List<GemmRanking> gemm() {
        return GemmRanking.of(results.gemm());
    }

    /** {@code r}'s recommendation and what each backend it recommends costs (see {@link #costs}). */
    public String advice(Ranking r) {
        return r.recommendation() + costs(r.recommended());
    }

    /** {@code q}'s recommendation and what each backend it recommends costs (see {@link #costs}). */
    public String advice(QualityRanking q) {
        return q.recommendation() + costs(q.recommended());
    }

    /**
     * "; what it takes: raw-simd: --add-modules jdk.incubator.vector; raw: nothing" for the recommended backends whose
     * requirements the run's environment file records ({@code BackendProvider.requirements}); empty when it records
     * none of them.
     */
    String costs(List<String> backends) {
        if (environment == null) {
            return "";
        }
        List<String> costs = new ArrayList<>();
        for (String backend : backends) {
            String requirements = environment.requirements(backend);
            if (requirements != null) {
                costs.add(backend + ": " + requirements);
            }
        }
        return costs.isEmpty() ? "" : "; what it takes: " + String.join("; ", costs);
    }

    /** Every ranking, shape by shape. */
    public List<Ranking> all() {
        return rankings.values().stream().flatMap(List::stream).toList();
    }

    /** Distinct values of {@code key} over all measurements, in first-seen order. */
    <T> List<T> distinct(Function<Measurement, T> key) {
        return results.measurements().stream().map(key).distinct().toList();
    }

    private static int shapeOrder(Shape shape) {
        int preset = Shape.PRESETS.indexOf(shape);
        return preset < 0 ? Shape.PRESETS.size() : preset;
    }
}
