package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkResultsTest {

    /** The checked-in sample: raw with an interval, commons-math with JMH's "NaN" strings, one library entry. */
    static BenchmarkResults sample() throws IOException {
        try (InputStream in = BenchmarkResultsTest.class.getResourceAsStream("jmh-result-sample.json")) {
            return BenchmarkResults.of(JmhResults.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "jmh-result-sample.json"));
        }
    }

    @Test
    void readsTheRnnEntriesAndSkipsOthers() throws IOException {
        List<Measurement> measurements = sample().measurements();

        assertEquals(2, measurements.size(), "the library benchmark is not an RNN suite");
        Measurement raw = measurements.get(0);
        assertEquals(Suite.TRAINING_STEP, raw.suite());
        assertEquals("raw", raw.backend());
        assertEquals(CellType.RNN, raw.cell());
        assertEquals(Shape.CHAR, raw.shape());
        assertEquals(1.5e-3, raw.seconds(), 1e-15);
        assertEquals(0.999, raw.interval().level(), "one fork: JMH's own interval over its iterations");
        assertEquals(1.4e-3, raw.lowSeconds(), 1e-15);
        assertEquals(1.6e-3, raw.highSeconds(), 1e-15);
        assertEquals(12214.195, raw.allocatedBytes());
        assertEquals(List.of(List.of(1.45, 1.5, 1.55)), raw.rawData());
    }

    @Test
    void readsJmhNanStringsAsNaN() throws IOException {
        Measurement commonsMath = sample().measurements().get(1);

        assertEquals(10.838e-3, commonsMath.seconds(), 1e-15, "us/op is converted");
        assertTrue(Double.isNaN(commonsMath.scoreError()));
        assertTrue(Double.isNaN(commonsMath.confidenceLow()));
        assertNull(commonsMath.interval());
        assertEquals(commonsMath.seconds(), commonsMath.lowSeconds(), "without an interval the score is a point");
        assertEquals(1, commonsMath.iterations());
    }

    @Test
    void readsTheRun() throws IOException {
        JmhResults.RunInfo run = sample().run();

        assertEquals("1.37", run.jmhVersion());
        assertEquals("17.0.15", run.jdkVersion());
        assertEquals("OpenJDK 64-Bit Server VM", run.vmName());
        assertEquals(List.of("-Xms2g", "-Xmx2g"), run.jvmArgs());
        assertEquals("3 × 1 s", run.measurement());
    }

    @Test
    void rejectsWhatIsNotAJmhResultFile() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarkResults.of(JmhResults.parse("{\"benchmark\": 1}", "object")));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkResults.of(JmhResults.parse("[", "truncated")));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> BenchmarkResults.of(JmhResults.parse("[]", "empty")));
        assertTrue(none.getMessage().contains("no result of the RNN benchmarks"), none.getMessage());
    }
}
