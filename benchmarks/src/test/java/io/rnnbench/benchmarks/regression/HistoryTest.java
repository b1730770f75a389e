package io.rnnbench.benchmarks.regression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {

    @Test
    void keepsAResultUnderItsMachineAndJvm(@TempDir Path dir) throws IOException {
        Path result = dir.resolve("run/jmh-result.json");
        Files.createDirectories(result.getParent());
        Files.writeString(result, "[" + ComparisonTest.entry("\"rawData\": [[1.0], [1.1]]") + "]");
        Path kept = History.record(dir.resolve("history"), result, SyntheticRuns.MACHINE, "abc123");
        String key = dir.resolve("history").relativize(kept).getName(0).toString();
        assertEquals("Test-CPU-2.0GHz_2c_jdk-17.0.15_jmh-1.37", key);
        assertTrue(kept.getParent().getFileName().toString().endsWith("_abc123"), kept.toString());
        ResultPoints back = ResultPoints.read(kept, null);
        assertEquals("Test CPU @ 2.0GHz", back.environment().cpu(), "the sidecar is kept beside it");
        assertEquals(2, back.points().get(0).forks().size());
    }
}
