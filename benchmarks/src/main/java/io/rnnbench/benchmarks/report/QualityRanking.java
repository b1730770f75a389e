package io.rnnbench.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The backends of one time-to-quality workload, fastest first, with the same noise rule as {@link Ranking}
 * (disjoint 99.9% intervals or a Mann–Whitney difference at p &lt; {@value Ranking#ALPHA}). Backends that did not
 * reach the goal come last, whatever their time: their time is that of a cap.
 *
 * @param workload the workload
 * @param entries  those that reached the goal, fastest first, then the others
 */
public record QualityRanking(String workload, List<Entry> entries) {

    /**
     * One backend's place.
     *
     * @param ratioToFastest  its time ÷ the fastest one's
     * @param tiedWithFastest within noise of the fastest (and reached the goal)
     */
    public record Entry(QualityMeasurement measurement, double ratioToFastest, boolean tiedWithFastest) {
    }

    /** One ranking per workload, in workload name order. */
    public static List<QualityRanking> of(List<QualityMeasurement> measurements) {
        Map<String, List<QualityMeasurement>> byWorkload = measurements.stream()
                .collect(Collectors.groupingBy(QualityMeasurement::workload, TreeMap::new, Collectors.toList()));
        return byWorkload.entrySet().stream().map(e -> rank(e.getKey(), e.getValue())).toList();
    }

    private static QualityRanking rank(String workload, List<QualityMeasurement> measurements) {
        List<QualityMeasurement> sorted = new ArrayList<>(measurements);
        sorted.sort(Comparator.comparing((QualityMeasurement m) -> !m.reachedGoal())
                .thenComparingDouble(QualityMeasurement::seconds));
        QualityMeasurement fastest = sorted.get(0);
        List<Entry> entries = new ArrayList<>();
        for (QualityMeasurement m : sorted) {
            boolean tied = m == fastest || (m.reachedGoal() && fastest.reachedGoal() && !Ranking.differ(m, fastest));
            entries.add(new Entry(m, m.seconds() / fastest.seconds(), tied));
        }
        return new QualityRanking(workload, List.copyOf(entries));
    }


    public Entry fastest() {
        return entries.get(0);
    }

    /** The backends the recommendation names: those that reached the goal within noise of the fastest, fastest first. */
    public List<String> recommended() {
        return entries.stream().filter(e -> e.measurement().reachedGoal() && e.tiedWithFastest())
                .map(e -> e.measurement().backend()).toList();
    }

    /**
     * The advice, e.g. "to train `dinos` to smoothed loss … use raw: 2.81 s, 1.52× faster than ejml; commons-math did
     * not reach it".
     */
    public String recommendation() {
        String what = "to train `" + workload + "` (" + QualityMeasurement.goal(workload) + ")";
        List<Entry> reached = entries.stream().filter(e -> e.measurement().reachedGoal()).toList();
        List<String> missed = entries.stream().filter(e -> !e.measurement().reachedGoal())
                .map(e -> e.measurement().backend() + String.format(Locale.ROOT, " (%.0f steps in %s)",
                        e.measurement().steps(), TimeUnits.format(e.measurement().seconds()))).toList();
        String missedText = missed.isEmpty() ? "" : "; did not reach it within the cap: " + String.join(", ", missed);
        if (reached.isEmpty()) {
            return what + ": no backend reached it" + missedText;
        }
        String noError = reached.stream().allMatch(e -> e.measurement().hasError()) ? ""
                : " (some backends have a single run and no error estimate: run more iterations to be sure)";
        Entry best = reached.get(0);
        String bestText = best.measurement().backend() + " (" + TimeUnits.format(best.measurement().seconds()) + ")";
        List<Entry> tied = reached.stream().filter(Entry::tiedWithFastest).toList();
        List<Entry> slower = reached.stream().filter(e -> !e.tiedWithFastest()).toList();
        StringBuilder s = new StringBuilder(what);
        if (reached.size() == 1) {
            s.append(": only ").append(bestText).append(" reached it");
        } else if (tied.size() == 1) {
            s.append(" use ").append(bestText).append(": ").append(String.join(", ", slower.stream()
                    .map(e -> Ranking.ratio(e.ratioToFastest()) + " faster than " + e.measurement().backend()).toList()));
        } else {
            List<String> names = tied.stream().map(e -> e.measurement().backend()).toList();
            s.append(": ").append(String.join(", ", names.subList(0, names.size() - 1))).append(" and ")
                    .append(names.get(names.size() - 1)).append(" are within noise of each other (")
                    .append(String.join(", ", tied.subList(1, tied.size()).stream().map(e -> Ranking.ratio(e.ratioToFastest())).toList()))
                    .append(tied.size() == 2 ? "), so use either" : "), so use any of them");
            if (!slower.isEmpty()) {
                s.append("; ").append(bestText).append(" is ").append(String.join(", ", slower.stream()
                        .map(e -> Ranking.ratio(e.ratioToFastest()) + " faster than " + e.measurement().backend()).toList()));
            }
        }
        return s.append(missedText).append(noError).toString();
    }
}
