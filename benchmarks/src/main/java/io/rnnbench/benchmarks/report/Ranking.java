package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.benchmarks.stats.RankStatistics;
import io.rnnbench.core.model.CellType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The backends of one (suite, cell, shape), fastest first, and what to choose.
 *
 * <p>Noise rule: two backends <em>differ</em> when the run's own noise does not explain the gap, by either of two
 * tests at the 0.1% level: their 99.9% confidence intervals (JMH's {@code scoreConfidence}, mean ± t·s/√n over all
 * measurement iterations of all forks) are disjoint, or a two-sided {@link RankStatistics#pValue Mann–Whitney U test} on
 * their per-iteration times rejects "same distribution" at p &lt; {@value #ALPHA}. Otherwise they are <em>within
 * noise</em> of each other. The rank test is there because a shared machine produces one-sided outliers (a GC, a
 * neighbour's burst): one slow iteration widens a t-interval enough to hide a 6× gap that every other iteration
 * shows, but moves a rank sum by little. With 8 iterations each, the rank test calls a difference when (nearly)
 * every iteration of one backend is faster than every iteration of the other. A measurement without an interval
 * (a single iteration) is a point; the recommendation then says that no error estimate backs it.
 *
 * @param suite   the benchmark
 * @param cell    the cell
 * @param shape   the shape
 * @param entries fastest first
 */
public record Ranking(Suite suite, CellType cell, Shape shape, List<Entry> entries) {
    /** Level of each of the two tests. */
    public static final double ALPHA = 0.001;

    /**
     * One backend's place.
     *
     * @param measurement     its result
     * @param ratioToFastest  its time ÷ the fastest one's (1 for the fastest)
     * @param tiedWithFastest whether it is within noise of the fastest (see the noise rule above)
     */
    public record Entry(Measurement measurement, double ratioToFastest, boolean tiedWithFastest) {
    }

    /**
     * Ranks measurements of one (suite, cell, shape).
     *
     * @throws IllegalArgumentException when they are empty or mix suites, cells or shapes
     */
    public static Ranking of(List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("nothing to rank");
        }
        Measurement first = measurements.get(0);
        for (Measurement m : measurements) {
            if (m.suite() != first.suite() || m.cell() != first.cell() || !m.shape().equals(first.shape())) {
                throw new IllegalArgumentException("a ranking compares one suite, cell and shape; got " + describe(first)
                        + " and " + describe(m));
            }
        }
        List<Measurement> sorted = new ArrayList<>(measurements);
        sorted.sort(Comparator.comparingDouble(Measurement::seconds));
        Measurement fastest = sorted.get(0);
        List<Entry> entries = new ArrayList<>();
        for (Measurement m : sorted) {
            entries.add(new Entry(m, m.seconds() / fastest.seconds(), !differ(m, fastest)));
        }
        return new Ranking(first.suite(), first.cell(), first.shape(), List.copyOf(entries));
    }

    /** Whether a and b differ beyond the run's noise: disjoint 99.9% intervals, or a rank test at p < {@value #ALPHA}. */
    public static boolean differ(TimedScore a, TimedScore b) {
        return a != b && (!overlap(a, b)
                || RankStatistics.pValue(seconds(a.iterationSeconds()), seconds(b.iterationSeconds())) < ALPHA);
    }

    /** Whether the 99.9% intervals of a and b overlap. */
    public static boolean overlap(TimedScore a, TimedScore b) {
        return a.lowSeconds() <= b.highSeconds() && b.lowSeconds() <= a.highSeconds();
    }

    /** The fastest backend's entry. */
    public Entry fastest() {
        return entries.get(0);
    }

    /**
     * The advice in one sentence, e.g. "for `large` LSTM training step use raw: 1.8× faster than ejml, 4.2× faster
     * than commons-math", or, when the runner-up is within noise, "raw and ejml are within noise of each other
     * (1.05×), so use either; raw is 4.20× faster than commons-math".
     */
    public String recommendation() {
        String what = "for `" + shape.name() + "` " + cell.name() + " " + suite.title();
        List<Entry> tied = entries.stream().filter(Entry::tiedWithFastest).toList();
        List<Entry> slower = entries.stream().filter(e -> !e.tiedWithFastest()).toList();
        String noError = entries.stream().allMatch(e -> e.measurement().hasError()) ? ""
                : " (some backends have a single measurement and no error estimate: run more iterations to be sure)";
        if (entries.size() == 1) {
            return what + ": only " + fastest().measurement().backend() + " was measured" + noError;
        }
        StringBuilder s = new StringBuilder(what);
        if (tied.size() == 1) {
            s.append(" use ").append(fastest().measurement().backend()).append(": ");
            s.append(String.join(", ", slower.stream().map(e -> ratio(e.ratioToFastest()) + " faster than "
                    + e.measurement().backend()).toList()));
        } else {
            s.append(": ").append(names(tied)).append(" are within noise of each other (")
                    .append(String.join(", ", tied.subList(1, tied.size()).stream().map(e -> ratio(e.ratioToFastest())).toList()))
                    .append(tied.size() == 2 ? "), so use either" : "), so use any of them");
            if (!slower.isEmpty()) {
                s.append("; ").append(fastest().measurement().backend()).append(" is ")
                        .append(String.join(", ", slower.stream().map(e -> ratio(e.ratioToFastest()) + " faster than "
                                + e.measurement().backend()).toList()));
            }
        }
        return s.append(noError).toString();
    }

    /** The backends the recommendation names: the fastest and those within noise of it, fastest first. */
    public List<String> recommended() {
        return entries.stream().filter(Entry::tiedWithFastest).map(e -> e.measurement().backend()).toList();
    }

    /** "1.8×". */
    static String ratio(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }

    private static String names(List<Entry> entries) {
        List<String> names = entries.stream().map(e -> e.measurement().backend()).toList();
        return names.size() == 2 ? names.get(0) + " and " + names.get(1)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String describe(Measurement m) {
        return m.suite().title() + " " + m.cell() + " " + m.shape().name();
    }

    /** The per-iteration times as an array, for {@link RankStatistics}. */
    static double[] seconds(java.util.List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
