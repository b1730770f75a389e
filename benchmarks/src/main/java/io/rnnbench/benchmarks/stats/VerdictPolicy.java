package io.rnnbench.benchmarks.stats;

import java.util.Arrays;

/**
 * When a pairwise verdict is taken and at which α: a group-sequential plan. A pair is looked at only when both
 * backends have reached one of the {@code looks} (fork counts); each look uses the same α, chosen so that all looks
 * together keep the chance of a false "faster" between equal backends below the target; a pair still undecided at
 * the last look stays undecided. Looking after every fork instead would inflate that chance (each look is another
 * chance for noise to exclude 1): DESIGN-NOTES.md §11 has the simulation behind {@link #DEFAULT}.
 *
 * @param looks      increasing fork counts (per backend) at which the verdict is taken
 * @param alpha      1 − the interval level at each look
 * @param sameWithin the band of "the same"
 */
public record VerdictPolicy(int[] looks, double alpha, double sameWithin) {
    /**
     * Looks at 6, 10, 16 and 24 forks, α = 0.004, ±5%: with per-fork noise σ = 10%, equal backends are called
     * different in under 1% of pairs and a 1.15× difference is decided in ≥ 95% (tested in {@code VerdictPolicyTest}).
     */
    public static final VerdictPolicy DEFAULT = new VerdictPolicy(new int[] {6, 10, 16, 24}, 0.004, 0.05);

    public VerdictPolicy {
        looks = looks.clone();
        for (int i = 0; i < looks.length; i++) {
            if (looks[i] < 2 || i > 0 && looks[i] <= looks[i - 1]) {
                throw new IllegalArgumentException("verdict policy: looks must be increasing fork counts ≥ 2, got "
                        + Arrays.toString(looks));
            }
        }
        if (looks.length == 0 || !(alpha > 0 && alpha < 1) || !(sameWithin > 0)) {
            throw new IllegalArgumentException("verdict policy: need at least one look, 0 < α < 1 and a band > 0; got looks "
                    + Arrays.toString(looks) + ", α = " + alpha + ", band = " + sameWithin);
        }
    }

    @Override
    public int[] looks() {
        return looks.clone();
    }

    /** The fork count each backend needs for the first verdict. */
    public int firstLook() {
        return looks[0];
    }

    /** The fork count after which no more forks are spent on a pair. */
    public int lastLook() {
        return looks[looks.length - 1];
    }

    /** The next look after {@code forks}, or -1 when there is none. */
    public int nextLook(int forks) {
        for (int look : looks) {
            if (look > forks) {
                return look;
            }
        }
        return -1;
    }

    /**
     * The verdict on A and B's per-fork times as the plan allows: taken at the largest look both have reached (the
     * first {@code look} forks of each, in the order run); {@code UNDECIDED} with no interval before the first look.
     */
    public PairwiseVerdict verdict(double[] timesA, double[] timesB) {
        int have = Math.min(timesA.length, timesB.length);
        int look = -1;
        for (int l : looks) {
            if (l <= have) {
                look = l;
            }
        }
        if (look < 0) {
            return new PairwiseVerdict(PairwiseVerdict.Kind.UNDECIDED, Double.NaN, 0, Double.POSITIVE_INFINITY,
                    timesA.length, timesB.length);
        }
        return PairwiseVerdict.of(Arrays.copyOf(timesA, look), Arrays.copyOf(timesB, look), alpha, sameWithin);
    }

    /** Whether a pair with this verdict after {@code forks} forks a side should get more forks. */
    public boolean wantsMore(PairwiseVerdict verdict, int forks) {
        return verdict.undecided() && nextLook(forks) > 0;
    }
}
