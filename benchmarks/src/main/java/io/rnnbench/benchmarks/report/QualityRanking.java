package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.stats.GroupVerdicts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The backends of one time-to-quality workload: those that reached the goal fastest first, with the grid's pairwise
 * verdicts ({@link Standings}), then those that did not (their time is that of a cap, so they are not ranked).
 *
 * @param workload the workload
 * @param entries  the backends that reached the goal, fastest first (may be empty)
 * @param missed   those that did not, in name order
 * @param verdicts every pair's verdict among those that reached it (null when none did)
 */
public record QualityRanking(String workload, List<Standing<QualityMeasurement>> entries, List<QualityMeasurement> missed,
                             GroupVerdicts verdicts) {

    /** One ranking per workload, in workload name order. */
    public static List<QualityRanking> of(List<QualityMeasurement> measurements) {
        Map<String, List<QualityMeasurement>> byWorkload = measurements.stream()
                .collect(Collectors.groupingBy(QualityMeasurement::workload, TreeMap::new, Collectors.toList()));
        return byWorkload.entrySet().stream().map(e -> rank(e.getKey(), e.getValue())).toList();
    }

    private static QualityRanking rank(String workload, List<QualityMeasurement> measurements) {
        List<QualityMeasurement> reached = measurements.stream().filter(QualityMeasurement::reachedGoal).toList();
        List<QualityMeasurement> missed = measurements.stream().filter(m -> !m.reachedGoal())
                .sorted(java.util.Comparator.comparing(QualityMeasurement::backend)).toList();
        if (reached.isEmpty()) {
            return new QualityRanking(workload, List.of(), missed, null);
        }
        GroupVerdicts verdicts = Standings.verdicts(reached);
        return new QualityRanking(workload, Standings.rank(reached, verdicts), missed, verdicts);
    }

    /** What the ranking is about: "time to quality `dinos`". */
    public String title() {
        return "time to quality `" + workload + "`";
    }

    /** The backends the recommendation names: those that reached the goal and are not decided slower, fastest first. */
    public List<String> recommended() {
        return Standings.recommended(entries);
    }

    /**
     * The advice, e.g. "to train `dinos` to smoothed loss … use raw-simd: 1.52× faster than ejml [1.40, 1.61]; did not
     * reach it within the cap: commons-math (…)".
     */
    public String recommendation() {
        String what = "to train `" + workload + "` (" + QualityMeasurement.goal(workload) + ")";
        String missedText = missed.isEmpty() ? "" : "; did not reach it within the cap: " + String.join(", ", missed.stream()
                .map(m -> m.backend() + String.format(Locale.ROOT, " (%.0f steps in %s)", m.steps(), TimeUnits.format(m.seconds())))
                .toList());
        if (entries.isEmpty()) {
            return what + ": no backend reached it" + missedText;
        }
        return Standings.recommendation(what, entries) + missedText;
    }
}
