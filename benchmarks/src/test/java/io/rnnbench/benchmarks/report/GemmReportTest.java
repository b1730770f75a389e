package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.results.JmhResults;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GEMM kernel's results end to end, from {@code jmh-result-gemm.json}: square-256 on raw-simd (1.20 ms ± 20 µs),
 * raw (1.25 ms ± 300 µs, within noise) and ejml (2.4 ms, in ms/op); medium-backward on raw alone, one iteration.
 */
class GemmReportTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GemmReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static BenchmarkResults gemmOnly() throws IOException {
        return BenchmarkResults.of(JmhResults.parse(resource("jmh-result-gemm.json"), "jmh-result-gemm.json"));
    }

    @Test
    void readsTheGemmEntriesApart() throws IOException {
        BenchmarkResults file = gemmOnly();

        assertTrue(file.measurements().isEmpty(), "a GEMM run has no RNN suite results");
        assertEquals(4, file.gemm().size());
        GemmMeasurement simd = file.gemm().get(0);
        assertEquals(GemmShape.SQUARE_256, simd.shape());
        assertEquals("raw-simd", simd.backend());
        assertEquals(1.2e-3, simd.seconds(), 1e-15);
        assertEquals(1, simd.forks());
        assertEquals(0.011, simd.allocatedBytes());
        assertEquals(List.of(List.of(1190.0, 1200.0, 1210.0)), simd.rawData());
        assertEquals(2.0 * 256 * 256 * 256 / 1.2e-3 / 1e9, simd.gigaflopsPerSecond(), 1e-9);
        assertEquals(2.4e-3, file.gemm().get(2).seconds(), 1e-15, "ms/op is converted");
        GemmMeasurement single = file.gemm().get(3);
        assertEquals(GemmShape.MEDIUM_BACKWARD, single.shape());
        assertNull(single.interval(), "JMH's \"NaN\" error of a single iteration, and one fork");
        assertTrue(Double.isNaN(single.allocatedBytes()), "no -prof gc");
        assertEquals("1.37", file.run().jmhVersion());
    }

    @Test
    void anUnknownShapeNamesTheEntry() throws IOException {
        String json = resource("jmh-result-gemm.json").replace("\"medium-backward\"", "\"medium-forward\"");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchmarkResults.of(JmhResults.parse(json, "renamed.json")));
        assertTrue(e.getMessage().startsWith("renamed.json, entry 3 (io.rnnbench.benchmarks.gemm.GemmBenchmark.multiply):"
                + " unknown GEMM shape 'medium-forward'"), e.getMessage());
    }

    @Test
    void rankingIsPerShapeInTheShapesOrderWithPairwiseVerdicts() throws IOException {
        List<GemmRanking> rankings = GemmRanking.of(gemmOnly().gemm());

        assertEquals(List.of(GemmShape.SQUARE_256, GemmShape.MEDIUM_BACKWARD), rankings.stream().map(GemmRanking::shape).toList());
        GemmRanking square = rankings.get(0);
        assertEquals(List.of("raw-simd", "raw", "ejml"), square.entries().stream().map(e -> e.measurement().backend()).toList());
        assertTrue(square.entries().get(2).undecided(), "one fork each: no verdict, however far apart");
        assertEquals("? 2.00×, 1 + 1 forks", square.entries().get(2).timesFastest());
        assertEquals(2.0, square.entries().get(2).ratioToFastest(), 1e-12);
        assertEquals(3, square.verdicts().pairs().size());
    }

    @Test
    void theMarkdownReportHasATablePerShape() throws IOException {
        String md = MarkdownReport.render(Report.of(gemmOnly(), null), Set.of());

        for (String expected : List.of(
                "## GEMM kernel",
                "### `square-256`: [256, 256]·[256, 256]\n\nSquare, not one of the model's products."
                        + " m = 256, k = 256, n = 256; 33,554,432 FLOP per product.",
                "| backend | time / op | interval | forks | GFLOP/s | alloc / op | × fastest |",
                "| **raw-simd** | 1.20 ms | 1.18 ms – 1.22 ms | 1 | 28.0 | 0 B | 1 (fastest) |",
                "| raw | 1.25 ms | 950 µs – 1.55 ms | 1 | 26.8 | 0 B | ? 1.04×, 1 + 1 forks |",
                "| ejml | 2.40 ms | 2.37 ms – 2.43 ms | 1 | 14.0 | 1.00 KiB | ? 2.00×, 1 + 1 forks |",
                "- raw-simd and ejml: undecided (1 + 1 forks, too few for an interval)",
                "### `medium-backward`: [32, 1024]·[1024, 256]\n\n`dZ_t·W_hᵀ`, every backward step of the `medium` LSTM"
                        + " (W_hᵀ transposed once per pass)."
                        + " m = 32, k = 1024, n = 256; 16,777,216 FLOP per product.",
                "| **raw** | 700 µs | n/a | 1 | 24.0 | n/a | 1 (fastest) |")) {
            assertTrue(md.contains(expected), expected + "\n---\n" + md);
        }
        assertFalse(md.contains("Training step at a glance"), "no RNN suites in this run");
        assertFalse(md.contains("## Recommendations"), "the GEMM kernel recommends nothing");
    }

    @Test
    void aRunWithTheGridAndTheGemmKernelShowsBoth() throws IOException {
        String grid = resource("jmh-result-sample.json");
        String gemm = resource("jmh-result-gemm.json");
        String both = grid.substring(0, grid.length() - 1) + ",\n" + gemm.substring(1);
        Report report = Report.of(BenchmarkResults.of(JmhResults.parse(both, "both.json")), null);

        String md = MarkdownReport.render(report, Set.of());
        assertTrue(md.indexOf("## Training step at a glance") < md.indexOf("## GEMM kernel"), md);
        assertTrue(md.indexOf("## GEMM kernel") < md.indexOf("## Recommendations"), md);
        assertTrue(md.contains("| RNN | training step | **raw** | 1.50 ms | 1.40 ms – 1.60 ms | 1 | 16.7 k | "), md);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsoleSummary.print(report, new PrintStream(console, true, StandardCharsets.UTF_8));
        String summary = console.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("`char` RNN training step: raw 1.50 ms;"), summary);
        assertTrue(summary.contains("GEMM `square-256`: raw-simd 1.20 ms; raw 1.25 ms (? 1.04×, 1 + 1 forks); ejml 2.40 ms"
                + " (? 2.00×, 1 + 1 forks); fastest at 28.0 GFLOP/s\n"), summary);
        assertTrue(summary.contains("GEMM `medium-backward`: raw 700 µs; fastest at 24.0 GFLOP/s\n"), summary);
    }

    @Test
    void aRunWithoutTheGemmKernelHasNoGemmSection() throws IOException {
        Report report = Report.of(BenchmarkResultsTest.sample(), null);

        assertTrue(report.gemm().isEmpty());
        assertFalse(MarkdownReport.render(report, Set.of()).contains("GEMM"));
    }

    @Test
    void writeReportHandlesARunOfTheGemmKernelOnly(@TempDir Path dir) throws IOException {
        Path results = Files.writeString(dir.resolve(RunFiles.RESULTS), resource("jmh-result-gemm.json"));

        WriteReport.write(results, dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertTrue(Files.readString(dir.resolve(WriteReport.REPORT)).contains("## GEMM kernel"));
        assertFalse(Files.exists(dir.resolve("charts")), "no grid, no chart");
    }
}
