package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.cli.Rnnbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnbench history} on kept results with a known step (issue 22's acceptance). */
class HistoryCommandTest {
    @TempDir
    Path dir;

    /** Kept run {@code label} of machine {@code machine}: one point, 5 forks of 3 iterations around {@code level}. */
    private void keep(String machine, int run, String label, double level, Random random) throws IOException {
        StringBuilder raw = new StringBuilder();
        for (int f = 0; f < 5; f++) {
            double fork = level * Math.exp(0.03 * random.nextGaussian());
            raw.append(f > 0 ? "," : "").append(String.format(Locale.ROOT, "[%.6f,%.6f,%.6f]", fork, fork * 1.01, fork * 0.99));
        }
        Path result = dir.resolve("history").resolve(machine).resolve(String.format("20261201T%06dZ_%s", run, label))
                .resolve("jmh-result.json");
        Files.createDirectories(result.getParent());
        Files.writeString(result, "[" + ComparisonTest.entry("\"scoreError\": 0.01, \"rawData\": [" + raw + "]") + "]");
    }

    @Test
    void aTwentyPercentStepIsFoundAtItsCommitAndMachinesAreNotMixed() throws IOException {
        Random random = new Random(12);
        for (int run = 1; run <= 14; run++) {
            keep("Xeon_2c_jdk-17.0.15_jmh-1.37", run, String.format("c%02d", run), run >= 8 ? 1.2 : 1.0, random);
            keep("EPYC_2c_jdk-17.0.15_jmh-1.37", run, String.format("c%02d", run), 0.7, random); // another machine: flat
        }
        Path out = dir.resolve("out");
        int status = Rnnbench.commandLine().execute("history", "--dir", dir.resolve("history").toString(), "--out", out.toString());
        assertEquals(0, status);
        String md = Files.readString(out.resolve("history.md"));
        String xeon = md.substring(md.indexOf("## Xeon"));
        String epyc = md.substring(md.indexOf("## EPYC"), md.indexOf("## Xeon"));
        assertTrue(xeon.contains("at `c08` (run 8): ") && xeon.contains("worse"), md);
        assertTrue(epyc.contains("| ms/op | 14 | ") && epyc.contains("| none |"), md);
        try (var charts = Files.walk(out.resolve("charts"))) {
            assertEquals(2, charts.filter(p -> p.toString().endsWith(".png")).count(), "one chart per series");
        }
    }

    @Test
    void aMissingDirectoryIsABadInput() {
        assertEquals(2, Rnnbench.commandLine().execute("history", "--dir", dir.resolve("none").toString()));
    }
}
