package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.regression.Comparison.Verdict;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules on synthetic per-fork data ({@link SyntheticRuns}), over many seeds: the false-alarm rate of A/A
 * comparisons and the detection rate of real slowdowns. The rates are printed (visible in the Surefire report).
 */
class SyntheticRatesTest {
    static final int SEEDS = 1000;
    static final String FORWARD = "io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward";

    /** Verdict counts of {@link #SEEDS} comparisons, candidate = baseline × {@code factor}. */
    static Map<Verdict, Integer> verdicts(double factor, int forks, double sigma, String unit, long salt) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        boolean time = unit.endsWith("/op");
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + salt);
            double level = time ? 2.5 : 400;
            var a = SyntheticRuns.point(FORWARD, unit, SyntheticRuns.forks(r, forks, level, sigma), 1000);
            var b = SyntheticRuns.point(FORWARD, unit, SyntheticRuns.forks(r, forks, time ? level * factor : level / factor, sigma), 1000);
            Comparison c = Comparison.of(SyntheticRuns.file("a", a), SyntheticRuns.file("b", b), Thresholds.DEFAULT);
            counts.merge(c.rows().get(0).time().verdict(), 1, Integer::sum);
        }
        return counts;
    }

    static double rate(Map<Verdict, Integer> counts, Verdict v) {
        return counts.getOrDefault(v, 0) / (double) SEEDS;
    }

    static void print(String what, Map<Verdict, Integer> counts) {
        System.out.printf("%-48s %s%n", what, counts);
    }

    @Test
    void identicalDistributionsAreNeverCalledSlower() {
        for (double sigma : new double[] {0.05, 0.08, 0.15}) {
            Map<Verdict, Integer> counts = verdicts(1.0, 8, sigma, "ms/op", 1);
            print("A/A, 8+8 forks, σ = " + sigma, counts);
            double falseAlarms = rate(counts, Verdict.SLOWER) + rate(counts, Verdict.FASTER);
            System.out.printf("  false-alarm rate (slower or faster): %.2f%% (slower %.2f%%)%n", 100 * falseAlarms,
                    100 * rate(counts, Verdict.SLOWER));
            assertTrue(falseAlarms <= 0.01, "A/A false alarms " + falseAlarms);
        }
    }

    @Test
    void aTwentyFivePercentSlowdownIsDetected() {
        Map<Verdict, Integer> ten = verdicts(1.25, 10, 0.05, "ms/op", 2);
        Map<Verdict, Integer> eight = verdicts(1.25, 8, 0.05, "ms/op", 3);
        print("+25%, 10+10 forks, σ = 0.05", ten);
        print("+25%, 8+8 forks, σ = 0.05", eight);
        System.out.printf("  detection rate: %.2f%% with 10+10 forks (Ab's default), %.2f%% with 8+8%n",
                100 * rate(ten, Verdict.SLOWER), 100 * rate(eight, Verdict.SLOWER));
        assertTrue(rate(ten, Verdict.SLOWER) >= 0.95, "detection " + rate(ten, Verdict.SLOWER));
        assertTrue(rate(eight, Verdict.SLOWER) >= 0.85, "detection " + rate(eight, Verdict.SLOWER));
        assertEquals(0, ten.getOrDefault(Verdict.FASTER, 0) + eight.getOrDefault(Verdict.FASTER, 0));
    }

    @Test
    void aTwentyFivePercentSlowdownInThroughputIsDetectedToo() {
        Map<Verdict, Integer> counts = verdicts(1.25, 10, 0.05, "ops/s", 4);
        print("+25% time = −20% ops/s, 10+10 forks, σ = 0.05", counts);
        assertTrue(rate(counts, Verdict.SLOWER) >= 0.95, "detection " + rate(counts, Verdict.SLOWER));
        assertEquals(0, counts.getOrDefault(Verdict.FASTER, 0), "throughput inverted");
    }

    @Test
    void aThreePercentShiftIsNotARegression() {
        for (int forks : new int[] {8, 10}) {
            for (double sigma : new double[] {0.05, 0.08}) {
                Map<Verdict, Integer> counts = verdicts(1.03, forks, sigma, "ms/op", 5 + forks);
                print("+3%, " + forks + "+" + forks + " forks, σ = " + sigma, counts);
                System.out.printf("  called slower: %.2f%%%n", 100 * rate(counts, Verdict.SLOWER));
                // the rule's guarantee whatever the noise: a change ≤ √1.1 − 1 ≈ 4.9% is called slower with
                // probability ≤ α/2 (the interval's lower end is a one-sided test at α/2); never faster
                assertTrue(rate(counts, Verdict.SLOWER) <= Thresholds.DEFAULT.alpha() / 2, counts.toString());
                assertEquals(0, counts.getOrDefault(Verdict.FASTER, 0), counts.toString());
            }
        }
    }

    @Test
    void noisierMachinesNeedMoreForks() {
        Map<Verdict, Integer> eight = verdicts(1.25, 8, 0.10, "ms/op", 20);
        Map<Verdict, Integer> sixteen = verdicts(1.25, 16, 0.10, "ms/op", 21);
        print("+25%, 8+8 forks, σ = 0.10", eight);
        print("+25%, 16+16 forks, σ = 0.10", sixteen);
        assertTrue(rate(sixteen, Verdict.SLOWER) > rate(eight, Verdict.SLOWER));
        assertEquals(0, eight.getOrDefault(Verdict.FASTER, 0) + sixteen.getOrDefault(Verdict.FASTER, 0));
    }

    @Test
    void threeForksASideCanOnlyBeUnknown() {
        Map<Verdict, Integer> counts = verdicts(1.5, 3, 0.02, "ms/op", 30);
        print("+50%, 3+3 forks, σ = 0.02", counts);
        assertEquals(SEEDS, counts.getOrDefault(Verdict.UNKNOWN, 0));
    }
}
