package io.rnnbench.benchmarks.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The report in a few lines for the console: per ranking, each backend's time and its verdict against the fastest,
 * then the advice; per GEMM shape the same; then the undecided pairs and the unsteady rows.
 */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    /** Prints every ranking of {@code report}. */
    public static void print(Report report, PrintStream out) {
        out.println();
        out.println("==== rnnbench results (median time per operation over forks; × fastest with its interval: "
                + "≈ the same within ±5%, ? undecided) ====");
        for (Ranking r : report.all()) {
            out.println(line(r.title(), r.entries()));
            out.println("    → " + report.advice(r));
        }
        for (QualityRanking q : report.timeToQuality()) {
            String missed = q.missed().isEmpty() ? "" : "; not reached within the cap: "
                    + String.join(", ", q.missed().stream().map(QualityMeasurement::backend).toList());
            out.println((q.entries().isEmpty() ? q.title() + ": no backend reached the goal" : line(q.title(), q.entries())) + missed);
            out.println("    → " + report.advice(q));
        }
        for (GemmRanking g : report.gemm()) {
            out.println(line(g.title(), g.entries()) + String.format(Locale.ROOT, "; fastest at %s GFLOP/s",
                    TimeUnits.significant(g.fastest().measurement().gigaflopsPerSecond())));
        }
        List<String> undecided = MarkdownReport.undecidedPairs(report);
        if (!undecided.isEmpty()) {
            out.println(undecided.size() + " undecided pair(s):");
            undecided.forEach(u -> out.println("    " + u));
        }
        List<String> unsteady = MarkdownReport.unsteadyRows(report);
        if (!unsteady.isEmpty()) {
            out.println("⚠ " + unsteady.size() + " row(s) not at a steady state while measured (the report lists them"
                    + " under \"Not at a steady state\"; re-run them with a longer warm-up):");
            unsteady.forEach(r -> out.println("    " + r));
        }
        out.println();
    }

    /** "`char` LSTM training step: raw-simd 1.18 ms; raw 1.39 ms (1.18× [1.12, 1.25]); ejml 2.87 ms (? 1.04× …)". */
    public static String line(String title, List<? extends Standing<?>> entries) {
        StringBuilder s = new StringBuilder(title).append(':');
        for (Standing<?> e : entries) {
            s.append(' ').append(e.measurement().backend()).append(' ').append(TimeUnits.format(e.measurement().seconds()));
            if (!e.isFastest()) {
                s.append(" (").append(e.timesFastest()).append(')');
            }
            s.append(';');
        }
        s.setLength(s.length() - 1);
        return s.toString();
    }
}
