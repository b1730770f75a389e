package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.stats.GroupVerdicts;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The backends of one GEMM shape, fastest first, with the grid's pairwise verdicts ({@link Standings}).
 *
 * @param shape    the product
 * @param entries  fastest first
 * @param verdicts every pair's verdict
 */
public record GemmRanking(GemmShape shape, List<Standing<GemmMeasurement>> entries, GroupVerdicts verdicts) {

    /** One ranking per shape that was measured, in {@link GemmShape#ALL}'s order. */
    public static List<GemmRanking> of(List<GemmMeasurement> measurements) {
        Map<GemmShape, List<GemmMeasurement>> byShape = measurements.stream()
                .collect(Collectors.groupingBy(GemmMeasurement::shape));
        return GemmShape.ALL.stream().filter(byShape::containsKey).map(s -> rank(s, byShape.get(s))).toList();
    }

    private static GemmRanking rank(GemmShape shape, List<GemmMeasurement> measurements) {
        GroupVerdicts verdicts = Standings.verdicts(measurements);
        return new GemmRanking(shape, Standings.rank(measurements, verdicts), verdicts);
    }

    /** The fastest backend's entry. */
    public Standing<GemmMeasurement> fastest() {
        return entries.get(0);
    }

    /** What the ranking is about: "GEMM `square-256`". */
    public String title() {
        return "GEMM `" + shape.name() + "`";
    }
}
