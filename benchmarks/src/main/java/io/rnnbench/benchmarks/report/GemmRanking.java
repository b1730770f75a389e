package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.gemm.GemmShape;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The backends of one GEMM shape, fastest first, with the grid's noise rule ({@link Ranking#differ}).
 *
 * @param shape   the product
 * @param entries fastest first
 */
public record GemmRanking(GemmShape shape, List<Entry> entries) {

    /**
     * One backend's place.
     *
     * @param ratioToFastest  its time ÷ the fastest one's (1 for the fastest)
     * @param tiedWithFastest whether it is within noise of the fastest
     */
    public record Entry(GemmMeasurement measurement, double ratioToFastest, boolean tiedWithFastest) {
    }

    /** One ranking per shape that was measured, in {@link GemmShape#ALL}'s order. */
    public static List<GemmRanking> of(List<GemmMeasurement> measurements) {
        Map<GemmShape, List<GemmMeasurement>> byShape = measurements.stream()
                .collect(Collectors.groupingBy(GemmMeasurement::shape));
        return GemmShape.ALL.stream().filter(byShape::containsKey).map(s -> rank(s, byShape.get(s))).toList();
    }

    private static GemmRanking rank(GemmShape shape, List<GemmMeasurement> measurements) {
        List<GemmMeasurement> sorted = measurements.stream().sorted(Comparator.comparingDouble(TimedScore::seconds)).toList();
        GemmMeasurement fastest = sorted.get(0);
        return new GemmRanking(shape, sorted.stream()
                .map(m -> new Entry(m, m.seconds() / fastest.seconds(), !Ranking.differ(m, fastest))).toList());
    }

    /** The fastest backend's entry. */
    public Entry fastest() {
        return entries.get(0);
    }
}
