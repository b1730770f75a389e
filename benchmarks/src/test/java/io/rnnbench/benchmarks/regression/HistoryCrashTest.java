package io.rnnbench.benchmarks.regression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM keeping results in the A/B history in a loop is killed (SIGKILL) at random moments, 20 times: every run the
 * history lists afterwards holds the whole result, bit for bit, and whatever temporary file a kill left is gone after
 * the next record.
 */
class HistoryCrashTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRecordLeavesEveryKeptResultWhole() throws Exception {
        StringJoiner forks = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 20_000; i++) { // ≈ 300 kB, so that kills land mid-write
            forks.add("[1." + i + "]");
        }
        Path source = Files.writeString(dir.resolve("jmh-result.json"), "[" + ComparisonTest.entry("\"rawData\": " + forks) + "]");
        byte[] expected = Files.readAllBytes(source);
        Path history = dir.resolve("history");
        Random random = new Random(21);
        for (int kill = 0; kill < 20; kill++) {
            keepUntilKilled(history, source, random.nextInt(100));
            for (List<History.KeptRun> runs : History.runs(history).values()) {
                for (History.KeptRun run : runs) {
                    assertArrayEquals(expected, Files.readAllBytes(run.result()), "kill " + kill + ": run " + run.label());
                    assertTrue(Files.isRegularFile(run.result().resolveSibling("jmh-environment.json")),
                            "kill " + kill + ": run " + run.label() + " has no environment beside its result");
                }
            }
            History.record(history, source, SyntheticRuns.MACHINE, "next" + kill); // cleans what the kill left
            try (Stream<Path> files = Files.walk(history)) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(), "kill " + kill);
            }
        }
    }

    private static void keepUntilKilled(Path history, Path source, int millis) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HistoryWriterLoop.class.getName(), history.toString(), source.toString()).redirectErrorStream(true).start();
        AtomicLong kept = new AtomicLong();
        StringBuffer other = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("kept ")) {
                        kept.set(Long.parseLong(line.substring(5)));
                    } else {
                        other.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the writer was killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (kept.get() == 0 && writer.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(kept.get() > 0, "the writer kept nothing (exit " + (writer.isAlive() ? "none yet" : writer.exitValue()) + "): "
                + other);
        Thread.sleep(millis);
        writer.destroyForcibly();
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        reader.join(TimeUnit.SECONDS.toMillis(30));
    }
}
