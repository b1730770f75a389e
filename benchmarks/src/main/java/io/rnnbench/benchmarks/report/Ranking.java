package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The backends of one (suite, cell, shape), fastest first, and what to choose.
 *
 * <p>Noise rule: two backends are <em>within noise</em> of each other when their 99.9% confidence intervals
 * (JMH's {@code scoreConfidence}: mean ± t·s/√n over all measurement iterations of all forks) overlap. Overlap
 * is conservative — a real difference can hide in overlapping intervals, but non-overlapping 99.9% intervals are
 * a difference that the run's own noise does not explain. A measurement without an interval (a single iteration)
 * is a point; the recommendation then says that no error estimate backs it.
 *
 * @param suite   the benchmark
 * @param cell    the cell
 * @param shape   the shape
 * @param entries fastest first
 */
public record Ranking(Suite suite, CellType cell, Shape shape, List<Entry> entries) {

    /**
     * One backend's place.
     *
     * @param measurement     its result
     * @param ratioToFastest  its time ÷ the fastest one's (1 for the fastest)
     * @param tiedWithFastest whether its interval overlaps the fastest one's
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
            entries.add(new Entry(m, m.seconds() / fastest.seconds(), overlap(m, fastest)));
        }
        return new Ranking(first.suite(), first.cell(), first.shape(), List.copyOf(entries));
    }

    /** Whether the 99.9% intervals of a and b overlap. */
    public static boolean overlap(Measurement a, Measurement b) {
        return a.lowSeconds() <= b.highSeconds() && b.lowSeconds() <= a.highSeconds();
    }

    /** The fastest backend's entry. */
    public Entry fastest() {
        return entries.get(0);
    }

    /**
     * The advice in one sentence, e.g. "for `large` LSTM training step use raw: 1.8× faster than ejml, 4.2× faster
     * than commons-math", or, when the runner-up is within noise, "raw and ejml are within noise of each other
     * (1.05×); either; both faster than commons-math (4.2×, 4.0×)".
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
                    .append("; 99.9% intervals overlap), so use either");
            if (!slower.isEmpty()) {
                s.append("; ").append(fastest().measurement().backend()).append(" is ")
                        .append(String.join(", ", slower.stream().map(e -> ratio(e.ratioToFastest()) + " faster than "
                                + e.measurement().backend()).toList()));
            }
        }
        return s.append(noError).toString();
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
}
