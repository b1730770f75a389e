package io.rnnbench.benchmarks.regression;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.rnnbench.benchmarks.regression.Comparison.AllocVerdict;
import io.rnnbench.benchmarks.regression.Comparison.Row;
import io.rnnbench.benchmarks.regression.Comparison.Stability;
import io.rnnbench.benchmarks.regression.Comparison.Time;
import io.rnnbench.benchmarks.regression.Comparison.Verdict;
import io.rnnbench.benchmarks.regression.ResultPoints.Point;
import io.rnnbench.benchmarks.report.Environment;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Comparison} as Markdown (for a terminal and a CI job summary: banners, the rules in one sentence, one
 * table row per point, the rulers, a one-line result) and as a JSON verdict file for machines.
 */
public final class VerdictReport {
    private VerdictReport() {
    }

    /** The Markdown text. */
    public static String markdown(Comparison c) {
        StringBuilder s = new StringBuilder("## Benchmark comparison: candidate against baseline\n\n");
        Thresholds th = c.thresholds();
        if (!c.environmentDifferences().isEmpty()) {
            s.append("> ⚠️ **Other hardware/JVM** — the baseline was not measured in the same environment: ")
                    .append(String.join("; ", c.environmentDifferences()))
                    .append(". Time verdicts are shown for information, marked \"other hardware/JVM\", and never block.\n\n");
        }
        if (c.stability() == Stability.UNSTABLE) {
            s.append("> ⚠️ **Unstable machine** — a ruler benchmark (pure JDK, the same code on both sides) moved between "
                    + "baseline and candidate forks: ");
            s.append(String.join("; ", c.rulers().stream().filter(r -> r.time().note().equals("moved"))
                    .map(r -> r.point().shortName() + " " + percent(r.time().costChange()) + " (p = " + p(r.time().pValue()) + ")")
                    .toList()));
            s.append(". Time verdicts are withheld; allocation verdicts still apply.\n\n");
        }
        for (String notice : c.notices()) {
            s.append("> ").append(notice).append("\n\n");
        }
        if (!c.ignoredParams().isEmpty()) {
            s.append("> Parameters set differently per side, left out of the points' keys: ")
                    .append(String.join(", ", c.ignoredParams().stream().map(n -> "`" + n + "` (baseline "
                            + sideValues(c.baseline(), n) + ", candidate " + sideValues(c.candidate(), n) + ")").toList()))
                    .append(".\n\n");
        }
        s.append("Baseline: ").append(describe(c.baseline())).append("  \n");
        s.append("Candidate: ").append(describe(c.candidate())).append("  \n");
        double half = 100 * (Math.sqrt(1 + th.time()) - 1);
        s.append(String.format(Locale.ROOT, "Rules: **slower**/**faster** when the median ratio (Hodges–Lehmann on per-fork "
                        + "medians) is beyond ±%s and its %s%% interval (Mann–Whitney, α = %s) excludes changes below ±%.1f%%; "
                        + "**same** when the interval lies within ±%s; **unknown** otherwise. Allocation (least iteration of "
                        + "gc.alloc.rate.norm): a regression when the candidate allocates > %s%% more **and** > %s B/op more "
                        + "(blocking).%s\n\n",
                pct(th.time()), trim(100 * (1 - th.alpha())), trim(th.alpha()), half, pct(th.time()),
                trim(100 * th.allocRelative()), trim(th.allocBytes()),
                th.timeBlocking() ? " A time verdict \"slower\" blocks too (same hardware only)." : " Time verdicts are advisory."));

        String ci = trim(100 * (1 - th.alpha())) + "% CI";
        s.append("| benchmark | params | unit | forks A/B | baseline | candidate | ratio B/A [").append(ci)
                .append("] | p | time | alloc B/op A → B | alloc |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : c.rows()) {
            Point p = r.point();
            s.append("| ").append(p.shortName()).append(" | ").append(p.paramText()).append(" | ")
                    .append(p.unit()).append(' ').append(Direction.ofUnit(p.unit()).arrow()).append(" | ");
            if (r.isNew() || r.isGone()) {
                s.append(r.isNew() ? "—/" + p.forks().size() : p.forks().size() + "/—")
                        .append(" | | | | | ").append(r.isNew() ? "**new**" : "**gone**").append(" | | |\n");
                continue;
            }
            Time t = r.time();
            s.append(r.baselinePoint().forks().size()).append('/').append(r.candidatePoint().forks().size()).append(" | ")
                    .append(number(t.baselineMedian())).append(" | ").append(number(t.candidateMedian())).append(" | ")
                    .append(ratio(t.ratio())).append(" [").append(ratio(t.low())).append(", ").append(ratio(t.high()))
                    .append("] | ").append(p(t.pValue())).append(" | ").append(timeCell(t, r.blocking())).append(" | ");
            var m = r.alloc();
            if (m.verdict() == AllocVerdict.NOT_MEASURED) {
                s.append("n/a | ").append(m.note()).append(" |\n");
            } else {
                s.append(number(m.baseline())).append(" → ").append(number(m.candidate())).append(" | ")
                        .append(m.verdict() == AllocVerdict.REGRESSION ? "❌ **" + m.verdict().text() + "** (blocking)"
                                : m.verdict().text()).append(" |\n");
            }
        }
        if (!c.rulers().isEmpty()) {
            s.append("\nRulers (pure-JDK kernels in every round; they should not move):\n\n");
            s.append("| ruler | unit | baseline | candidate | ratio B/A [").append(ci).append("] | p | |\n");
            s.append("|---|---|---|---|---|---|---|\n");
            for (Row r : c.rulers()) {
                Time t = r.time();
                s.append("| ").append(r.point().shortName()).append(" | ").append(r.point().unit()).append(" | ")
                        .append(number(t.baselineMedian())).append(" | ").append(number(t.candidateMedian())).append(" | ")
                        .append(ratio(t.ratio())).append(" [").append(ratio(t.low())).append(", ").append(ratio(t.high()))
                        .append("] | ").append(p(t.pValue())).append(" | ").append(t.note().equals("moved") ? "⚠️ moved" : "steady")
                        .append(" |\n");
            }
        }
        s.append("\n**Result:** ").append(summary(c)).append('\n');
        return s.toString();
    }

