package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.cli.CommandRun;
import io.rnnbench.benchmarks.regression.Comparison.AllocVerdict;
import io.rnnbench.benchmarks.regression.Comparison.Row;
import io.rnnbench.benchmarks.regression.Comparison.Stability;
import io.rnnbench.benchmarks.regression.Comparison.Verdict;
import io.rnnbench.benchmarks.regression.ResultPoints.Point;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.results.JmhResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {
    static final String FORWARD = "io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward";
    static final String RULER = "io.rnnbench.benchmarks.ruler.RulerBenchmark.fmaDot";

    /** Fork scores level·(1 + 0.01·i), i = 0 … n−1, three identical iterations each: a 1% spread, no outliers. */
    static List<List<Double>> forks(double level, int n) {
        List<List<Double>> forks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = level * (1 + 0.01 * i);
            forks.add(List.of(v, v, v));
        }
        return forks;
    }

    static Point point(String benchmark, String unit, double level, int forks, double alloc) {
        return SyntheticRuns.point(benchmark, unit, forks(level, forks), alloc);
    }

    static Row only(Comparison c) {
        assertEquals(1, c.rows().size());
        return c.rows().get(0);
    }

    @Test
    void aClearSlowdownOfTimeIsSlowerAndBlocks() {
        Comparison c = Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ms/op", 2.0, 8, 1000)),
                SyntheticRuns.file("b", point(FORWARD, "ms/op", 2.5, 8, 1000)), Thresholds.DEFAULT);
        Row r = only(c);
        assertEquals(Verdict.SLOWER, r.time().verdict());
        assertEquals(1.25, r.time().ratio(), 1e-9);
        assertTrue(r.time().low() > 1.2 && r.time().high() < 1.3, r.time().toString());
        assertTrue(r.blocking());
        assertTrue(c.blocking());
        assertFalse(Comparison.of(c.baseline(), c.candidate(), Thresholds.DEFAULT.withTimeBlocking(false)).blocking());
    }

    @Test
    void throughputIsBetterBigger() {
        // ops/s falling from 400 to 320 is a 25% longer time per operation: slower
        Row slower = only(Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ops/s", 400, 8, 1000)),
                SyntheticRuns.file("b", point(FORWARD, "ops/s", 320, 8, 1000)), Thresholds.DEFAULT));
        assertEquals(Verdict.SLOWER, slower.time().verdict());
        assertEquals(0.8, slower.time().ratio(), 1e-9);
        assertEquals(0.25, slower.time().costChange(), 1e-9);
        Row faster = only(Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ops/s", 320, 8, 1000)),
                SyntheticRuns.file("b", point(FORWARD, "ops/s", 400, 8, 1000)), Thresholds.DEFAULT));
        assertEquals(Verdict.FASTER, faster.time().verdict());
        assertTrue(faster.time().low() <= faster.time().ratio() && faster.time().ratio() <= faster.time().high());
    }

    @Test
    void directionsFromUnits() {
        for (String unit : List.of("ops/s", "ops/ms", "ops/us", "ops/ns")) {
            assertEquals(Direction.BIGGER_IS_BETTER, Direction.ofUnit(unit));
        }
        for (String unit : List.of("s/op", "ms/op", "us/op", "ns/op")) {
            assertEquals(Direction.SMALLER_IS_BETTER, Direction.ofUnit(unit));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Direction.ofUnit("furlongs"));
        assertTrue(e.getMessage().contains("'furlongs'"), e.getMessage());
    }

    @Test
    void identicalRunsAreTheSameAndSmallChangesInsideTheThresholdToo() {
        Row same = only(Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ms/op", 2.0, 8, 1000)),
                SyntheticRuns.file("b", point(FORWARD, "ms/op", 2.0, 8, 1000)), Thresholds.DEFAULT));
        assertEquals(Verdict.SAME, same.time().verdict());
        Row small = only(Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ms/op", 2.0, 8, 1000)),
                SyntheticRuns.file("b", point(FORWARD, "ms/op", 2.06, 8, 1000)), Thresholds.DEFAULT));
        assertEquals(Verdict.SAME, small.time().verdict(), "3% with a 1% spread: significant, but inside ±10%");
    }

    @Test
    void threeForksASideCannotDecide() {
        Row r = only(Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ms/op", 2.0, 3, 1000)),
                SyntheticRuns.file("b", point(FORWARD, "ms/op", 4.0, 3, 1000)), Thresholds.DEFAULT));
        assertEquals(Verdict.UNKNOWN, r.time().verdict());
        assertEquals(0.1, r.time().pValue(), 1e-12);
        assertTrue(r.time().note().contains("3 + 3 forks cannot reach p < 0.01"), r.time().note());
    }

    @Test
    void allocationNeedsBothTheRelativeAndTheAbsoluteIncrease() {
        Thresholds t = Thresholds.DEFAULT;
        assertEquals(AllocVerdict.REGRESSION, alloc(10_000, 10_600, t)); // +6%, +600 B
        assertEquals(AllocVerdict.SAME, alloc(10_000, 10_400, t));       // +4%
        assertEquals(AllocVerdict.SAME, alloc(16, 48, t));               // +200% but only +32 B
        assertEquals(AllocVerdict.SAME, alloc(10_000_000, 10_001_000, t)); // +1 kB but +0.01%
        assertEquals(AllocVerdict.REGRESSION, alloc(0, 100, t));         // a new allocation of 100 B/op
        assertEquals(AllocVerdict.LESS, alloc(10_600, 10_000, t));
        Comparison c = Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ms/op", 2.0, 8, 10_000)),
                SyntheticRuns.file("b", point(FORWARD, "ms/op", 2.0, 8, 10_600)), t.withTimeBlocking(false));
        assertTrue(c.blocking(), "allocation blocks even when time verdicts are advisory");
    }

    static AllocVerdict alloc(double a, double b, Thresholds t) {
        return Comparison.alloc(point(FORWARD, "ms/op", 1, 8, a), point(FORWARD, "ms/op", 1, 8, b), t).verdict();
    }

    @Test
    void allocationUsesEachForksLeastIteration() {
        // a Level.Iteration set-up's bytes spread over fewer operations on a slower iteration: only the minimum is steady
        List<List<Double>> forks = forks(2.0, 8);
        List<List<Double>> a = forks.stream().map(f -> List.of(30_000.0, 20_000.0, 21_000.0)).toList();
        List<List<Double>> b = forks.stream().map(f -> List.of(38_000.0, 20_100.0, 25_000.0)).toList();
        Map<String, String> params = new TreeMap<>();
        Point pa = new Point(FORWARD, "avgt", params, "ms/op", forks, a, null);
        Point pb = new Point(FORWARD, "avgt", params, "ms/op", forks, b, null);
        assertEquals(AllocVerdict.SAME, Comparison.alloc(pa, pb, Thresholds.DEFAULT).verdict());
    }

    @Test
    void missingAllocationIsNotMeasuredNotAFailure() {
        Row r = only(Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ms/op", 2.0, 8, Double.NaN)),
                SyntheticRuns.file("b", point(FORWARD, "ms/op", 2.0, 8, 1000)), Thresholds.DEFAULT));
        assertEquals(AllocVerdict.NOT_MEASURED, r.alloc().verdict());
        assertTrue(r.alloc().note().contains("-prof gc"), r.alloc().note());
    }

    @Test
    void pointsOnOneSideAreNewOrGone() {
        Point kept = point(FORWARD, "ms/op", 2.0, 8, 1000);
        Point old = point("io.rnnbench.benchmarks.rnn.BackwardBenchmark.backward", "ms/op", 2.0, 8, 1000);
        Point added = point("io.rnnbench.benchmarks.rnn.CellStepBenchmark.cellStep", "us/op", 20, 8, 1000);
        Comparison c = Comparison.of(SyntheticRuns.file("a", kept, old), SyntheticRuns.file("b", kept, added), Thresholds.DEFAULT);
        assertEquals(3, c.rows().size());
        assertTrue(c.rows().stream().anyMatch(r -> r.isGone() && r.key().contains("Backward")));
        assertTrue(c.rows().stream().anyMatch(r -> r.isNew() && r.key().contains("CellStep")));
        assertFalse(c.blocking());
        String md = VerdictReport.markdown(c);
        assertTrue(md.contains("**new**") && md.contains("**gone**"), md);
        assertTrue(VerdictReport.summary(c).contains("1 new; 1 gone"), VerdictReport.summary(c));
    }

    @Test
    void otherHardwareIsSaidAndTimeDoesNotBlock() {
        Environment other = new Environment("AMD EPYC 7B13", 2, "Linux", "17.0.15", 1024, "2024-01-01T00:00:00Z", List.of("raw"), List.of("raw"), null, null);
        ResultPoints a = SyntheticRuns.file("a", List.of(point(FORWARD, "ms/op", 2.0, 8, 1000)), SyntheticRuns.MACHINE);
        ResultPoints b = SyntheticRuns.file("b", List.of(point(FORWARD, "ms/op", 3.0, 8, 1000)), other);
        Comparison c = Comparison.of(a, b, Thresholds.DEFAULT);
        assertTrue(c.otherHardware());
        Row r = only(c);
        assertEquals(Verdict.SLOWER, r.time().verdict());
        assertTrue(r.time().note().contains("other hardware"), r.time().note());
        assertFalse(r.blocking());
        String md = VerdictReport.markdown(c);
        assertTrue(md.contains("**Other hardware/JVM**") && md.contains("CPU differs: baseline Test CPU @ 2.0GHz, candidate AMD EPYC 7B13"), md);
        assertTrue(VerdictReport.json(c).contains("\"sameEnvironment\": false"));
    }

    @Test
    void anUnknownMachineIsANotice() {
        ResultPoints a = SyntheticRuns.file("a", List.of(point(FORWARD, "ms/op", 2.0, 8, 1000)), null);
        ResultPoints b = SyntheticRuns.file("b", List.of(point(FORWARD, "ms/op", 2.0, 8, 1000)), SyntheticRuns.MACHINE);
        Comparison c = Comparison.of(a, b, Thresholds.DEFAULT);
        assertTrue(c.notices().stream().anyMatch(n -> n.contains("CPU model unknown for the baseline")), c.notices().toString());
        assertTrue(VerdictReport.markdown(c).contains("the same hardware cannot be confirmed"));
    }

    @Test
    void aMovedRulerWithholdsTimeVerdictsButNotAllocation() {
        Point ra = point(RULER, "us/op", 1.0, 8, 0);
        Point rb = point(RULER, "us/op", 1.2, 8, 0);
        Point fa = point(FORWARD, "ms/op", 2.0, 8, 10_000);
        Point fb = point(FORWARD, "ms/op", 3.0, 8, 20_000);
        Comparison c = Comparison.of(SyntheticRuns.file("a", fa, ra), SyntheticRuns.file("b", fb, rb), Thresholds.DEFAULT);
        assertEquals(Stability.UNSTABLE, c.stability());
        Row r = only(c);
        assertEquals(Verdict.WITHHELD, r.time().verdict());
        assertEquals(Verdict.SLOWER, r.time().computed());
        assertEquals(AllocVerdict.REGRESSION, r.alloc().verdict());
        assertTrue(r.blocking(), "the allocation regression still blocks");
        assertTrue(VerdictReport.markdown(c).contains("**Unstable machine**"));

        Comparison steady = Comparison.of(SyntheticRuns.file("a", fa, ra), SyntheticRuns.file("b", fb, ra), Thresholds.DEFAULT);
        assertEquals(Stability.STABLE, steady.stability());
        assertEquals(Verdict.SLOWER, only(steady).time().verdict());
        Comparison noRuler = Comparison.of(SyntheticRuns.file("a", fa), SyntheticRuns.file("b", fb, rb), Thresholds.DEFAULT);
        assertEquals(Stability.NOT_CHECKED, noRuler.stability());
        assertTrue(noRuler.notices().get(0).contains("baseline has no ruler"), noRuler.notices().toString());
    }

    @Test
    void differentParametersPerSideAreComparedWhenIgnored() {
        Point raw = point(FORWARD, "ms/op", 2.0, 8, 1000);
        Map<String, String> cm = new TreeMap<>(raw.params());
        cm.put("backend", "commons-math");
        Point slow = new Point(FORWARD, "avgt", cm, "ms/op", forks(5.0, 8), raw.allocation(), null);
        Comparison c = Comparison.of(SyntheticRuns.file("a", raw), SyntheticRuns.file("b", slow), Thresholds.DEFAULT, List.of("backend"));
        assertEquals(Verdict.SLOWER, only(c).time().verdict());
        assertEquals(2, Comparison.of(SyntheticRuns.file("a", raw), SyntheticRuns.file("b", slow), Thresholds.DEFAULT).rows().size());
    }

    @Test
    void markdownAndJsonCarryTheVerdicts() {
        Comparison c = Comparison.of(SyntheticRuns.file("a", point(FORWARD, "ms/op", 2.0, 8, 1000)),
                SyntheticRuns.file("b", point(FORWARD, "ms/op", 2.5, 8, 1000)), Thresholds.DEFAULT);
        String md = VerdictReport.markdown(c);
        assertTrue(md.contains("| ForwardBenchmark.forward | backend=raw cell=rnn shape=char | ms/op ↓ better | 8/8 |"), md);
        assertTrue(md.contains("🔴 **slower** +25.0% time (blocking)"), md);
        assertTrue(md.contains("**Result:** 1 slower, 0 faster, 0 same; allocation: 0 regressions; **blocking regression** (exit 1)"), md);
        String json = VerdictReport.json(c);
        assertTrue(json.contains("\"verdict\": \"slower\""), json);
        assertTrue(json.contains("\"blocking\": true"), json);
        assertTrue(json.contains("\"ratio\": 1.25"), json);
    }

    @Test
    void jmhNaNErrorsAreReadAndMissingRawDataIsNamed() {
        String ok = entry("\"scoreError\": \"NaN\", \"scoreConfidence\": [\"NaN\", \"NaN\"], \"rawData\": [[1.0, 1.1], [1.2, 1.0]]");
        ResultPoints f = ResultPoints.of(JmhResults.parse("[" + ok + "]", "a.json"), null);
        assertEquals(2, f.points().get(0).forks().size());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ResultPoints.of(JmhResults.parse("[" + entry("\"scoreError\": \"NaN\"") + "]", "a.json"), null));
        assertTrue(missing.getMessage().startsWith("a.json, entry 0 (" + FORWARD + " backend=raw cell=rnn shape=char): "
                + "primaryMetric has no rawData"), missing.getMessage());

        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ResultPoints.of(JmhResults.parse("[" + entry("\"rawData\": [[1.0, \"NaN\"]]") + "]", "b.json"), null));
        assertTrue(nan.getMessage().contains("b.json, entry 0 (" + FORWARD) && nan.getMessage().contains("fork 1 iteration 2 is NaN"),
                nan.getMessage());

        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> ResultPoints.of(JmhResults.parse("[{", "c.json"), null));
        assertEquals("c.json: not valid JSON: End of input at line 1 column 3 path $[0]", notJson.getMessage());
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> ResultPoints.of(JmhResults.parse("[" + entry("\"rawData\": [[1.0]]").replace("ms/op", "bogus") + "]", "d.json"), null));
        assertTrue(unit.getMessage().contains("unknown score unit 'bogus'"), unit.getMessage());
    }

    static String entry(String primaryFields) {
        return "{\"jmhVersion\": \"1.37\", \"benchmark\": \"" + FORWARD + "\", \"mode\": \"avgt\", \"forks\": 2,"
                + " \"jdkVersion\": \"17.0.15\", \"vmName\": \"OpenJDK 64-Bit Server VM\","
                + " \"params\": {\"shape\": \"char\", \"backend\": \"raw\", \"cell\": \"rnn\"},"
                + " \"primaryMetric\": {\"score\": 1.1, \"scoreUnit\": \"ms/op\", " + primaryFields + "},"
                + " \"secondaryMetrics\": {\"gc.alloc.rate.norm\": {\"score\": 100.0, \"scoreUnit\": \"B/op\", \"rawData\": [[100.0, 100.0]]}}}";
    }

    @Test
    void theCommandExitsZeroOneOrTwo(@TempDir Path dir) throws IOException {
        String base = "[" + entry("\"scoreError\": \"NaN\", \"rawData\": [[1.0],[1.01],[1.02],[1.03],[1.0],[1.01],[1.02],[1.03]]") + "]";
        Path a = dir.resolve("a.json");
        Files.writeString(a, base);
        Path b = dir.resolve("b.json");
        Files.writeString(b, base.replace("\"rawData\": [[100.0, 100.0]]", "\"rawData\": [[400.0, 400.0]]"));
        Path md = dir.resolve("out/verdict.md");
        Path json = dir.resolve("out/verdict.json");
        assertEquals(ExitStatus.OK, CommandRun.of("compare", "--baseline", a.toString(), "--candidate", a.toString()).status());
        assertEquals(ExitStatus.FAILED, CommandRun.of("compare", "--baseline", a.toString(), "--candidate", b.toString(),
                "--markdown", md.toString(), "--json", json.toString()).status());
        CommandRun missing = CommandRun.of("compare", "--baseline", dir.resolve("none.json").toString(), "--candidate", a.toString());
        CommandRun noCandidate = CommandRun.of("compare", "--baseline", a.toString());
        CommandRun badAlpha = CommandRun.of("compare", "--baseline", a.toString(), "--candidate", a.toString(), "--alpha", "2");
        assertEquals(List.of(ExitStatus.USAGE, ExitStatus.USAGE, ExitStatus.USAGE),
                List.of(missing.status(), noCandidate.status(), badAlpha.status()));
        String printed = missing.err() + noCandidate.err() + badAlpha.err();
        assertTrue(printed.contains("none.json: no such file"), printed);
        assertTrue(printed.contains("Missing required option: '--candidate=B.json'"), printed);
        assertTrue(printed.contains("--alpha 2.0: expected a level such as 0.01"), printed);
        assertTrue(Files.readString(md).contains("more allocation"));
        assertTrue(Files.readString(json).contains("\"blocking\": true"));
    }
}
