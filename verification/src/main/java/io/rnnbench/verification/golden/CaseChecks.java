package io.rnnbench.verification.golden;

import io.rnnbench.verification.ToleranceClass;
import io.rnnbench.verification.VerificationReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The comparisons of one golden case on one backend. Every comparison runs (a failure does not hide the next one);
 * {@link #assertAllPassed} then fails with one line per failed tensor, in the format of
 * {@link io.rnnbench.verification.Agreement}: backend, check, tensor, worst index, both values, relative error and
 * the allowance. Each comparison's worst error is also kept in {@link #results()} for the summary.
 */
public final class CaseChecks {
    private final String backend;
    private final String check;
    private final ToleranceClass tolerances;
    private final List<String> failures = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();

    /**
     * One comparison's outcome.
     *
     * @param tensor   what was compared
     * @param worstAbs the largest |a − b|
     * @param worstRel the relative error |a − b| / |b| at the entry that used most of its allowance
     * @param usage    the largest |a − b| / (atol + rtol·|b|): ≤ 1 passes (0/0 counts as 0)
     * @param passed   whether every entry is within tolerance
     */
    public record Result(String check, String tensor, double worstAbs, double worstRel, double usage, double atol,
                         double rtol, boolean passed) {
    }

    /** The comparisons of a float64 backend (or of the generator): each at the tolerance the fixture gives. */
    public CaseChecks(String backend, String check) {
        this(backend, check, ToleranceClass.FLOAT64);
    }

    /** The comparisons of a backend of the given class: each fixture tolerance widened to the class's {@link ToleranceClass#golden floor}. */
    public CaseChecks(String backend, String check, ToleranceClass tolerances) {
        this.backend = backend;
        this.check = check;
        this.tolerances = tolerances;
    }

    /**
     * |a − b| ≤ atol + rtol·|b| elementwise, atol and rtol widened to the tolerance class's floor (float32: normwise,
     * relative to the largest |b|); shapes must be equal.
     */
    public void close(String tensor, NdArray actual, NdArray expected, double fixtureAtol, double fixtureRtol) {
        close(tensor, actual, expected, fixtureAtol, fixtureRtol, expected);
    }

    /**
     * {@link #close(String, NdArray, NdArray, double, double)} of a tensor derived from {@code scale} by a map that
     * does not increase differences (clipping by value: |clip(a) − clip(b)| ≤ |a − b|), so that its error is bounded by
     * {@code scale}'s: a float32 floor is normwise relative to {@code scale}'s largest entry.
     */
    public void close(String tensor, NdArray actual, NdArray expected, double fixtureAtol, double fixtureRtol, NdArray scale) {
        ToleranceClass.Tolerance tolerance = tolerances.golden(fixtureAtol, fixtureRtol, scale.data());
        double atol = tolerance.atol();
        double rtol = tolerance.rtol();
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            failures.add(String.format("%s, %s, %s: shape %s, reference has %s", backend, check, tensor,
                    actual.shapeString(), expected.shapeString()));
            results.add(new Result(check, tensor, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, atol, rtol, false));
            return;
        }
        double[] a = actual.data();
        double[] b = expected.data();
        int worst = -1;
        double worstUsage = -1;
        double worstAbs = 0;
        for (int i = 0; i < a.length; i++) {
            double error = Math.abs(a[i] - b[i]);
            double allowed = atol + rtol * Math.abs(b[i]);
            double usage;
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                usage = a[i] == b[i] || (Double.isNaN(a[i]) && Double.isNaN(b[i])) ? 0 : Double.POSITIVE_INFINITY;
            } else {
                usage = error == 0 ? 0 : allowed == 0 ? Double.POSITIVE_INFINITY : error / allowed;
            }
            if (Double.isFinite(error)) {
                worstAbs = Math.max(worstAbs, error);
            }
            if (usage > worstUsage) {
                worstUsage = usage;
                worst = i;
            }
        }
        double rel = worst < 0 ? 0 : Math.abs(a[worst] - b[worst]) / Math.max(Math.abs(b[worst]), Double.MIN_NORMAL);
        boolean passed = worstUsage <= 1.0;
        results.add(new Result(check, tensor, worstAbs, rel, Math.max(worstUsage, 0), atol, rtol, passed));
        if (!passed) {
            failures.add(String.format("%s, %s, %s: worst at %s: %s %.17g, reference %.17g, |a−b| %.3e, relative %.3e "
                            + "(allowed %.1e + %.1e·|b|)", backend, check, tensor, expected.indexOf(worst), backend, a[worst],
                    b[worst], Math.abs(a[worst] - b[worst]), rel, atol, rtol));
        }
    }

    /** One number, |a − b| ≤ atol + rtol·|b|. */
    public void close(String what, double actual, double expected, double atol, double rtol) {
        close(what, new NdArray(new int[0], new double[] {actual}), new NdArray(new int[0], new double[] {expected}), atol, rtol);
    }

    /** Integers that must be equal, entry by entry (sampled indices, dataset indices). */
    public void equal(String what, int[] actual, int[] expected) {
        boolean passed = Arrays.equals(actual, expected);
        results.add(new Result(check, what, passed ? 0 : Double.NaN, passed ? 0 : Double.NaN, passed ? 0 : Double.POSITIVE_INFINITY,
                0, 0, passed));
        if (!passed) {
            int first = 0;
            while (first < Math.min(actual.length, expected.length) && actual[first] == expected[first]) {
                first++;
            }
            failures.add(String.format("%s, %s, %s: first difference at index %d: %s %s, reference %s (lengths %d and %d)",
                    backend, check, what, first, backend, first < actual.length ? actual[first] : "(end)",
                    first < expected.length ? expected[first] : "(end)", actual.length, expected.length));
        }
    }

    /** One integer. */
    public void equal(String what, long actual, long expected) {
        boolean passed = actual == expected;
        results.add(new Result(check, what, passed ? 0 : Math.abs(actual - expected), 0, passed ? 0 : Double.POSITIVE_INFINITY,
                0, 0, passed));
        if (!passed) {
            failures.add(String.format("%s, %s, %s: %s %d, reference %d", backend, check, what, backend, actual, expected));
        }
    }

    /**
     * Each entry within {@code maxUlps} units of the last place relative to the reference's magnitude:
     * |a − b| ≤ maxUlps·2<sup>−52</sup>·|b| (the generator check). Relative rather than counted ulps because the
     * mechanism is relative: where Java's {@code Math.log} and glibc's {@code log} round differently, the Gaussian
     * differs by a relative 1–2·2<sup>−53</sup>, which is 3 counted ulps for a value just below a power of two (seed 2,
     * Gaussian #3248: 0.24570427171873580 vs NumPy's …588). The message gives the counted ulps too.
     */
    public void withinUlps(String what, NdArray actual, NdArray expected, long maxUlps) {
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            failures.add(String.format("%s, %s, %s: shape %s, reference has %s", backend, check, what,
                    actual.shapeString(), expected.shapeString()));
            results.add(new Result(check, what, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, 0, 0, false));
            return;
        }
        double rtol = maxUlps * Math.ulp(1.0);
        double worstUsage = 0;
        int worst = 0;
        long worstUlps = 0;
        for (int i = 0; i < actual.size(); i++) {
            double a = actual.data()[i];
            double b = expected.data()[i];
            double usage = a == b ? 0 : Math.abs(a - b) / (rtol * Math.abs(b));
            if (Double.isNaN(usage)) {
                usage = Double.POSITIVE_INFINITY;
            }
            worstUlps = Math.max(worstUlps, ulpDistance(a, b));
            if (usage > worstUsage) {
                worstUsage = usage;
                worst = i;
            }
        }
        boolean passed = worstUsage <= 1.0;
        double a = actual.size() == 0 ? 0 : actual.data()[worst];
        double b = actual.size() == 0 ? 0 : expected.data()[worst];
        results.add(new Result(check, what + " (max " + worstUlps + " ulps)", Math.abs(a - b),
                Math.abs(a - b) / Math.max(Math.abs(b), Double.MIN_NORMAL), worstUsage, 0, rtol, passed));
        if (!passed) {
            failures.add(String.format("%s, %s, %s: worst at %s: regenerated %.17g, stored %.17g, %d ulps apart, relative "
                            + "%.3e (allowed %d·2^-52 = %.2e)", backend, check, what, expected.indexOf(worst), a, b,
                    ulpDistance(a, b), Math.abs(a - b) / Math.abs(b), maxUlps, rtol));
        }
    }

    /** Records a failure that is not a value comparison (a structural problem found while running the case). */
    public void failure(String message) {
        failures.add(backend + ", " + check + ": " + message);
    }

    /** Units in the last place between two doubles of the same sign (or both near zero); Long.MAX_VALUE for NaN. */
    static long ulpDistance(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return a == b || (Double.isNaN(a) && Double.isNaN(b)) ? 0 : Long.MAX_VALUE;
        }
        long x = Double.doubleToLongBits(a);
        long y = Double.doubleToLongBits(b);
        x = x < 0 ? Long.MIN_VALUE - x : x; // map to a monotone integer line (−0.0 and +0.0 both to 0)
        y = y < 0 ? Long.MIN_VALUE - y : y;
        long d = x - y;
        return d == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(d);
    }

    /** Fails, listing every failed comparison, unless all passed. */
    public void assertAllPassed() {
        String reportRow = check.startsWith("seed 002 dinos") ? "golden: dinos NumPy trajectory" : "golden: seed 002 cases";
        VerificationReport.checkIfRecording(backend, reportRow, () -> {
            if (!failures.isEmpty()) {
                fail(failures.size() + " of " + Math.max(results.size(), failures.size()) + " comparisons failed:\n  "
                        + String.join("\n  ", failures));
            }
            return results.stream().mapToDouble(Result::usage).max().orElse(0);
        });
    }

    public String backend() {
        return backend;
    }

    public List<Result> results() {
        return Collections.unmodifiableList(results);
    }
}
