package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.gemm.GemmShape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteadinessTest {

    /** A GEMM row in ms/op whose forks measured {@code forks}. */
    private static GemmMeasurement row(List<List<Double>> forks) {
        return new GemmMeasurement(GemmShape.SQUARE_256, "raw-simd", 1.0, 0.1, 0.9, 1.1, "ms/op", 0, forks);
    }

    @Test
    void aSettledForkWithThisVmsNoiseIsSteady() {
        assertEquals(Optional.empty(), Steadiness.problem(row(List.of(List.of(1.2, 1.0, 0.9, 1.1, 1.25, 0.95))), Double.NaN, false));
        assertEquals(Optional.empty(), Steadiness.problem(row(List.of(List.of(1.8, 1.0, 1.0, 1.1))), Double.NaN, false), "1.8× is noise");
    }

    /** The fork of stop 12's default run: raw-simd's kernels still boxed in the first measured iteration. */
    @Test
    void aFirstIterationBeforeTheJitSettledIsStillWarmingUp() {
        Optional<String> problem = Steadiness.problem(row(List.of(List.of(31.689, 0.65, 0.431, 0.476, 0.406, 0.403))), Double.NaN, false);

        assertEquals(Optional.of("first iteration 31.7 ms, 73.5× the median of the others (still warming up)"), problem);
    }

    /** A fork boxed throughout, whose time wanders: no first-iteration outlier, but a spread no settled fork has. */
    @Test
    void aForkThatNeverSettledIsUnsteady() {
        Optional<String> problem = Steadiness.problem(row(List.of(List.of(29.3, 77.1, 152.7, 106.5, 97.1, 89.1, 93.3, 93.2))), Double.NaN, false);

        assertEquals(Optional.of("iterations from 29.3 ms to 153 ms, 5.2× apart (unsteady)"), problem);
    }

    @Test
    void onlyTheForksThatWereNotSteadyAreNamed() {
        Optional<String> problem = Steadiness.problem(row(List.of(List.of(1.0, 1.1, 1.0), List.of(5.0, 1.0, 1.1),
                List.of(1.0, 1.0, 3.5))), Double.NaN, false);

        assertEquals(Optional.of("fork 2: first iteration 5.00 ms, 4.8× the median of the others (still warming up); "
                + "fork 3: iterations from 1.00 ms to 3.50 ms, 3.5× apart (unsteady)"), problem);
    }

    /** stop 13's boxed fork: times neither fall nor wander, but megabytes per operation on an allocation-free backend. */
    @Test
    void aBackendThatAllocatesNothingOnceCompiledButAllocatedWasNotCompiled() {
        GemmMeasurement boxed = row(List.of(List.of(41.2, 42.4, 41.8, 42.3, 33.7, 33.9)));

        assertEquals(Optional.of("6.39 MiB allocated per operation by a backend that allocates nothing once compiled"
                + " (not compiled yet, or compiled code that allocates)"), Steadiness.problem(boxed, 6_702_236, true));
        assertEquals(Optional.empty(), Steadiness.problem(boxed, 6_702_236, false), "a backend that makes no claim");
        assertEquals(Optional.empty(), Steadiness.problem(boxed, 7_000, true), "JMH's own threads' bytes");
        assertEquals(Optional.empty(), Steadiness.problem(boxed, Double.NaN, true), "no -prof gc");
    }

    @Test
    void theReportListsUnsteadyRowsFirstAndMarksTheirTimes() throws IOException {
        BenchmarkResults sample = BenchmarkResultsTest.sample();
        List<Measurement> measurements = new ArrayList<>(sample.measurements());
        Measurement raw = measurements.stream().filter(m -> m.backend().equals("raw")).findFirst().orElseThrow();
        measurements.set(measurements.indexOf(raw), new Measurement(raw.suite(), raw.backend(), raw.cell(), raw.shape(),
                raw.score(), raw.scoreError(), raw.confidenceLow(), raw.confidenceHigh(), raw.unit(), raw.allocatedBytes(),
                List.of(List.of(9.0, 1.5, 1.45))));
        BenchmarkResults unsteady = new BenchmarkResults(measurements, sample.run(), sample.timeToQuality(), sample.gemm());

        String md = MarkdownReport.render(Report.of(unsteady, null), Set.of());
        String settled = MarkdownReport.render(Report.of(sample, null), Set.of());

        assertTrue(md.indexOf("## ⚠ Not at a steady state") < md.indexOf("## Training step at a glance"), md);
        assertTrue(md.contains("- `char` RNN training step, raw: first iteration 9.00 ms, 6.1× the median of the others"
                + " (still warming up)\n"), md);
        assertTrue(md.contains("| **raw** | 1.50 ms ⚠ | 1.40 ms – 1.60 ms | 1 |"), md);
        assertTrue(md.contains("| 1.50 ms ⚠ (fastest) |"), md);
        assertFalse(settled.contains("⚠"), settled);
    }
}
