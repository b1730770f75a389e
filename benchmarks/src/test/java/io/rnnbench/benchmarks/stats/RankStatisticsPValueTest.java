package io.rnnbench.benchmarks.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two-sided p-values the benchmark report's tie rule uses. */
class RankStatisticsPValueTest {

    @Test
    void completeSeparationHasTheSmallestExactPValue() {
        // 2 of the C(6, 3) = 20 equally likely rank arrangements are as extreme: p = 0.1
        assertEquals(0.1, pValue(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0)), 1e-12);
        // C(16, 8) = 12870
        assertEquals(2.0 / 12870, pValue(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0),
                List.of(11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0)), 1e-15);
    }

    @Test
    void oneSwappedPairDoublesTheTail() {
        // U = 1: arrangements with U ≤ 1 are U = 0 (1 way) and U = 1 (1 way): p = 2·2/20
        assertEquals(0.2, pValue(List.of(1.0, 2.0, 4.0), List.of(3.0, 5.0, 6.0)), 1e-12);
    }

    @Test
    void identicalSamplesAreNoEvidence() {
        assertEquals(1.0, pValue(List.of(1.0, 2.0, 3.0), List.of(1.0, 2.0, 3.0)), 1e-12);
        assertEquals(1.0, pValue(List.of(), List.of(1.0)));
    }

    @Test
    void largeSamplesUseTheNormalApproximation() {
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            low.add((double) i);
            high.add(i + 0.5);
        }
        // shifted by half a step: U = #(x < y) = 60·61/2 = 1830 against a mean of 1800 and an sd of √36300 = 190.5:
        // the smaller tail is 1770, z = (1770 + 0.5 − 1800)/190.5 = −0.155, p = 2·Φ(−0.155) = 0.877
        assertEquals(0.877, pValue(low, high), 1e-3);
        List<Double> far = high.stream().map(v -> v + 1000).toList();
        assertEquals(0.0, pValue(low, far), 1e-12);
    }

    private static double pValue(List<Double> x, List<Double> y) {
        return RankStatistics.pValue(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
