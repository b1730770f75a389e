package io.rnnbench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a row's forks were at a steady state while JMH measured them. JMH measures after a fixed warm-up; on a busy
 * 2-core machine the JIT can still be compiling when measurement begins, and a number taken then is not the
 * backend's. The case that made this check: {@code raw-simd}'s Vector API kernels run boxed, 10–100× slower and
 * allocating megabytes per operation, until C2 has compiled them, and under load that took seconds (DESIGN-NOTES.md
 * §6, where the figures are). Two signs are looked for in each fork's measured iterations:
 * <ul>
 *   <li><b>still warming up:</b> the first iteration took more than {@value #WARMING}× the median of the others;</li>
 *   <li><b>unsteady:</b> the slowest iteration took more than {@value #SPREAD}× the fastest (the JIT, or other load on
 *       the machine).</li>
 * </ul>
 * A third sign needs the backend's word that it allocates nothing per operation once compiled
 * ({@code BackendProvider.allocationFree}): <b>not compiled</b>, when such a row allocated more than
 * {@value #ALLOCATION} bytes per operation. That catches a fork that stayed boxed throughout, whose times neither
 * fall nor wander (stop 13's default runs: {@code raw-simd}'s {@code medium} RNN cell step at 6.7 MB/op, 34–42 ms
 * per step against 0.3–0.6 ms settled); settled, such a backend allocates only what JMH's own threads add (at most
 * ≈ 7 KB per {@code medium} step, DESIGN-NOTES.md §9).
 *
 * <p>Both time thresholds lie far outside the iteration-to-iteration spread of a settled fork on this VM (±20%; over
 * the 186 rows of a default run of stop 13 on a busy machine, the largest spread of a fork not flagged was 2.2×). A
 * flagged row keeps its number; the report marks it and says why, so that it is re-run with a longer warm-up rather
 * than trusted.
 */
public final class Steadiness {
    /** First iteration over the median of the others above which a fork is still warming up. */
    static final double WARMING = 2.0;
    /** Slowest over fastest iteration above which a fork is unsteady. */
    static final double SPREAD = 3.0;
    /** Bytes per operation above which an allocation-free backend's row was not compiled yet. */
    static final double ALLOCATION = 64 * 1024;

    private Steadiness() {
    }

    /**
     * What was not steady, e.g. "first iteration 31.7 ms, 73.5× the median of the others (still warming up)", fork by
     * fork, then the allocation; empty if all was.
     *
     * @param allocatedBytes the row's {@code gc.alloc.rate.norm} (NaN without {@code -prof gc})
     * @param allocationFree whether the row's backend allocates nothing per operation once compiled
     */
    public static Optional<String> problem(TimedScore m, double allocatedBytes, boolean allocationFree) {
        List<String> problems = new ArrayList<>();
        List<List<Double>> forks = m.rawData();
        for (int f = 0; f < forks.size(); f++) {
            List<Double> times = forks.get(f);
            String fork = forks.size() == 1 ? "" : "fork " + (f + 1) + ": ";
            if (times.size() >= 3) {
                double first = times.get(0);
                double othersMedian = median(times.subList(1, times.size()));
                if (first > WARMING * othersMedian) {
                    problems.add(fork + String.format(Locale.ROOT, "first iteration %s, %.1f× the median of the others "
                            + "(still warming up)", time(first, m), first / othersMedian));
                    continue;
                }
            }
            double slowest = times.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double fastest = times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            if (slowest > SPREAD * fastest) {
                problems.add(fork + String.format(Locale.ROOT, "iterations from %s to %s, %.1f× apart (unsteady)",
                        time(fastest, m), time(slowest, m), slowest / fastest));
            }
        }
        if (allocationFree && allocatedBytes > ALLOCATION) {
            problems.add(MarkdownReport.bytes(allocatedBytes) + " allocated per operation by a backend that allocates "
                    + "nothing once compiled (not compiled yet, or compiled code that allocates)");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String time(double score, TimedScore m) {
        return TimeUnits.format(score * TimeUnits.secondsPer(m.unit()));
    }
}
