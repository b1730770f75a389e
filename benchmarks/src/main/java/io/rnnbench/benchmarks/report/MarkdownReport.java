package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.flops.FlopCount;
import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a {@link Report} as Markdown: the machine, the training-step overview (the key table), time to quality and
 * the GEMM kernel when the run measured them, every recommendation, then per shape a chart and the full table of
 * every suite, cell and backend.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * The report's text.
     *
     * @param chartNames shapes for which a chart {@code charts/<name>.png} exists beside the report
     */
    public static String render(Report report, Set<String> chartNames) {
        StringBuilder md = new StringBuilder();
        md.append("# rnnbench: which backend for which RNN/LSTM shape\n\n");
        appendMachine(md, report);
        md.append("""
                How to read it: *time / op* is JMH's mean time per operation and *±* the half-width of its 99.9% \
                confidence interval over all measurement iterations of all forks. *seq·steps/s* is timesteps × \
                sequences processed per second (T·B per operation; B for the cell step), *GFLOP/s* is the exact FLOP \
                count of the operation (`FlopCount`) over the mean time, *alloc / op* is `gc.alloc.rate.norm` from \
                `-prof gc`, and *× fastest* is the time over the fastest backend's. Two backends are **within noise** of \
                each other (marked ≈) when the run does not show which is faster: their 99.9% intervals overlap and \
                a Mann–Whitney U test on their per-iteration times finds no difference at the 0.1% level.

                """);
        appendUnsteady(md, report);
        appendOverview(md, report);
        appendTimeToQuality(md, report);
        appendGemm(md, report);
        appendRecommendations(md, report);
        for (var byShape : report.rankings().entrySet()) {
            Shape shape = byShape.getKey();
            md.append("## `").append(shape.name()).append("`: ").append(shape.describe()).append("\n\n");
            if (chartNames.contains(shape.name())) {
                md.append("![").append(shape.name()).append(": time per operation by backend, with 99.9% error bars](")
                        .append(Charts.fileName(shape)).append(")\n\n");
            }
            md.append("| cell | suite | backend | time / op | ± | seq·steps/s | GFLOP/s | alloc / op | × fastest |\n");
            md.append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (Ranking r : byShape.getValue()) {
                for (Ranking.Entry e : r.entries()) {
                    Measurement m = e.measurement();
                    boolean fastest = e == r.fastest();
                    md.append("| ").append(r.cell().name()).append(" | ").append(r.suite().title()).append(" | ")
                            .append(backend(m.backend(), fastest)).append(" | ")
                            .append(time(report, m)).append(" | ")
                            .append(count(m.stepsPerSecond())).append(" | ")
                            .append(TimeUnits.significant(m.gigaflopsPerSecond())).append(" | ")
                            .append(bytes(m.allocatedBytes())).append(" | ")
                            .append(timesFastest(fastest, e.tiedWithFastest(), e.ratioToFastest()))
                            .append(" |\n");
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * Every recommendation, one per ranking, with what each recommended backend costs ({@link Report#advice});
     * nothing for a run of the GEMM kernel only, which recommends nothing.
     */
    static void appendRecommendations(StringBuilder md, Report report) {
        List<String> recommendations = new ArrayList<>();
        report.all().forEach(r -> recommendations.add(report.advice(r)));
        report.timeToQuality().forEach(q -> recommendations.add(report.advice(q)));
        if (recommendations.isEmpty()) {
            return;
        }
        md.append("## Recommendations\n\n");
        recommendations.forEach(r -> md.append("- ").append(r).append(".\n"));
        md.append('\n');
    }

    /**
     * The key table: training step per shape and cell, one column per backend (time and × fastest), and the
     * choice.
     */
    static void appendOverview(StringBuilder md, Report report) {
        List<Ranking> training = report.all().stream().filter(r -> r.suite() == Suite.TRAINING_STEP).toList();
        if (training.isEmpty()) {
            return;
        }
        List<String> backends = report.distinct(Measurement::backend).stream().sorted().toList();
        md.append("## Training step at a glance\n\n| shape | cell |");
        backends.forEach(b -> md.append(' ').append(b).append(" |"));
        md.append(" choose |\n|---|---|");
        backends.forEach(b -> md.append("---:|"));
        md.append("---|\n");
        for (Ranking r : training) {
            md.append("| `").append(r.shape().name()).append("` | ").append(r.cell().name()).append(" |");
            for (String backend : backends) {
                md.append(' ').append(r.entries().stream().filter(e -> e.measurement().backend().equals(backend))
                        .findFirst().map(e -> TimeUnits.format(e.measurement().seconds()) + mark(report, e.measurement()) + " ("
                                + (e.tiedWithFastest() && e != r.fastest() ? "≈ " : "") + Ranking.ratio(e.ratioToFastest()) + ")")
                        .orElse("–")).append(" |");
            }
            List<String> tied = r.entries().stream().filter(Ranking.Entry::tiedWithFastest).map(e -> e.measurement().backend()).toList();
            md.append(' ').append(String.join(" ≈ ", tied)).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * Time to quality ({@code TimeToQualityBenchmark}): per workload, each backend's wall time for a whole training
     * run, fastest first; nothing when the run did not measure it.
     */
    static void appendTimeToQuality(StringBuilder md, Report report) {
        List<QualityRanking> rankings = report.timeToQuality();
        if (rankings.isEmpty()) {
            return;
        }
        md.append("""
                ## Time to quality

                Wall time of a whole training run from fresh weights (JMH single-shot: one run per iteration, mean \
                ± 99.9% interval over the runs). *steps* and *smoothed loss* are the run's own figures at its end \
                (mean over runs); a backend stopped by the cap is marked *not reached* and ranked last.

                """);
        for (QualityRanking q : rankings) {
            md.append("### `").append(q.workload()).append("`: ").append(QualityMeasurement.goal(q.workload())).append("\n\n");
            md.append("| backend | time | ± | steps | steps/s | smoothed loss | × fastest |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (QualityRanking.Entry e : q.entries()) {
                QualityMeasurement m = e.measurement();
                boolean fastest = e == q.fastest() && m.reachedGoal();
                md.append("| ").append(backend(m.backend(), fastest)).append(" | ")
                        .append(time(report, m)).append(" | ")
                        .append(String.format(Locale.ROOT, "%,.0f", m.steps())).append(" | ")
                        .append(count(m.stepsPerSecond())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.3f", m.smoothedLoss())).append(" | ")
                        .append(m.reachedGoal() ? timesFastest(fastest, e.tiedWithFastest(), e.ratioToFastest()) : "not reached")
                        .append(" |\n");
            }
            md.append('\n');
        }
    }

    /**
     * The GEMM kernel ({@code GemmBenchmark}): per shape, each backend's time per product and GFLOP/s, fastest first;
     * nothing when the run did not measure it.
     */
    static void appendGemm(StringBuilder md, Report report) {
        List<GemmRanking> rankings = report.gemm();
        if (rankings.isEmpty()) {
            return;
        }
        md.append("""
                ## GEMM kernel

                One product C = op(A)·op(B) (α = 1, β = 0) per operation, on seeded operands, after a check against \
                `raw`'s product. *GFLOP/s* is 2·m·n·k over the mean time; the other columns read as above. The \
                shapes are square products and the LSTM products of the `medium` and `large` presets (gate width \
                G = 4H).

                """);
        for (GemmRanking g : rankings) {
            GemmShape shape = g.shape();
            md.append("### `").append(shape.name()).append("`: ").append(shape.describe()).append("\n\n")
                    .append(shape.origin()).append(String.format(Locale.ROOT,
                            ". m = %d, k = %d, n = %d; %,d FLOP per product.\n\n", shape.m(), shape.k(), shape.n(),
                            FlopCount.of(shape)));
            md.append("| backend | time / op | ± | GFLOP/s | alloc / op | × fastest |\n");
            md.append("|---|---:|---:|---:|---:|---:|\n");
            for (GemmRanking.Entry e : g.entries()) {
                GemmMeasurement m = e.measurement();
                boolean fastest = e == g.fastest();
                md.append("| ").append(backend(m.backend(), fastest)).append(" | ")
                        .append(time(report, m)).append(" | ")
                        .append(TimeUnits.significant(m.gigaflopsPerSecond())).append(" | ")
                        .append(bytes(m.allocatedBytes())).append(" | ")
                        .append(timesFastest(fastest, e.tiedWithFastest(), e.ratioToFastest()))
                        .append(" |\n");
            }
            md.append('\n');
        }
    }

    /** The backend's name, in bold for the fastest. */
    private static String backend(String name, boolean fastest) {
        return fastest ? "**" + name + "**" : name;
    }

    /**
     * The two cells "time / op | ±": the mean (marked ⚠ when the row was not at a steady state) and the half-width
     * of the 99.9% interval ("n/a" without one).
     */
    private static String time(Report report, TimedScore m) {
        return TimeUnits.format(m.seconds()) + mark(report, m) + " | " + (m.hasError() ? TimeUnits.format(m.errorSeconds()) : "n/a");
    }

    /** " ⚠" for a row that was not at a steady state ({@link Steadiness}), else nothing. */
    private static String mark(Report report, TimedScore m) {
        return problem(report, m).isPresent() ? " ⚠" : "";
    }

    /** {@link Steadiness#problem} of a row, with its allocation where it has one and the run's allocation-free backends. */
    private static java.util.Optional<String> problem(Report report, TimedScore m) {
        String backend = null;
        double bytes = Double.NaN;
        if (m instanceof Measurement grid) {
            backend = grid.backend();
            bytes = grid.allocatedBytes();
        } else if (m instanceof GemmMeasurement gemm) {
            backend = gemm.backend();
            bytes = gemm.allocatedBytes();
        }
        Environment env = report.environment();
        return Steadiness.problem(m, bytes, backend != null && env != null && env.isAllocationFree(backend));
    }

    /**
     * Every row whose forks were not at a steady state while measured ({@link Steadiness}), with what was seen, first
     * in the report so that nobody reads those numbers as settled; nothing when every row was steady.
     */
    static void appendUnsteady(StringBuilder md, Report report) {
        List<String> rows = unsteadyRows(report);
        if (rows.isEmpty()) {
            return;
        }
        md.append("## ⚠ Not at a steady state\n\n")
                .append("These rows' forks were still warming up or unsteady while JMH measured them (usually the JIT ")
                .append("still compiling, or other load on the machine), so their times, marked ⚠ below, are not the ")
                .append("backend's settled speed. Re-run them with a longer warm-up, e.g. `mvn -pl benchmarks verify ")
                .append("-Djmh.warmupIterations=5 -Djmh.backends=<backend> -Djmh.shapes=<shape>`.\n\n");
        rows.forEach(r -> md.append("- ").append(r).append('\n'));
        md.append('\n');
    }

    /** "`char` LSTM forward, raw-simd: first iteration …", one per unsteady row of the grid and of the GEMM kernel. */
    static List<String> unsteadyRows(Report report) {
        List<String> rows = new ArrayList<>();
        for (Ranking r : report.all()) {
            for (Ranking.Entry e : r.entries()) {
                problem(report, e.measurement()).ifPresent(p -> rows.add("`" + r.shape().name() + "` " + r.cell().name()
                        + " " + r.suite().title() + ", " + e.measurement().backend() + ": " + p));
            }
        }
        for (GemmRanking g : report.gemm()) {
            for (GemmRanking.Entry e : g.entries()) {
                problem(report, e.measurement()).ifPresent(p -> rows.add("GEMM `" + g.shape().name() + "`, "
                        + e.measurement().backend() + ": " + p));
            }
        }
        return rows;
    }

    /** The "× fastest" cell: "1 (fastest)", "≈ 1.02×" within noise, else "1.80×". */
    private static String timesFastest(boolean fastest, boolean tiedWithFastest, double ratio) {
        return fastest ? "1 (fastest)" : (tiedWithFastest ? "≈ " : "") + Ranking.ratio(ratio);
    }

    private static void appendMachine(StringBuilder md, Report report) {
        JmhResults.RunInfo run = report.results().run();
        Environment env = report.environment();
        if (env != null) {
            md.append("- **Machine:** ").append(env.cpu()).append(", ").append(env.cores()).append(" cores, ")
                    .append(env.os()).append('\n');
        }
        md.append("- **JVM:** ").append(run.vmName()).append(' ').append(run.jdkVersion()).append(" (").append(run.vmVersion())
                .append("), fork arguments `").append(String.join(" ", run.jvmArgs())).append("`\n");
        md.append("- **JMH:** ").append(run.jmhVersion()).append(", ").append(run.forks()).append(" fork(s) per combination, warmup ")
                .append(run.warmup()).append(", measurement ").append(run.measurement()).append('\n');
        if (env != null && env.libraries() != null && !env.libraries().isEmpty()) {
            md.append("- **Libraries:** ").append(String.join("; ", env.libraries().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList())).append('\n');
        }
        if (env != null) {
            md.append("- **Backends on the class path:** ").append(String.join(", ", env.backends()))
                    .append("; run started ").append(env.started()).append('\n');
        }
        md.append('\n');
    }

    /** A rate with an SI prefix: 1.23 k, 45.6 M. */
    static String count(double perSecond) {
        if (!Double.isFinite(perSecond)) {
            return "n/a";
        }
        String[] prefixes = {"", " k", " M", " G"};
        int p = 0;
        double value = perSecond;
        while (value >= 1000 && p < prefixes.length - 1) {
            value /= 1000;
            p++;
        }
        return TimeUnits.significant(value) + prefixes[p];
    }

    /** Bytes with a binary prefix: 0 B, 1.50 KiB, 12.3 MiB; "n/a" without {@code -prof gc}. */
    static String bytes(double bytes) {
        if (!Double.isFinite(bytes)) {
            return "n/a";
        }
        String[] units = {"B", "KiB", "MiB", "GiB"};
        int u = 0;
        double value = bytes;
        while (value >= 1024 && u < units.length - 1) {
            value /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", value) : TimeUnits.significant(value) + " " + units[u];
    }
}
