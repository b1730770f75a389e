package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.flops.FlopCount;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRenderingTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};
    private static final Environment MACHINE = new Environment("Test CPU @ 3.0GHz", 2, "Linux 6 (amd64)", "OpenJDK 17",
            2048, "2026-01-01T00:00:00Z", List.of("commons-math", "raw"), List.of("raw"),
            Map.of("commons-math", "a test library", "raw", "nothing"),
            Map.of("blas-native", "JNIBLAS on /usr/lib/libblas.so.3"));

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static Report sampleReport() throws IOException {
        return Report.of(BenchmarkResultsTest.sample(), MACHINE);
    }

    @Test
    void markdownHasTheMachineTheOverviewTheAdviceAndEveryRow() throws IOException {
        String md = MarkdownReport.render(sampleReport(), Set.of("char"));

        assertTrue(md.contains("Test CPU @ 3.0GHz, 2 cores"), md);
        assertTrue(md.contains("OpenJDK 64-Bit Server VM 17.0.15"), md);
        assertTrue(md.contains("JMH:** 1.37"), md);
        assertTrue(md.contains("| `char` | RNN | 10.8 ms (? 7.23×) | 1.50 ms (fastest) | raw ? commons-math |"), md);
        assertTrue(md.contains("- for `char` RNN training step use raw; undecided against raw: commons-math (7.23×, 1 + 1"
                + " forks); what it takes: raw: nothing; commons-math: a test library.\n"), "one fork each decides nothing: " + md);
        assertTrue(md.contains("- `char` RNN training step: raw and commons-math: undecided (1 + 1 forks, too few for an"
                + " interval): too few forks for a verdict (6 a side needed)\n"), md);
        assertTrue(md.contains("- **Libraries:** blas-native: JNIBLAS on /usr/lib/libblas.so.3\n"), md);
        assertTrue(md.contains("| RNN | training step | **raw** | 1.50 ms | 1.40 ms – 1.60 ms | 1 | 16.7 k | "), md);
        assertTrue(md.contains("| 11.9 KiB | 1 (fastest) |"), md);
        assertTrue(md.contains("| RNN | training step | commons-math | 10.8 ms | n/a | 1 | 2.31 k | "), md);
        assertTrue(md.contains("| 6.57 MiB | ? 7.23×, 1 + 1 forks |"), md);
        assertTrue(md.contains("![char: time per operation by backend, with the interval of each median as error bars]"
                + "(charts/char.png)"), md);
    }

    @Test
    void withoutRecordedRequirementsTheAdviceIsTheRecommendationAlone() throws IOException {
        Environment old = new Environment("Test CPU @ 3.0GHz", 2, "Linux 6 (amd64)", "OpenJDK 17", 2048,
                "2026-01-01T00:00:00Z", List.of("commons-math", "raw"), List.of("raw"), null, null);
        Report report = Report.of(BenchmarkResultsTest.sample(), old);
        Ranking r = report.ranking(Shape.CHAR, CellType.RNN, Suite.TRAINING_STEP);

        assertEquals(r.recommendation(), report.advice(r));
        assertFalse(MarkdownReport.render(report, Set.of()).contains("**Libraries:**"));
    }

    @Test
    void gflopsAreTheExactCountOverTheMeanTime() throws IOException {
        Measurement raw = sampleReport().ranking(Shape.CHAR, CellType.RNN, Suite.TRAINING_STEP).fastest().measurement();
        long flops = FlopCount.of(Suite.TRAINING_STEP, CellType.RNN, Shape.CHAR);

        assertEquals(flops / 1.5e-3 / 1e9, raw.gigaflopsPerSecond(), 1e-9);
        String md = MarkdownReport.render(sampleReport(), Set.of());
        assertTrue(md.contains("| " + TimeUnits.significant(flops / 1.5e-3 / 1e9) + " |"), md);
    }

    @Test
    void chartsAreNonEmptyPngs(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("charts"));
        Files.writeString(dir.resolve("charts/large.png"), "from an earlier run");

        Set<String> charted = Charts.write(sampleReport(), dir);

        assertEquals(Set.of("char"), charted);
        byte[] png = Files.readAllBytes(dir.resolve("charts/char.png"));
        assertTrue(png.length > 1000, "a chart, not an empty file: " + png.length + " bytes");
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 4));
        assertNotNull(ImageIO.read(dir.resolve("charts/char.png").toFile()));
        assertFalse(Files.exists(dir.resolve("charts/large.png")), "a chart of a shape not in the report is removed");
    }

    @Test
    void writeReportWritesMarkdownChartsAndTheConsoleSummary(@TempDir Path dir) throws IOException {
        Path results = dir.resolve(RunFiles.RESULTS);
        try (var in = BenchmarkResultsTest.class.getResourceAsStream("jmh-result-sample.json")) {
            Files.copy(in, results);
        }
        MACHINE.write(dir.resolve(RunFiles.ENVIRONMENT));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        WriteReport.write(results, dir, new PrintStream(console, true, StandardCharsets.UTF_8));

        String md = Files.readString(dir.resolve(WriteReport.REPORT));
        assertTrue(md.startsWith("# rnnbench"), md);
        assertTrue(md.contains("Test CPU @ 3.0GHz"), "the environment file is read back");
        assertTrue(Files.size(dir.resolve("charts/char.png")) > 1000);
        String summary = console.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("`char` RNN training step: raw 1.50 ms; commons-math 10.8 ms (? 7.23×, 1 + 1 forks)"),
                summary);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }
}
