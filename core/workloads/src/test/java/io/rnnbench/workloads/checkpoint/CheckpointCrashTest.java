package io.rnnbench.workloads.checkpoint;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM writing checkpoints in a loop is killed (SIGKILL) at random moments, 20 times: each time the file reads back
 * whole and bit-identical to a checkpoint that was written, no older than the last write reported done, and whatever
 * temporary file the kill left is gone after the next write.
 */
class CheckpointCrashTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesThePreviousCheckpointWhole() throws Exception {
        Path file = dir.resolve("run.npz");
        Random random = new Random(20261202);
        for (int kill = 0; kill < 20; kill++) {
            long reported = writeUntilKilled(file, random.nextInt(120));
            Checkpoint read = Checkpoint.read(file);
            long step = read.info().step();
            assertTrue(step >= reported && step <= reported + 1,
                    "kill " + kill + ": the file holds step " + step + ", the writer had reported step " + reported);
            Checkpoint expected = CheckpointWriterLoop.checkpoint(step);
            assertEquals(expected.info(), read.info(), "kill " + kill);
            assertArrayEquals(bits(expected), bits(read), "kill " + kill + ": step " + step + " is not bit-identical");

            CheckpointWriterLoop.checkpoint(step).write(file); // the next write cleans what the kill left
            try (var files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList(), "kill " + kill + ": files besides the checkpoint");
            }
        }
    }

    /** Starts a writer, lets it report at least one write, waits {@code millis} more, kills it; the last step reported. */
    private static long writeUntilKilled(Path file, int millis) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CheckpointWriterLoop.class.getName(), file.toString()).redirectErrorStream(true).start();
        AtomicLong reported = new AtomicLong();
        Object firstWrite = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("wrote ")) {
                        reported.set(Long.parseLong(line.substring(6)));
                        synchronized (firstWrite) {
                            firstWrite.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // the writer was killed
            }
        });
        reader.start();
        synchronized (firstWrite) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reported.get() == 0 && writer.isAlive() && System.nanoTime() < deadline) {
                firstWrite.wait(100);
            }
        }
        assertTrue(reported.get() > 0, "the writer reported no write (exit " + (writer.isAlive() ? "none yet" : writer.exitValue()) + ")");
        Thread.sleep(millis);
        long before = reported.get();
        writer.destroyForcibly();
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return Math.max(before, 1);
    }

    private static long[] bits(Checkpoint c) {
        return java.util.Arrays.stream(c.parameters().get("layer0.wX").data()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
