package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.quality.TimeToQualityBenchmark;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeToQualityReportTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * One JMH entry of the time-to-quality benchmark as JMH writes it (single-shot, s/op, auxiliary counters summed
     * over the iterations in {@code score}, per iteration in {@code rawData}), each run in a fork of its own.
     */
    static String entry(String method, String backend, double[] seconds, double error, long steps, int reached, double loss) {
        double mean = java.util.Arrays.stream(seconds).average().orElseThrow();
        int n = seconds.length;
        return String.format(Locale.ROOT, """
                {"jmhVersion": "1.37", "benchmark": "%s.%s", "mode": "ss", "threads": 1, "forks": 1,
                 "jvmArgs": ["-Xms2g", "-Xmx2g"], "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM",
                 "vmVersion": "17.0.15+6", "warmupIterations": 1, "warmupTime": "single-shot",
                 "measurementIterations": %d, "measurementTime": "single-shot", "params": {"backend": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreConfidence": [%s, %s], "scoreUnit": "s/op",
                                   "rawData": %s},
                 "secondaryMetrics": {
                   "steps": {"score": %d, "scoreUnit": "#", "rawData": %s},
                   "reached": {"score": %d, "scoreUnit": "#", "rawData": %s},
                   "smoothedLoss": {"score": %s, "scoreUnit": "#", "rawData": %s}}}
                """, TimeToQualityBenchmark.class.getName(), method, n, backend, mean, error, mean - error, mean + error,
                list(seconds), steps * n, repeat(steps, n), reached * n, repeat(reached, n), loss * n, repeat(loss, n));
    }

    /** [[v1], [v2], …]: one run per fork. */
    private static String list(double[] values) {
        return java.util.Arrays.stream(values).mapToObj(v -> "[" + v + "]").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static String repeat(double value, int n) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, value);
        return list(values);
    }

    /** dinos: raw fastest, ejml 1.5× slower, commons-math stopped by the cap; shakespeare: raw and ejml undecided. */
    static String qualityEntries() {
        return String.join(",\n",
                entry("dinos", "ejml", new double[] {3.0, 3.1, 2.9, 3.05, 2.95, 3.0}, 0.05, 5097, 1, 24.997),
                entry("dinos", "raw", new double[] {2.0, 2.05, 1.95, 2.02, 1.98, 2.0}, 0.04, 5097, 1, 24.997),
                entry("dinos", "commons-math", new double[] {120.0, 120.1, 120.2}, 0.2, 20000, 0, 30.1),
                entry("shakespeare", "raw", new double[] {1.0, 1.1, 1.2, 1.05, 1.15, 1.08}, 0.5, 1000, 1, 88.55),
                entry("shakespeare", "ejml", new double[] {1.05, 1.15, 1.1, 1.0, 1.2, 1.12}, 0.4, 1000, 1, 91.33));
    }

    private static BenchmarkResults qualityOnly() {
        return BenchmarkResults.of(JmhResults.parse("[" + qualityEntries() + "]", "quality.json"));
    }

    @Test
    void theCountersArePerRunAndTheWorkloadIsTheMethod() {
        BenchmarkResults file = qualityOnly();

        assertTrue(file.measurements().isEmpty(), "a time-to-quality run has no RNN suite results");
        assertEquals(5, file.timeToQuality().size());
        QualityMeasurement raw = file.timeToQuality().get(1);
        assertEquals("dinos", raw.workload());
        assertEquals("raw", raw.backend());
        assertEquals(2.0, raw.seconds(), 1e-12);
        assertEquals(5097, raw.steps(), 1e-9, "JMH's score sums the counter over the 3 runs; the report divides");
        assertEquals(1, raw.reached(), 1e-12);
        assertEquals(24.997, raw.smoothedLoss(), 1e-12);
        assertEquals(5097 / 2.0, raw.stepsPerSecond(), 1e-9);
        assertEquals("1.37", file.run().jmhVersion(), "the run description comes from any entry");
    }

    @Test
    void rankingLeavesTheUnreachedOutAndUsesPairwiseVerdicts() {
        List<QualityRanking> rankings = QualityRanking.of(qualityOnly().timeToQuality());

        assertEquals(List.of("dinos", "shakespeare"), rankings.stream().map(QualityRanking::workload).toList());
        QualityRanking dinos = rankings.get(0);
        assertEquals(List.of("raw", "ejml"), dinos.entries().stream().map(e -> e.measurement().backend()).toList());
        assertEquals(List.of("commons-math"), dinos.missed().stream().map(QualityMeasurement::backend).toList());
        assertEquals(1.5, dinos.entries().get(1).ratioToFastest(), 0.01);
        assertTrue(dinos.entries().get(1).slower(), "6 forks each, every ejml fork slower than every raw one");
        assertEquals(List.of("raw"), dinos.recommended());
        assertTrue(dinos.recommendation().startsWith("to train `dinos` (smoothed loss first below 25.0; cap 20,000 steps or"
                + " 120 s) use raw; raw is 1.50× faster than ejml ["), dinos.recommendation());
        assertTrue(dinos.recommendation().endsWith("; did not reach it within the cap: commons-math (20000 steps in 120 s)"),
                dinos.recommendation());
        QualityRanking shakespeare = rankings.get(1);
        assertTrue(shakespeare.entries().get(1).undecided(), "interleaved times: the run cannot tell them apart");
        assertEquals(List.of("raw", "ejml"), shakespeare.recommended());
        assertTrue(shakespeare.recommendation().contains("undecided against raw: ejml ("), shakespeare.recommendation());
        assertFalse(shakespeare.recommendation().contains("faster"), "never faster while the interval holds 1");
    }

    @Test
    void theMarkdownReportHasATablePerWorkloadAndTheRecommendations() {
        String md = MarkdownReport.render(Report.of(qualityOnly(), null), Set.of());

        assertTrue(md.contains("## Time to quality"), md);
        assertTrue(md.contains("### `dinos`: smoothed loss first below 25.0; cap 20,000 steps or 120 s"), md);
        assertTrue(md.contains("| **raw** | 2.00 s | 1.95 s – 2.05 s | 6 | 5,097 | 2.55 k | 24.997 | 1 (fastest) |"), md);
        assertTrue(md.contains("| ejml | 3.00 s | 2.90 s – 3.10 s | 6 | 5,097 | 1.70 k | 24.997 | 1.50× ["), md);
        assertTrue(md.contains("| commons-math | 120 s | 120 s – 120 s | 3 | 20,000 | 167 | 30.100 | not reached |"), md);
        assertTrue(md.contains("| ejml | 1.11 s | 1.00 s – 1.20 s | 6 | 1,000 | 901 | 91.330 | ? 1.0"), md);
        assertTrue(md.contains("- to train `dinos` (smoothed loss first below 25.0"), md);
        assertFalse(md.contains("Training step at a glance"), "no RNN suites in this run");
    }

    @Test
    void aRunWithBothShowsTheGridAndTimeToQuality() throws IOException {
        String grid;
        try (InputStream in = BenchmarkResultsTest.class.getResourceAsStream("jmh-result-sample.json")) {
            grid = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        String both = grid.substring(0, grid.length() - 1) + ",\n" + qualityEntries() + "]";
        Report report = Report.of(BenchmarkResults.of(JmhResults.parse(both, "both.json")), null);

        assertNotNull(report.ranking(Shape.CHAR, CellType.RNN, Suite.TRAINING_STEP));
        assertEquals(2, report.timeToQuality().size());
        String md = MarkdownReport.render(report, Set.of());
        assertTrue(md.indexOf("## Training step at a glance") < md.indexOf("## Time to quality"), md);
        assertTrue(md.indexOf("## Time to quality") < md.indexOf("## Recommendations"), md);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsoleSummary.print(report, new PrintStream(console, true, StandardCharsets.UTF_8));
        String summary = console.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("time to quality `dinos`: raw 2.00 s; ejml 3.00 s (1.50× ["), summary);
        assertTrue(summary.contains("]); not reached within the cap: commons-math\n"), summary);
        assertTrue(summary.contains("    → to train `shakespeare`"), summary);
    }

    @Test
    void writeReportHandlesARunOfTimeToQualityOnly(@TempDir Path dir) throws IOException {
        Path results = Files.writeString(dir.resolve(RunFiles.RESULTS), "[" + qualityEntries() + "]");

        WriteReport.write(results, dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String md = Files.readString(dir.resolve(WriteReport.REPORT));
        assertTrue(md.contains("## Time to quality"), md);
        assertFalse(Files.exists(dir.resolve("charts")), "no grid, no chart");
    }
}
