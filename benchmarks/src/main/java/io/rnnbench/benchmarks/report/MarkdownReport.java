package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.flops.FlopCount;
import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.benchmarks.stats.GroupVerdicts;
import io.rnnbench.benchmarks.stats.PairwiseVerdict;
import io.rnnbench.benchmarks.stats.RankStatistics;
import io.rnnbench.benchmarks.stats.VerdictPolicy;

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
        return render(report, chartNames, List.of());
    }

    /** The report's text with {@code banners} (Markdown paragraphs) as quotes right after the title. */
    public static String render(Report report, Set<String> chartNames, List<String> banners) {
        StringBuilder md = new StringBuilder();
        md.append("# rnnbench: which backend for which RNN/LSTM shape\n\n");
        banners.forEach(b -> md.append("> ").append(b).append("\n\n"));
        appendMachine(md, report);
        md.append("""
                How to read it: every backend of a shape ran as several short forks (separate JVMs), interleaved with \
                the other backends of that shape. *time / op* is the median of the per-fork times (each fork's mean \
                over its measurement iterations) and *interval* the distribution-free interval of that median (order \
                statistics: ≥ 95%% from 6 forks on; with 2–5 forks [min, max], which is less; for a single fork JMH's 99.9%% \
                interval over its iterations, which says nothing of the spread between forks). *seq·steps/s* is \
                timesteps × sequences per second (T·B per operation; B for the cell step), *GFLOP/s* is the exact FLOP \
                count of the operation (`FlopCount`) over that time, *alloc / op* is `gc.alloc.rate.norm` from \
                `-prof gc`. *× fastest* compares each backend with the fastest **as a pair**: the Hodges–Lehmann \
                estimate of the time ratio from the two backends' per-fork times, with its Mann–Whitney interval \
                (verdicts at %s forks a side, α = %s at each): a plain ratio means the fastest is faster, decided; \
                **≈** means the same within ±%.0f%% (the whole interval inside the band); **?** means undecided (the \
                interval holds 1 and reaches beyond the band): the run could not tell them apart, and the section \
                *Undecided pairs* says why. Every pair's verdict is listed under each table.

                """.formatted(looks(), VerdictPolicy.DEFAULT.alpha(), 100 * VerdictPolicy.DEFAULT.sameWithin()));
        appendUnsteady(md, report);
        appendOverview(md, report);
        appendTimeToQuality(md, report);
        appendGemm(md, report);
        appendRecommendations(md, report);
        appendUndecided(md, report);
        for (var byShape : report.rankings().entrySet()) {
            Shape shape = byShape.getKey();
            md.append("## `").append(shape.name()).append("`: ").append(shape.describe()).append("\n\n");
            if (chartNames.contains(shape.name())) {
                md.append("![").append(shape.name()).append(": time per operation by backend, with the interval of each median as error bars](")
                        .append(Charts.fileName(shape)).append(")\n\n");
            }
            md.append("| cell | suite | backend | time / op | interval | forks | seq·steps/s | GFLOP/s | alloc / op | × fastest |\n");
            md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Ranking r : byShape.getValue()) {
                for (Standing<Measurement> e : r.entries()) {
                    Measurement m = e.measurement();
                    md.append("| ").append(r.cell().name()).append(" | ").append(r.suite().title()).append(" | ")
                            .append(backend(m.backend(), e.isFastest())).append(" | ")
                            .append(time(report, m)).append(" | ")
                            .append(count(m.stepsPerSecond())).append(" | ")
                            .append(TimeUnits.significant(m.gigaflopsPerSecond())).append(" | ")
                            .append(bytes(m.allocatedBytes())).append(" | ")
                            .append(e.timesFastest())
                            .append(" |\n");
                }
            }
            md.append('\n');
            for (Ranking r : byShape.getValue()) {
                appendPairs(md, r.title(), r.verdicts());
            }
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
                        .findFirst().map(e -> TimeUnits.format(e.measurement().seconds()) + mark(report, e.measurement())
                                + (e.isFastest() ? " (fastest)" : " (" + e.shortTimesFastest() + ")"))
                        .orElse("–")).append(" |");
            }
            md.append(' ').append(choice(r.entries())).append(" |\n");
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

                Wall time of a whole training run from fresh weights (JMH single-shot: one run per iteration; the \
                median over forks and its interval, read as above). *steps* and *smoothed loss* are the run's own \
                figures at its end (mean over runs); a backend stopped by the cap is marked *not reached* and is not \
                ranked.

                """);
        for (QualityRanking q : rankings) {
            md.append("### `").append(q.workload()).append("`: ").append(QualityMeasurement.goal(q.workload())).append("\n\n");
            md.append("| backend | time | interval | forks | steps | steps/s | smoothed loss | × fastest |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            List<QualityMeasurement> rows = new ArrayList<>(q.entries().stream().map(Standing::measurement).toList());
            rows.addAll(q.missed());
            for (QualityMeasurement m : rows) {
                Standing<QualityMeasurement> e = q.entries().stream().filter(x -> x.measurement() == m).findFirst().orElse(null);
                md.append("| ").append(backend(m.backend(), e != null && e.isFastest())).append(" | ")
                        .append(time(report, m)).append(" | ")
                        .append(String.format(Locale.ROOT, "%,.0f", m.steps())).append(" | ")
                        .append(count(m.stepsPerSecond())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.3f", m.smoothedLoss())).append(" | ")
                        .append(e != null ? e.timesFastest() : "not reached")
                        .append(" |\n");
            }
            md.append('\n');
            if (q.verdicts() != null) {
                appendPairs(md, q.title(), q.verdicts());
            }
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
                `raw`'s product. *GFLOP/s* is 2·m·n·k over the median time; the other columns, the intervals and the \
                verdicts read as above (forks and pairs alike). The \
                shapes are square products and the LSTM products of the `medium` and `large` presets (gate width \
                G = 4H).

                """);
        for (GemmRanking g : rankings) {
            GemmShape shape = g.shape();
            md.append("### `").append(shape.name()).append("`: ").append(shape.describe()).append("\n\n")
                    .append(shape.origin()).append(String.format(Locale.ROOT,
                            ". m = %d, k = %d, n = %d; %,d FLOP per product.\n\n", shape.m(), shape.k(), shape.n(),
                            FlopCount.of(shape)));
            md.append("| backend | time / op | interval | forks | GFLOP/s | alloc / op | × fastest |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Standing<GemmMeasurement> e : g.entries()) {
                GemmMeasurement m = e.measurement();
                md.append("| ").append(backend(m.backend(), e.isFastest())).append(" | ")
                        .append(time(report, m)).append(" | ")
                        .append(TimeUnits.significant(m.gigaflopsPerSecond())).append(" | ")
                        .append(bytes(m.allocatedBytes())).append(" | ")
                        .append(e.timesFastest())
                        .append(" |\n");
            }
            md.append('\n');
            appendPairs(md, g.title(), g.verdicts());
        }
    }

    /** The backend's name, in bold for the fastest. */
    private static String backend(String name, boolean fastest) {
        return fastest ? "**" + name + "**" : name;
    }

    /**
     * The three cells "time / op | interval | forks": the median over forks (marked ⚠ when the row was not at a
     * steady state), its interval ("n/a" without one) and the number of forks.
     */
    private static String time(Report report, TimedScore m) {
        return TimeUnits.format(m.seconds()) + mark(report, m) + " | " + interval(m) + " | " + m.forks();
    }

    /** "1.21 – 1.30 ms", or "n/a" for a single fork without JMH's interval. */
    static String interval(TimedScore m) {
        RankStatistics.Interval i = m.interval();
        return i == null ? "n/a" : TimeUnits.format(i.low()) + " – " + TimeUnits.format(i.high());
    }

    /** The "choose" cell: the fastest and every backend the run could not tell from it: "raw-simd ≈ raw-simd-mt ? raw". */
    static String choice(List<? extends Standing<?>> entries) {
        StringBuilder s = new StringBuilder(entries.get(0).measurement().backend());
        for (Standing<?> e : entries.subList(1, entries.size())) {
            if (e.same()) {
                s.append(" ≈ ").append(e.measurement().backend());
            } else if (e.contender()) {
                s.append(" ? ").append(e.measurement().backend());
            }
        }
        return s.toString();
    }

    /** Every pair's verdict of one group, folded (a group of 11 backends has 55 pairs). */
    static void appendPairs(StringBuilder md, String title, GroupVerdicts verdicts) {
        if (verdicts.pairs().isEmpty()) {
            return;
        }
        double band = VerdictPolicy.DEFAULT.sameWithin();
        md.append("<details><summary>").append(title.replace("`", "")).append(": every pair (")
                .append(verdicts.pairs().size()).append(", ").append(verdicts.undecided().size()).append(" undecided)</summary>\n\n");
        verdicts.pairs().forEach(p -> md.append("- ").append(p.describe(band)).append('\n'));
        md.append("\n</details>\n\n");
    }

    /** Every undecided pair of the run with its forks and why it stayed undecided; nothing when there is none. */
    static void appendUndecided(StringBuilder md, Report report) {
        List<String> rows = undecidedPairs(report);
        md.append("## Undecided pairs\n\n");
        if (rows.isEmpty()) {
            md.append("None: every pair of backends of every group was decided (faster, or the same within ±")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100 * VerdictPolicy.DEFAULT.sameWithin())).append(").\n\n");
            return;
        }
        rows.forEach(r -> md.append("- ").append(r).append('\n'));
        md.append('\n');
    }

    /** "`char` LSTM training step: raw and ejml: undecided (…, 6 + 6 forks): the time budget was spent", one per pair. */
    static List<String> undecidedPairs(Report report) {
        List<String> rows = new ArrayList<>();
        double band = VerdictPolicy.DEFAULT.sameWithin();
        java.util.function.BiConsumer<String, GroupVerdicts> add = (title, verdicts) -> verdicts.undecided().forEach(p ->
                rows.add(title + ": " + p.describe(band) + ": " + why(p.verdict())));
        report.all().forEach(r -> add.accept(r.title(), r.verdicts()));
        report.gemm().forEach(g -> add.accept(g.title(), g.verdicts()));
        report.timeToQuality().stream().filter(q -> q.verdicts() != null).forEach(q -> add.accept(q.title(), q.verdicts()));
        return rows;
    }

    /** Why a pair is undecided, from its forks and the policy's looks. */
    static String why(PairwiseVerdict v) {
        VerdictPolicy policy = VerdictPolicy.DEFAULT;
        int forks = Math.min(v.forksA(), v.forksB());
        if (forks < policy.firstLook()) {
            return "too few forks for a verdict (" + policy.firstLook() + " a side needed)";
        }
        if (forks >= policy.lastLook()) {
            return "still undecided at the last look (" + policy.lastLook() + " forks a side): the two are closer than the "
                    + "run's noise can resolve";
        }
        return "not given more forks: the time budget was spent (or the run had none: --budget)";
    }

    private static String looks() {
        return String.join(", ", java.util.Arrays.stream(VerdictPolicy.DEFAULT.looks()).mapToObj(Integer::toString).toList());
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
            for (Standing<Measurement> e : r.entries()) {
                problem(report, e.measurement()).ifPresent(p -> rows.add("`" + r.shape().name() + "` " + r.cell().name()
                        + " " + r.suite().title() + ", " + e.measurement().backend() + ": " + p));
            }
        }
        for (GemmRanking g : report.gemm()) {
            for (Standing<GemmMeasurement> e : g.entries()) {
                problem(report, e.measurement()).ifPresent(p -> rows.add("GEMM `" + g.shape().name() + "`, "
                        + e.measurement().backend() + ": " + p));
            }
        }
        return rows;
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
        md.append("- **JMH:** ").append(run.jmhVersion()).append(", ").append(forkCounts(report)).append(", warmup ")
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

    /** "6–16 forks per combination (412 in all)". */
    private static String forkCounts(Report report) {
        List<Integer> forks = new ArrayList<>();
        report.all().forEach(r -> r.entries().forEach(e -> forks.add(e.measurement().forks())));
        report.gemm().forEach(g -> g.entries().forEach(e -> forks.add(e.measurement().forks())));
        report.timeToQuality().forEach(q -> {
            q.entries().forEach(e -> forks.add(e.measurement().forks()));
            q.missed().forEach(m -> forks.add(m.forks()));
        });
        int min = forks.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = forks.stream().mapToInt(Integer::intValue).max().orElse(0);
        int sum = forks.stream().mapToInt(Integer::intValue).sum();
        return (min == max ? String.valueOf(min) : min + "–" + max) + " fork(s) per combination (" + sum + " in all)";
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
