package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.regression.History.KeptRun;
import io.rnnbench.benchmarks.stats.ChangePoints.ChangePoint;
import io.rnnbench.benchmarks.stats.ChangePoints;
import io.rnnbench.benchmarks.stats.RankStatistics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The history of every benchmark × parameter point, per machine-and-JVM key (series from different hardware or JDKs
 * are never mixed): its score in each kept run (the median of its per-fork scores) and where it stepped
 * ({@link ChangePoints}).
 *
 * @param machines the series by machine key, each by point key
 */
public record HistoryReport(Map<String, Map<String, Series>> machines) {

    /**
     * One point's scores over the kept runs that measured it, in the order kept.
     *
     * @param labels  the runs' labels (e.g. commits)
     * @param scores  the point's score in each run, in {@code unit}
     * @param changes where the series stepped (indexes into the lists)
     */
    public record Series(String key, String unit, List<String> labels, double[] scores, List<ChangePoint> changes) {

        /** Whether a larger score is worse (a time) rather than better (a throughput). */
        public boolean smallerIsBetter() {
            return Direction.ofUnit(unit) == Direction.SMALLER_IS_BETTER;
        }
    }

    /** The settings of the change-point search. */
    public record Settings(double alpha, int permutations, int minLevel) {
    }

    /** Reads every kept run and finds the change points of every series with at least 2 × minLevel runs. */
    public static HistoryReport of(Map<String, List<KeptRun>> runs, Settings settings) throws IOException {
        Map<String, Map<String, Series>> machines = new LinkedHashMap<>();
        for (Map.Entry<String, List<KeptRun>> machine : runs.entrySet()) {
            Map<String, List<String>> labels = new LinkedHashMap<>();
            Map<String, List<Double>> scores = new LinkedHashMap<>();
            Map<String, String> units = new LinkedHashMap<>();
            for (KeptRun run : machine.getValue()) {
                for (ResultPoints.Point p : ResultPoints.read(run.result(), null).points()) {
                    labels.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(run.label());
                    scores.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(RankStatistics.median(p.forkScores()));
                    units.putIfAbsent(p.key(), p.unit());
                }
            }
            Map<String, Series> series = new LinkedHashMap<>();
            for (String key : labels.keySet()) {
                double[] values = scores.get(key).stream().mapToDouble(Double::doubleValue).toArray();
                List<ChangePoint> changes = values.length < 2 * settings.minLevel() ? List.of()
                        : ChangePoints.find(values, settings.alpha(), settings.permutations(), settings.minLevel(), key.hashCode());
                series.put(key, new Series(key, units.get(key), List.copyOf(labels.get(key)), values, changes));
            }
            machines.put(machine.getKey(), series);
        }
        return new HistoryReport(machines);
    }

    /** The Markdown: per machine, one row per series, its change points first. */
    public String markdown(Settings settings, Map<String, Map<String, String>> chartFiles) {
        StringBuilder s = new StringBuilder("# Performance history\n\n");
        s.append(String.format(Locale.ROOT, "Change points: E-divisive means with a permutation test (α = %s, %d permutations,"
                + " at least %d runs per level); each step as the ratio of the level after it to the level before it, with"
                + " its %s%% interval. Series from different machines or JVMs are never mixed.%n%n",
                settings.alpha(), settings.permutations(), settings.minLevel(), trim(100 * (1 - settings.alpha()))));
        for (Map.Entry<String, Map<String, Series>> machine : machines.entrySet()) {
            s.append("## ").append(machine.getKey()).append("\n\n");
            s.append("| point | unit | runs | last | change points | chart |\n|---|---|---:|---:|---|---|\n");
            List<Series> ordered = new ArrayList<>(machine.getValue().values());
            ordered.sort(Comparator.comparing(series -> series.changes().isEmpty())); // stepped series first
            for (Series series : ordered) {
                s.append("| ").append(series.key()).append(" | ").append(series.unit()).append(" | ")
                        .append(series.scores().length).append(" | ")
                        .append(number(series.scores()[series.scores().length - 1])).append(" | ")
                        .append(series.scores().length < 2 * settings.minLevel() ? "too few runs" : changes(series)).append(" | ")
                        .append(chartLink(chartFiles, machine.getKey(), series.key())).append(" |\n");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String changes(Series series) {
        if (series.changes().isEmpty()) {
            return "none";
        }
        List<String> text = new ArrayList<>();
        for (ChangePoint c : series.changes()) {
            boolean worse = series.smallerIsBetter() == c.ratio() > 1;
            text.add(String.format(Locale.ROOT, "at `%s` (run %d): %s× [%s, %s], %s, p = %s", series.labels().get(c.index()),
                    c.index() + 1, number(c.ratio()), number(c.low()), number(c.high()), worse ? "worse" : "better",
                    number(c.pValue())));
        }
        return String.join("; ", text);
    }

    private static String chartLink(Map<String, Map<String, String>> chartFiles, String machine, String key) {
        String file = chartFiles.getOrDefault(machine, Map.of()).get(key);
        return file == null ? "" : "[png](" + file + ")";
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, Math.abs(x) >= 100 ? "%.0f" : Math.abs(x) >= 10 ? "%.1f" : "%.3g", x);
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
