package io.rnnbench.benchmarks.regression;

/**
 * The rules' settings.
 *
 * @param time           practical threshold of a time change, e.g. 0.10: slower/faster only beyond ×1.10 / ÷1.10
 * @param alpha          level of the rank test and 1 − confidence of the interval, e.g. 0.01
 * @param allocRelative  allocation regression: candidate &gt; baseline × (1 + this), e.g. 0.05 …
 * @param allocBytes     … <em>and</em> candidate − baseline &gt; this many B/op, e.g. 64 (both must be exceeded)
 * @param rulerTolerance a ruler has moved when its change is significant at {@code alpha} and beyond this, e.g. 0.03
 * @param timeBlocking   whether a "slower" time verdict fails the comparison (exit 1); allocation always does
 */
public record Thresholds(double time, double alpha, double allocRelative, double allocBytes, double rulerTolerance,
                         boolean timeBlocking) {
    /** 10%, α = 0.01, +5% and +64 B/op, rulers 3%, time verdicts blocking. */
    public static final Thresholds DEFAULT = new Thresholds(0.10, 0.01, 0.05, 64, 0.03, true);

    public Thresholds {
        if (!(time > 0 && time < 10)) {
            throw new IllegalArgumentException("--threshold " + time + ": expected a fraction such as 0.10 (10%)");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("--alpha " + alpha + ": expected a level such as 0.01");
        }
        if (!(allocRelative >= 0) || !(allocBytes >= 0)) {
            throw new IllegalArgumentException("--alloc-threshold " + allocRelative + " / --alloc-bytes " + allocBytes
                    + ": expected non-negative values such as 0.05 and 64");
        }
        if (!(rulerTolerance >= 0)) {
            throw new IllegalArgumentException("--ruler-tolerance " + rulerTolerance + ": expected a fraction such as 0.03");
        }
    }

    public Thresholds withTimeBlocking(boolean blocking) {
        return new Thresholds(time, alpha, allocRelative, allocBytes, rulerTolerance, blocking);
    }
}
