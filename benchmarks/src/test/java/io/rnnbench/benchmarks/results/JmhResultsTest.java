package io.rnnbench.benchmarks.results;

import io.rnnbench.benchmarks.results.JmhResults.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultsTest {

    private static JmhResults sample() throws IOException {
        try (InputStream in = JmhResultsTest.class.getResourceAsStream("/io/rnnbench/benchmarks/report/jmh-result-sample.json")) {
            return JmhResults.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "jmh-result-sample.json");
        }
    }

    @Test
    void keepsEveryEntryWithItsForksParametersAndSecondaryMetrics() throws IOException {
        List<Entry> entries = sample().entries();

        assertEquals(3, entries.size(), "the library entry is kept: which entries matter is the consumer's business");
        Entry raw = entries.get(0);
        assertEquals("avgt", raw.mode());
        assertEquals(List.of("backend", "cell", "shape"), List.copyOf(raw.params().keySet()));
        assertEquals("raw", raw.param("backend"));
        assertNull(raw.param("gemm"));
        assertEquals(List.of(List.of(1.45, 1.5, 1.55)), raw.primary().rawData());
        assertEquals(1.4, raw.primary().confidenceLow());
        assertEquals("ms/op", raw.primary().unit());
        assertEquals(12214.195, raw.secondary().get("gc.alloc.rate.norm").score());
        assertEquals(2, entries.get(2).index());
        assertEquals("backend=raw cell=rnn shape=char", JmhResults.paramText(raw.params()));
    }

    @Test
    void readsJmhNanStringsAndTheRun() throws IOException {
        JmhResults results = sample();

        assertTrue(Double.isNaN(results.entries().get(1).primary().scoreError()));
        assertTrue(Double.isNaN(results.entries().get(1).primary().confidenceHigh()));
        assertEquals("17.0.15", results.run().jdkVersion());
        assertEquals("3 × 1 s", results.run().measurement());
    }

    @Test
    void badInputNamesTheFileAndTheEntry(@TempDir Path dir) {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().endsWith("none.json: no such file"), missing.getMessage());

        IllegalArgumentException notJmh = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parse("[{\"mode\": \"avgt\"}]", "x.json"));
        assertEquals("x.json, entry 0: no \"benchmark\"; is this a JMH result file?", notJmh.getMessage());

        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> JmhResults.parse(
                "[{\"benchmark\": \"a.B.c\", \"params\": {\"n\": \"1\"}, \"primaryMetric\": {\"score\": \"fast\"}}]", "y.json"));
        assertEquals("y.json, entry 0 (a.B.c n=1): expected a number, got \"fast\"", number.getMessage());

        IllegalArgumentException noPrimary = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parse("[{\"benchmark\": \"a.B.c\"}]", "z.json"));
        assertEquals("z.json, entry 0 (a.B.c): no primaryMetric", noPrimary.getMessage());
    }
}
