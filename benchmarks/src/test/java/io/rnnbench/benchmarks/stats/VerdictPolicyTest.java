package io.rnnbench.benchmarks.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pairwise verdict and its fork plan on synthetic per-fork times (issue 18's acceptance rates). */
class VerdictPolicyTest {
    private static final VerdictPolicy POLICY = VerdictPolicy.DEFAULT;

    /**
     * Forks of A (time 1) and B (time {@code ratio}) run in rounds, one of each per round, until the plan decides or
     * runs out: per-fork noise lognormal σ, and per round a drift factor common to both (the machine got slower for
     * a while), lognormal {@code drift}.
     */
    private static PairwiseVerdict simulate(double ratio, double sigma, double drift, Random random) {
        double[] a = new double[POLICY.lastLook()];
        double[] b = new double[POLICY.lastLook()];
        int forks = 0;
        while (true) {
            int next = POLICY.nextLook(forks);
            for (; forks < next; forks++) {
                double round = Math.exp(drift * random.nextGaussian());
                a[forks] = round * Math.exp(sigma * random.nextGaussian());
                b[forks] = round * ratio * Math.exp(sigma * random.nextGaussian());
            }
            PairwiseVerdict v = POLICY.verdict(Arrays.copyOf(a, forks), Arrays.copyOf(b, forks));
            if (!POLICY.wantsMore(v, forks)) {
                return v;
            }
        }
    }

    private static int count(PairwiseVerdict.Kind kind, double ratio, double sigma, double drift, long seed, int runs) {
        Random random = new Random(seed);
        int n = 0;
        for (int run = 0; run < runs; run++) {
            n += simulate(ratio, sigma, drift, random).kind() == kind ? 1 : 0;
        }
        return n;
    }

    @Test
    void equalBackendsAreCalledDifferentInUnderOnePercentOf1000() {
        int aFaster = count(PairwiseVerdict.Kind.A_FASTER, 1.0, 0.10, 0, 18, 1000);
        int bFaster = count(PairwiseVerdict.Kind.B_FASTER, 1.0, 0.10, 0, 18, 1000);
        assertTrue(aFaster + bFaster <= 10, "false 'faster' in " + (aFaster + bFaster) + " of 1000");
    }

    @Test
    void aFifteenPercentDifferenceIsDecidedInAtLeast95PercentAtTenPercentNoise() {
        int decided = count(PairwiseVerdict.Kind.A_FASTER, 1.15, 0.10, 0, 19, 1000);
        assertTrue(decided >= 950, "1.15× decided in " + decided + " of 1000");
    }

    @Test
    void driftBetweenRoundsHitsBothAlikeAndNeitherInventsNorHidesADifference() {
        int falseFaster = count(PairwiseVerdict.Kind.A_FASTER, 1.0, 0.05, 0.15, 20, 500)
                + count(PairwiseVerdict.Kind.B_FASTER, 1.0, 0.05, 0.15, 20, 500);
        assertTrue(falseFaster <= 5, "false 'faster' under drift in " + falseFaster + " of 500");
        int decided = count(PairwiseVerdict.Kind.A_FASTER, 1.5, 0.05, 0.15, 21, 500);
        assertTrue(decided >= 490, "1.5× under drift decided in " + decided + " of 500");
    }

    @Test
    void oneOutlierForkDoesNotHideADifference() {
        Random random = new Random(4);
        double[] a = new double[10];
        double[] b = new double[10];
        for (int i = 0; i < 10; i++) {
            a[i] = Math.exp(0.03 * random.nextGaussian());
            b[i] = 1.3 * Math.exp(0.03 * random.nextGaussian());
        }
        a[1] *= 3; // a neighbour's burst during one of A's forks: the first look (6 forks) cannot decide, the next does
        assertEquals(PairwiseVerdict.Kind.UNDECIDED, POLICY.verdict(Arrays.copyOf(a, 6), Arrays.copyOf(b, 6)).kind());
        PairwiseVerdict v = POLICY.verdict(a, b);
        assertEquals(PairwiseVerdict.Kind.A_FASTER, v.kind(), v.toString());
        assertTrue(v.ratio() > 1.2 && v.ratio() < 1.4, v.toString());
    }

    @Test
    void theWordsNeverSayMoreThanTheInterval() {
        // B = f·A fork for fork: at the first look (6 + 6 forks, α = 0.004) the interval is the range of the 36 ratios
        // b_j / a_i, f·[0.98 / 1.02, 1.02 / 0.98] = f·[0.961, 1.041]
        double[] a = {1.00, 1.01, 0.99, 1.02, 0.98, 1.00};
        assertEquals("x is 1.50× faster than y [1.44, 1.56]",
                POLICY.verdict(a, scaled(a, 1.5)).describe("x", "y", POLICY.sameWithin()));
        assertEquals("y is 2.00× faster than x [1.92, 2.08]",
                POLICY.verdict(a, scaled(a, 0.5)).describe("x", "y", POLICY.sameWithin()));
        assertEquals("x and y are the same within ±5% (1.00× [0.96, 1.04])",
                POLICY.verdict(a, scaled(a, 1.0)).describe("x", "y", POLICY.sameWithin()));
        double[] noisy = {1.0, 1.3, 0.8, 1.2, 0.9, 1.1};
        PairwiseVerdict undecided = POLICY.verdict(noisy, scaled(a, 1.05));
        assertEquals(PairwiseVerdict.Kind.UNDECIDED, undecided.kind());
        assertTrue(undecided.low() < 1 && undecided.high() > 1.05, undecided.toString());
        assertTrue(undecided.describe("x", "y", POLICY.sameWithin()).startsWith("x and y: undecided ("), undecided.toString());
    }

    @Test
    void aVerdictIsTakenOnlyAtALook() {
        double[] four = {1, 1, 1, 1, 1};
        assertEquals(PairwiseVerdict.Kind.UNDECIDED, POLICY.verdict(four, scaled(four, 3)).kind(), "before the first look");
        double[] eight = {1, 1.01, 0.99, 1, 1.02, 0.98, 1, 1.01};
        PairwiseVerdict v = POLICY.verdict(eight, scaled(eight, 3));
        assertEquals(6, v.forksA(), "taken at the look of 6 forks");
        assertEquals(PairwiseVerdict.Kind.A_FASTER, v.kind());
        assertEquals(10, POLICY.nextLook(6));
        assertEquals(-1, POLICY.nextLook(24));
    }

    @Test
    void badTimesAndPlansAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairwiseVerdict.of(new double[] {1, 0}, new double[] {1, 1}, 0.01, 0.05));
        assertEquals("pairwise verdict: time 1 of A is 0.0; times must be positive and finite", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VerdictPolicy(new int[] {5, 5}, 0.01, 0.05));
    }

    private static double[] scaled(double[] x, double factor) {
        return Arrays.stream(x).map(v -> v * factor).toArray();
    }
}
