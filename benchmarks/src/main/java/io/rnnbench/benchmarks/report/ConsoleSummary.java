package io.rnnbench.benchmarks.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The report in a few lines for the console: per ranking, each backend's time and ratio, then the advice; per GEMM
 * shape, the fastest backend and its GFLOP/s.
 */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    /** Prints every ranking of {@code report}. */
    public static void print(Report report, PrintStream out) {
        out.println();
        out.println("==== rnnbench results (time per operation ± 99.9% CI; × fastest; ≈ within noise) ====");
        for (Ranking r : report.all()) {
            out.println(line(r));
            out.println("    → " + report.advice(r));
        }
        for (QualityRanking q : report.timeToQuality()) {
            out.println(line(q));
            out.println("    → " + report.advice(q));
        }
        for (GemmRanking g : report.gemm()) {
            out.println(line(g));
        }
        List<String> unsteady = MarkdownReport.unsteadyRows(report);
        if (!unsteady.isEmpty()) {
            out.println("⚠ " + unsteady.size() + " row(s) not at a steady state while measured (the report lists them"
                    + " under \"Not at a steady state\"; re-run them with a longer warm-up):");
            unsteady.forEach(r -> out.println("    " + r));
        }
        out.println();
    }

    /** "GEMM square-256 : fastest raw-simd 27.3 GFLOP/s (1.23 ms ± 10.0 µs); within noise: raw". */
    public static String line(GemmRanking g) {
        GemmMeasurement m = g.fastest().measurement();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "GEMM %-22s: fastest %s %s GFLOP/s (%s",
                g.shape().name(), m.backend(), TimeUnits.significant(m.gigaflopsPerSecond()), TimeUnits.format(m.seconds())));
        if (m.hasError()) {
            s.append(" ± ").append(TimeUnits.format(m.errorSeconds()));
        }
        s.append(')');
        List<String> tied = g.entries().stream().filter(e -> e != g.fastest() && e.tiedWithFastest())
                .map(e -> e.measurement().backend()).toList();
        if (!tied.isEmpty()) {
            s.append("; within noise: ").append(String.join(", ", tied));
        }
        return s.toString();
    }

    /** "time to quality dinos: raw 2.81 s ± 0.05 s, ejml 3.90 s ± 0.10 s (1.39×)". */
    public static String line(QualityRanking q) {
        StringBuilder s = new StringBuilder(String.format("time to quality %-11s:", q.workload()));
        for (QualityRanking.Entry e : q.entries()) {
            QualityMeasurement m = e.measurement();
            s.append(' ').append(m.backend()).append(' ').append(TimeUnits.format(m.seconds()));
            if (m.hasError()) {
                s.append(" ± ").append(TimeUnits.format(m.errorSeconds()));
            }
            if (!m.reachedGoal()) {
                s.append(" (not reached)");
            } else if (e != q.fastest()) {
                s.append(" (").append(e.tiedWithFastest() ? "≈ " : "").append(Ranking.ratio(e.ratioToFastest())).append(')');
            }
            s.append(';');
        }
        s.setLength(s.length() - 1);
        return s.toString();
    }

    /** "large LSTM training step: raw 1.23 s ± 0.01 s, ejml 2.21 s ± 0.02 s (1.80×), …". */
    public static String line(Ranking r) {
        StringBuilder s = new StringBuilder(String.format("%-12s %-4s %-13s:", r.shape().name(), r.cell().name(), r.suite().title()));
        for (Ranking.Entry e : r.entries()) {
            Measurement m = e.measurement();
            s.append(' ').append(m.backend()).append(' ').append(TimeUnits.format(m.seconds()));
            if (m.hasError()) {
                s.append(" ± ").append(TimeUnits.format(m.errorSeconds()));
            }
            if (e != r.fastest()) {
                s.append(" (").append(e.tiedWithFastest() ? "≈ " : "").append(Ranking.ratio(e.ratioToFastest())).append(')');
            }
            s.append(';');
        }
        s.setLength(s.length() - 1);
        return s.toString();
    }
}