    /** "0 slower, 1 faster, 3 same, 1 unknown; allocation: 0 regressions; 1 new; not blocking". */
    public static String summary(Comparison c) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        int regressions = 0, newOnes = 0, gone = 0;
        for (Row r : c.rows()) {
            if (r.isNew()) {
                newOnes++;
            } else if (r.isGone()) {
                gone++;
            } else {
                counts.merge(r.time().verdict(), 1, Integer::sum);
                regressions += r.alloc().verdict() == AllocVerdict.REGRESSION ? 1 : 0;
            }
        }
        StringBuilder s = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            int n = counts.getOrDefault(v, 0);
            if (n > 0 || v.ordinal() <= Verdict.SAME.ordinal()) {
                s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(v == Verdict.UNKNOWN ? "unknown" : v.text());
            }
        }
        s.append("; allocation: ").append(regressions).append(regressions == 1 ? " regression" : " regressions");
        if (newOnes > 0) {
            s.append("; ").append(newOnes).append(" new");
        }
        if (gone > 0) {
            s.append("; ").append(gone).append(" gone");
        }
        s.append(c.blocking() ? "; **blocking regression** (exit 1)" : "; not blocking");
        return s.toString();
    }

    /** The JSON verdict file. Non-finite numbers are written as null. */
    public static String json(Comparison c) {
        JsonObject root = new JsonObject();
        Thresholds th = c.thresholds();
        JsonObject rules = new JsonObject();
        rules.addProperty("threshold", th.time());
        rules.addProperty("alpha", th.alpha());
        rules.addProperty("allocThreshold", th.allocRelative());
        rules.addProperty("allocBytes", th.allocBytes());
        rules.addProperty("rulerTolerance", th.rulerTolerance());
        rules.addProperty("timeBlocking", th.timeBlocking());
        root.add("thresholds", rules);
        root.add("baseline", side(c.baseline()));
        root.add("candidate", side(c.candidate()));
        JsonArray env = new JsonArray();
        c.environmentDifferences().forEach(env::add);
        root.add("environmentDifferences", env);
        root.addProperty("sameEnvironment", !c.otherHardware());
        root.addProperty("stability", c.stability().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        JsonArray ignored = new JsonArray();
        c.ignoredParams().forEach(ignored::add);
        root.add("paramsSetPerSide", ignored);
        JsonArray notices = new JsonArray();
        c.notices().forEach(notices::add);
        root.add("notices", notices);
        JsonArray points = new JsonArray();
        for (Row r : c.rows()) {
            points.add(row(r));
        }
        root.add("points", points);
        JsonArray rulers = new JsonArray();
        for (Row r : c.rulers()) {
            rulers.add(row(r));
        }
        root.add("rulers", rulers);
        root.addProperty("summary", summary(c).replace("**", ""));
        root.addProperty("blocking", c.blocking());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonObject row(Row r) {
        JsonObject o = new JsonObject();
        Point p = r.point();
        o.addProperty("benchmark", p.benchmark());
        o.addProperty("mode", p.mode());
        JsonObject params = new JsonObject();
        p.params().forEach(params::addProperty);
        o.add("params", params);
        o.addProperty("unit", p.unit());
        o.addProperty("status", r.isNew() ? "new" : r.isGone() ? "gone" : "compared");
        if (r.baselinePoint() != null) {
            o.addProperty("baselineForks", r.baselinePoint().forks().size());
        }
        if (r.candidatePoint() != null) {
            o.addProperty("candidateForks", r.candidatePoint().forks().size());
        }
        Time t = r.time();
        if (t != null) {
            JsonObject time = new JsonObject();
            time.addProperty("direction", t.direction() == Direction.BIGGER_IS_BETTER ? "bigger is better" : "smaller is better");
            num(time, "baselineMedian", t.baselineMedian());
            num(time, "candidateMedian", t.candidateMedian());
            num(time, "ratio", t.ratio());
            num(time, "ratioLow", t.low());
            num(time, "ratioHigh", t.high());
            num(time, "costChange", t.costChange());
            num(time, "pValue", t.pValue());
            time.addProperty("verdict", t.verdict().text());
            time.addProperty("computedVerdict", t.computed().text());
            time.addProperty("note", t.note());
            o.add("time", time);
        }
        if (r.alloc() != null) {
            JsonObject alloc = new JsonObject();
            num(alloc, "baselineBytesPerOp", r.alloc().baseline());
            num(alloc, "candidateBytesPerOp", r.alloc().candidate());
            alloc.addProperty("verdict", r.alloc().verdict().text());
            alloc.addProperty("note", r.alloc().note());
            o.add("alloc", alloc);
        }
        o.addProperty("blocking", r.blocking());
        return o;
    }

    private static JsonObject side(ResultPoints f) {
        JsonObject o = new JsonObject();
        o.addProperty("file", f.source());
        o.addProperty("jmhVersion", f.jmhVersion());
        o.addProperty("jdkVersion", f.jdkVersion());
        o.addProperty("vmName", f.vmName());
        Environment e = f.environment();
        if (e != null) {
            o.addProperty("cpu", e.cpu());
            o.addProperty("cores", e.cores());
            o.addProperty("os", e.os());
            o.addProperty("started", e.started());
        }
        return o;
    }

    private static void num(JsonObject o, String key, double v) {
        if (Double.isFinite(v)) {
            o.addProperty(key, v);
        } else {
            o.add(key, null);
        }
    }

    private static String sideValues(ResultPoints f, String param) {
        return String.join("/", f.points().stream().map(p -> p.params().get(param)).filter(v -> v != null).distinct().toList());
    }

    private static String describe(ResultPoints f) {
        Environment e = f.environment();
        return "`" + f.source() + "` — " + (e == null ? "CPU unknown" : e.cpu() + ", " + e.cores() + " cores")
                + ", JDK " + f.jdkVersion() + ", JMH " + f.jmhVersion();
    }

    private static String timeCell(Time t, boolean blocking) {
        String v = switch (t.verdict()) {
            case SLOWER -> "🔴 **slower** " + percent(t.costChange());
            case FASTER -> "🟢 **faster** " + percent(t.costChange());
            default -> t.verdict().text();
        };
        if (blocking && t.verdict() == Verdict.SLOWER) {
            v += " (blocking)";
        }
        return t.note().isEmpty() ? v : v + " (" + t.note() + ")";
    }

    /** "+12.3%" as a change of cost (time). */
    static String percent(double change) {
        return String.format(Locale.ROOT, "%+.1f%% time", 100 * change);
    }

    static String ratio(double r) {
        if (r == 0) {
            return "0";
        }
        if (Double.isInfinite(r)) {
            return "∞";
        }
        return String.format(Locale.ROOT, "%.3f", r);
    }

    static String p(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    /** Four significant digits, plain for ordinary magnitudes. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String pct(double fraction) {
        return trim(100 * fraction) + "%";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
