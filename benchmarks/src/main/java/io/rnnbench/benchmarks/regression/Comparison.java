package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.regression.ResultPoints.Point;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.stats.RankStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The decision for every point of a baseline and a candidate result, with the banners that qualify it.
 *
 * <p><b>Time</b>, per point: each fork's score is the median of its measurement iterations
 * ({@link Point#forkScores()}); scores become log "costs" (log time, or −log throughput, {@link Direction}) so that
 * one rule serves both directions and ratios become differences. On the m baseline and n candidate fork costs,
 * {@link RankStatistics#shift} gives the Hodges–Lehmann shift (reported as the ratio exp(shift): the median of all
 * m·n pairwise ratios candidate/baseline), its distribution-free (1 − α) interval and the Mann–Whitney p. Then,
 * with threshold θ:
 * <ul>
 *   <li><b>slower</b>: cost ratio &gt; 1 + θ, and the interval's lower end &gt; √(1 + θ) (≈ 1 + θ/2);</li>
 *   <li><b>faster</b>: cost ratio &lt; 1/(1 + θ), and the interval's upper end &lt; 1/√(1 + θ);</li>
 *   <li><b>same</b>: the whole interval within [1/(1 + θ), 1 + θ];</li>
 *   <li><b>unknown — rerun with more forks</b> otherwise (including whenever the fork counts cannot reach α at all,
 *       e.g. 3 + 3 forks, smallest p = 0.1).</li>
 * </ul>
 * Both conditions of "slower" matter on a noisy machine: significance alone calls a reproducible 2% change a
 * regression; the threshold alone fires on the 11% A/A differences a 2-core VM produces. "Significant" is tested
 * against half the threshold rather than against no change: the interval excluding everything up to √(1 + θ)
 * is a one-sided test at level α/2 of "the slowdown is at most ≈ θ/2", so a change of 5% or less is called slower
 * with probability at most α/2 = 0.5% whatever the noise, where "p &lt; α against no change" calls a real 3% change
 * slower in ≈ 1.5% of noisy runs (the point estimate overshoots 10%). It implies p &lt; α. The price is power:
 * SyntheticRatesTest records both rates.
 *
 * <p><b>Allocation</b> ({@code gc.alloc.rate.norm}, nearly deterministic): per side the least value of any
 * iteration of any fork. Not the median: what contaminates the figure only adds ({@link Point#forkAllocations()}),
 * and on this project's 2-core VM under load the per-fork minima of one jar's training step ranged over
 * 7.3–10.2 kB/op, enough for a median of forks to block on identical code; the least iteration is the steady state
 * in every run measured (7.32 against 7.41 kB/op A/A). A regression when candidate &gt; baseline·(1 + {@code allocRelative}) <em>and</em>
 * candidate − baseline &gt; {@code allocBytes}. "+5% or +64 B/op" is read as "both must be exceeded", so a 16 → 48 B/op
 * change of a tiny allocation (+200%, but 32 B) does not block, nor does +1 KiB on 10 MB/op (+0.01%). Blocking.
 *
 * <p><b>Rulers</b> ({@code io.rnnbench.benchmarks.ruler.*}, pure JDK): present on both sides, each is compared with the
 * same statistics; one that moved (p &lt; α and beyond {@code rulerTolerance}) marks the run unstable, and every time
 * verdict becomes "withheld (unstable machine)". Allocation verdicts still apply.
 *
 * <p><b>Machines</b>: CPU model and cores (sidecar), JDK, VM and JMH version are compared; any difference is a
 * banner, time verdicts are still computed but marked "other hardware/JVM" and never block (a 2-core VM against a
 * workstation says nothing about the code). An unknown CPU (no sidecar on a side) is a notice: the verdicts stand,
 * but the output says that the same hardware could not be confirmed.
 */
public record Comparison(ResultPoints baseline, ResultPoints candidate, Thresholds thresholds, List<Row> rows,
                         List<Row> rulers, List<String> environmentDifferences, List<String> notices,
                         Stability stability, List<String> ignoredParams) {

    /** Benchmarks under this package are rulers. */
    public static final String RULER_PACKAGE = "io.rnnbench.benchmarks.ruler.";

    /** Time verdicts. */
    public enum Verdict {
        SLOWER("slower"), FASTER("faster"), SAME("same"), UNKNOWN("unknown — rerun with more forks"),
        WITHHELD("withheld (unstable machine)");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Allocation verdicts. */
    public enum AllocVerdict {
        REGRESSION("more allocation"), LESS("less allocation"), SAME("same"), NOT_MEASURED("n/a");

        private final String text;

        AllocVerdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Whether the rulers say the machine held still. */
    public enum Stability {
        STABLE, UNSTABLE, NOT_CHECKED
    }

    /**
     * The time comparison of one point.
     *
     * @param direction      from the unit
     * @param baselineMedian median over forks of the per-fork scores
     * @param candidateMedian likewise
     * @param ratio          candidate/baseline in score units: exp(Hodges–Lehmann shift of the log scores)
     * @param low            lower end of the (1 − α) interval of that ratio (0 when unbounded)
     * @param high           upper end (+∞ when unbounded)
     * @param pValue         two-sided Mann–Whitney p on the per-fork scores
     * @param computed       the verdict of the rules, before stability and hardware are considered
     * @param verdict        what is reported: {@code computed}, or WITHHELD on an unstable machine
     * @param note           why, when the verdict needs a reason (too few forks, other hardware), else ""
     */
    public record Time(Direction direction, double baselineMedian, double candidateMedian, double ratio, double low,
                       double high, double pValue, Verdict computed, Verdict verdict, String note) {
        /** The change in cost (time, or 1/throughput): +0.25 is 25% slower whatever the unit. */
        public double costChange() {
            return (direction == Direction.SMALLER_IS_BETTER ? ratio : 1 / ratio) - 1;
        }
    }

    /**
     * The allocation comparison of one point, B/op.
     *
     * @param baseline  least allocation of any iteration of any fork (NaN when not measured)
     * @param candidate likewise
     * @param verdict   by the rule above
     * @param note      why it is n/a, else ""
     */
    public record Alloc(double baseline, double candidate, AllocVerdict verdict, String note) {
    }

    /**
     * One point's line: present on both sides (time and alloc set), or only on one ("new"/"gone").
     *
     * @param key            the point's key (benchmark, mode, parameters)
     * @param baselinePoint  null when new
     * @param candidatePoint null when gone
     * @param time           null when on one side only
     * @param alloc          null when on one side only
     * @param blocking       whether this row fails the comparison
     */
    public record Row(String key, Point baselinePoint, Point candidatePoint, Time time, Alloc alloc, boolean blocking) {
        /** The point of either side, for names and parameters. */
        public Point point() {
            return candidatePoint != null ? candidatePoint : baselinePoint;
        }

        public boolean isNew() {
            return baselinePoint == null;
        }

        public boolean isGone() {
            return candidatePoint == null;
        }
    }

    /** Whether any row blocks. */
    public boolean blocking() {
        return rows.stream().anyMatch(Row::blocking);
    }

    /** Whether the machines differ (or are not known to be the same). */
    public boolean otherHardware() {
        return !environmentDifferences.isEmpty();
    }

    /** Compares with every parameter in the keys. */
    public static Comparison of(ResultPoints baseline, ResultPoints candidate, Thresholds thresholds) {
        return of(baseline, candidate, thresholds, List.of());
    }

    /**
     * Compares two result files.
     *
     * @param ignoredParams parameters left out of the points' keys, for A/B runs whose sides differ in them (e.g.
     *                      {@code backend=raw} against {@code backend=commons-math})
     */
    public static Comparison of(ResultPoints baseline, ResultPoints candidate, Thresholds thresholds, List<String> ignoredParams) {
        Map<String, Point> a = index(baseline, ignoredParams);
        Map<String, Point> b = index(candidate, ignoredParams);
        List<String> notices = new ArrayList<>();
        List<String> environment = environmentDifferences(baseline, candidate);
        if (baseline.environment() == null || candidate.environment() == null) {
            notices.add("CPU model unknown for the " + (baseline.environment() == null && candidate.environment() == null
                    ? "baseline and the candidate" : baseline.environment() == null ? "baseline" : "candidate")
                    + " (no jmh-environment.json beside the results): the same hardware cannot be confirmed.");
        }

        // rulers first: they decide whether time verdicts stand
        List<Row> rulers = new ArrayList<>();
        boolean aRulers = a.keySet().stream().anyMatch(k -> k.startsWith(RULER_PACKAGE));
        boolean bRulers = b.keySet().stream().anyMatch(k -> k.startsWith(RULER_PACKAGE));
        Stability stability = Stability.NOT_CHECKED;
        if (aRulers && bRulers) {
            stability = Stability.STABLE;
            for (Map.Entry<String, Point> e : a.entrySet()) {
                Point other = b.get(e.getKey());
                if (e.getKey().startsWith(RULER_PACKAGE) && other != null) {
                    Time t = time(e.getValue(), other, thresholds, false, false);
                    double change = t.costChange();
                    boolean moved = t.pValue() < thresholds.alpha() && Math.abs(change) > thresholds.rulerTolerance();
                    if (moved) {
                        stability = Stability.UNSTABLE;
                    }
                    rulers.add(new Row(e.getKey(), e.getValue(), other, new Time(t.direction(), t.baselineMedian(),
                            t.candidateMedian(), t.ratio(), t.low(), t.high(), t.pValue(), t.computed(), t.computed(),
                            moved ? "moved" : "steady"), null, false));
                }
            }
        } else if (aRulers || bRulers) {
            notices.add("The " + (aRulers ? "candidate" : "baseline") + " has no ruler benchmarks (" + RULER_PACKAGE
                    + "*; an older revision?): machine stability was not checked.");
        } else {
            notices.add("No ruler benchmarks in the results: machine stability was not checked (rnnbench ab adds them).");
        }

        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Point> e : a.entrySet()) {
            if (e.getKey().startsWith(RULER_PACKAGE)) {
                continue;
            }
            Point other = b.get(e.getKey());
            if (other == null) {
                rows.add(new Row(e.getKey(), e.getValue(), null, null, null, false));
                continue;
            }
            Time t = time(e.getValue(), other, thresholds, stability == Stability.UNSTABLE, !environment.isEmpty());
            Alloc m = alloc(e.getValue(), other, thresholds);
            boolean blocking = m.verdict() == AllocVerdict.REGRESSION
                    || (t.verdict() == Verdict.SLOWER && thresholds.timeBlocking() && environment.isEmpty());
            rows.add(new Row(e.getKey(), e.getValue(), other, t, m, blocking));
        }
        for (Map.Entry<String, Point> e : b.entrySet()) {
            if (!e.getKey().startsWith(RULER_PACKAGE) && !a.containsKey(e.getKey())) {
                rows.add(new Row(e.getKey(), null, e.getValue(), null, null, false));
            }
        }
        return new Comparison(baseline, candidate, thresholds, List.copyOf(rows), List.copyOf(rulers),
                List.copyOf(environment), List.copyOf(notices), stability, List.copyOf(ignoredParams));
    }

    /** The time rule for one point (see the class comment). */
    static Time time(Point base, Point cand, Thresholds th, boolean unstable, boolean otherHardware) {
        if (!base.unit().equals(cand.unit())) {
            throw new IllegalArgumentException(base.key() + ": the baseline is in " + base.unit() + ", the candidate in "
                    + cand.unit() + "; compare results of the same benchmark mode and time unit");
        }
        Direction direction = Direction.ofUnit(base.unit());
        double[] x = base.forkScores();
        double[] y = cand.forkScores();
        double[] cx = new double[x.length];
        double[] cy = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            cx[i] = direction.logCost(x[i]);
        }
        for (int j = 0; j < y.length; j++) {
            cy[j] = direction.logCost(y[j]);
        }
        RankStatistics.Shift s = RankStatistics.shift(cx, cy, th.alpha());
        double limit = Math.log1p(th.time());
        Verdict v;
        String note = "";
        if (s.estimate() > limit && s.low() > limit / 2) {
            v = Verdict.SLOWER;
        } else if (s.estimate() < -limit && s.high() < -limit / 2) {
            v = Verdict.FASTER;
        } else if (s.low() >= -limit && s.high() <= limit) {
            v = Verdict.SAME;
        } else {
            v = Verdict.UNKNOWN;
            if (s.minP() >= th.alpha()) {
                note = String.format(Locale.ROOT, "%d + %d forks cannot reach p < %s (smallest p = %.3g)", x.length,
                        y.length, th.alpha(), s.minP());
            }
        }
        Verdict reported = unstable ? Verdict.WITHHELD : v;
        if (unstable) {
            note = "would be: " + v.text();
        } else if (otherHardware) {
            note = note.isEmpty() ? "other hardware/JVM" : note + "; other hardware/JVM";
        }
        // back from cost to score units: a cost shift c is a score ratio exp(c) for times, exp(−c) for throughputs
        boolean time = direction == Direction.SMALLER_IS_BETTER;
        double ratio = Math.exp(time ? s.estimate() : -s.estimate());
        double low = Math.exp(time ? s.low() : -s.high());
        double high = Math.exp(time ? s.high() : -s.low());
        return new Time(direction, RankStatistics.median(x), RankStatistics.median(y), ratio, low, high, s.pValue(),
                v, reported, note);
    }

    /** The allocation rule for one point (see the class comment). */
    static Alloc alloc(Point base, Point cand, Thresholds th) {
        if (base.allocation().isEmpty() || cand.allocation().isEmpty()) {
            String why = base.allocation().isEmpty() ? "baseline: " + base.allocationNote() : "candidate: " + cand.allocationNote();
            return new Alloc(Double.NaN, Double.NaN, AllocVerdict.NOT_MEASURED, why);
        }
        double a = Arrays.stream(base.forkAllocations()).min().orElse(Double.NaN);
        double b = Arrays.stream(cand.forkAllocations()).min().orElse(Double.NaN);
        AllocVerdict v;
        if (b > a * (1 + th.allocRelative()) && b - a > th.allocBytes()) {
            v = AllocVerdict.REGRESSION;
        } else if (a > b * (1 + th.allocRelative()) && a - b > th.allocBytes()) {
            v = AllocVerdict.LESS;
        } else {
            v = AllocVerdict.SAME;
        }
        return new Alloc(a, b, v, "");
    }

    private static Map<String, Point> index(ResultPoints file, List<String> ignoredParams) {
        Map<String, Point> points = new LinkedHashMap<>();
        for (Point p : file.points()) {
            Point keyed = ignoredParams.isEmpty() ? p : p.without(ignoredParams);
            Point previous = points.put(keyed.key(), keyed);
            if (previous != null) {
                throw new IllegalArgumentException(file.source() + ": " + keyed.key() + " appears twice once parameters "
                        + ignoredParams + " are ignored; narrow the run to one value of them per side");
            }
        }
        return points;
    }

    /** What differs between the machines and JVMs of the two files, one sentence each; empty when nothing does. */
    static List<String> environmentDifferences(ResultPoints a, ResultPoints b) {
        List<String> d = new ArrayList<>();
        Environment ea = a.environment(), eb = b.environment();
        if (ea != null && eb != null) {
            differ(d, "CPU", ea.cpu(), eb.cpu());
            differ(d, "cores", String.valueOf(ea.cores()), String.valueOf(eb.cores()));
        }
        differ(d, "JDK", a.jdkVersion(), b.jdkVersion());
        differ(d, "VM", a.vmName(), b.vmName());
        differ(d, "JMH", a.jmhVersion(), b.jmhVersion());
        return d;
    }

    private static void differ(List<String> d, String what, String a, String b) {
        if (!Objects.equals(a, b)) {
            d.add(what + " differs: baseline " + a + ", candidate " + b);
        }
    }
}
