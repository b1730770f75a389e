package io.rnnbench.benchmarks.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankStatisticsTest {

    @Test
    void exactPValuesOfCompleteSeparation() {
        // 2 of the C(6, 3) = 20 equally likely arrangements are as extreme
        assertEquals(0.1, RankStatistics.pValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-12);
        // C(16, 8) = 12870
        assertEquals(2.0 / 12870, RankStatistics.pValue(new double[] {1, 2, 3, 4, 5, 6, 7, 8},
                new double[] {11, 12, 13, 14, 15, 16, 17, 18}), 1e-15);
        assertEquals(1.0, RankStatistics.pValue(new double[] {1, 2, 3}, new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void hodgesLehmannAndItsIntervalAgreeWithTheTest() {
        double[] x = {1.0, 1.1, 0.9, 1.05, 0.95, 1.02, 0.98, 1.01};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + 0.5;
        }
        RankStatistics.Shift s = RankStatistics.shift(x, y, 0.01);
        assertEquals(0.5, s.estimate(), 1e-12);
        assertTrue(s.low() > 0 && s.pValue() < 0.01, s.toString());
        assertTrue(s.low() <= 0.5 && 0.5 <= s.high());
        // m = n = 8 at α = 0.01: the lower critical value of U is 7 (tables), so the interval is [D(8), D(57)]
        double[] cdf = RankStatistics.nullCdf(8, 8);
        assertTrue(cdf[7] <= 0.005 && cdf[8] > 0.005, cdf[7] + " " + cdf[8]);
        // no shift: the interval covers 0 and the test does not reject
        RankStatistics.Shift none = RankStatistics.shift(x, x, 0.01);
        assertTrue(none.low() < 0 && none.high() > 0 && none.pValue() == 1.0, none.toString());
    }

    @Test
    void tooFewValuesGiveAnUnboundedInterval() {
        RankStatistics.Shift s = RankStatistics.shift(new double[] {1, 2, 3}, new double[] {7, 8, 9}, 0.01);
        assertEquals(Double.NEGATIVE_INFINITY, s.low());
        assertEquals(Double.POSITIVE_INFINITY, s.high());
        assertEquals(0.1, s.minP(), 1e-12);
    }

    @Test
    void largeSamplesUseTheNormalApproximation() {
        double[] x = new double[60], y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i;
            y[i] = i + 0.5;
        }
        assertEquals(0.877, RankStatistics.pValue(x, y), 1e-3);
    }
}
