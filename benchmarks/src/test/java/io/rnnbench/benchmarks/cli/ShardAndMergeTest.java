package io.rnnbench.benchmarks.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.report.WriteReport;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.run.ShardManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A small grid run whole and in three shards through the real {@code run} command (real JMH forks, each a few
 * hundred milliseconds: no warm-up, one 10 ms iteration), the shards merged, and merges that must be refused. The
 * grid: the cell step (RNN and LSTM, {@code char}) on {@code raw}, and the GEMM kernel ({@code square-256}) on
 * {@code raw} and {@code raw-simd}: three comparison groups, four points.
 */
class ShardAndMergeTest {
    private static final List<String> GRID = List.of("CellStepBenchmark", "GemmBenchmark", "-p", "backend=raw,raw-simd",
            "-p", "cell=rnn,lstm", "-p", "shape=char", "-p", "gemm=square-256", "--only", "CellStep:backend=raw",
            "-f", "1", "-wi", "0", "-i", "1", "-r", "10ms");

    @TempDir
    static Path dir;

    @BeforeAll
    static void runTheGridWholeAndInThreeShards() throws IOException {
        assumeTrue(jmhLockIsFree(), "another JMH run holds " + lockFile() + ": no forks now");
        for (int k = 1; k <= 3; k++) {
            run(dir.resolve("shard-" + k), "--shard", k + "/3");
        }
        run(dir.resolve("whole"));
    }

    private static void run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(extra));
        args.addAll(GRID);
        args.addAll(List.of("-rff", out.resolve(RunFiles.RESULTS).toString()));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(ExitStatus.OK, run.status(), run.out() + run.err());
    }

    @Test
    void theMergedShardsHoldTheWholeGridsPointsWithTheirEntriesUnchanged() throws IOException {
        Path merged = dir.resolve("merged");
        CommandRun merge = merge("--out", merged.toString(), shard(3), shard(1), shard(2));

        assertEquals(ExitStatus.OK, merge.status(), merge.err());
        assertEquals(points(dir.resolve("whole")), points(merged), "the same (benchmark, params) points as one run");
        assertEquals(4, points(merged).size());
        JsonArray shardEntries = new JsonArray();
        for (int k = 1; k <= 3; k++) {
            shardEntries.addAll(json(dir.resolve("shard-" + k).resolve(RunFiles.RESULTS)).getAsJsonArray());
        }
        assertEquals(shardEntries, json(merged.resolve(RunFiles.RESULTS)), "every entry as its shard wrote it, shard by shard");
        assertTrue(Files.isRegularFile(merged.resolve(RunFiles.ENVIRONMENT)));
        String report = Files.readString(merged.resolve(WriteReport.REPORT), StandardCharsets.UTF_8);
        assertTrue(report.startsWith("# rnnbench"), "no banner for shards of one machine: " + report.lines().findFirst());

        Set<String> groups = new HashSet<>();
        for (int k = 1; k <= 3; k++) {
            ShardManifest m = ShardManifest.read(dir.resolve("shard-" + k).resolve(ShardManifest.FILE));
            assertEquals(k + "/3", m.shard());
            assertEquals(1, m.groups().size(), "three groups in three shards: one each");
            groups.addAll(m.groups());
            assertEquals(3, m.gridGroups().size());
        }
        assertEquals(3, groups.size(), "no group in two shards");
        assertFalse(Files.exists(dir.resolve("whole").resolve(ShardManifest.FILE)), "an unsharded run writes no manifest");
    }

    @Test
    void aMissingShardIsAHole() {
        CommandRun merge = merge("--out", dir.resolve("m").toString(), shard(1), shard(2));

        assertEquals(ExitStatus.USAGE, merge.status());
        assertTrue(merge.err().startsWith("merge: shards leave a hole: shard 3/3 missing; given " + shard(1) + " (1/3), "
                + shard(2) + " (2/3)"), merge.err());
        assertEquals(1, merge.err().lines().count(), "one line: " + merge.err());
    }

    @Test
    void aShardGivenTwiceIsAnOverlap() throws IOException {
        Path copy = copy(dir.resolve("shard-1"), "copy-of-1");
        CommandRun merge = merge("--out", dir.resolve("m").toString(), shard(1), copy.toString(), shard(2), shard(3));

        assertEquals(ExitStatus.USAGE, merge.status());
        assertTrue(merge.err().startsWith("merge: shards overlap: shard 1/3 given twice, " + shard(1) + " and " + copy),
                merge.err());
    }

    @Test
    void shardsOfAnotherMachineOrJmhAreRefusedUnlessAllowedAndThenBannered() throws IOException {
        Path other = copy(dir.resolve("shard-2"), "other-cpu");
        Path env = other.resolve(RunFiles.ENVIRONMENT);
        JsonObject machine = json(env).getAsJsonObject();
        String cpu = machine.get("cpu").getAsString();
        machine.addProperty("cpu", "Other CPU 9000");
        Files.writeString(env, machine.toString());

        CommandRun refused = merge("--out", dir.resolve("m").toString(), shard(1), other.toString(), shard(3));
        assertEquals(ExitStatus.USAGE, refused.status());
        assertTrue(refused.err().startsWith("merge: shards from different machines or JVMs: CPU '" + cpu + "' in " + shard(1)
                + ", " + shard(3) + ", 'Other CPU 9000' in " + other + "; --allow-mixed merges them anyway"), refused.err());

        Path mixed = dir.resolve("mixed");
        CommandRun allowed = merge("--out", mixed.toString(), "--allow-mixed", shard(1), other.toString(), shard(3));
        assertEquals(ExitStatus.OK, allowed.status(), allowed.err());
        String report = Files.readString(mixed.resolve(WriteReport.REPORT), StandardCharsets.UTF_8);
        assertTrue(report.startsWith("# rnnbench: which backend for which RNN/LSTM shape\n\n> **⚠ Merged from shards of"
                + " different machines or JVMs** (`--allow-mixed`): CPU '"), report.lines().limit(3).toList().toString());
        assertTrue(allowed.out().contains("⚠ Merged from shards of different machines or JVMs"), "and the console says so first");

        Path jmh = copy(dir.resolve("shard-3"), "other-jmh");
        Path results = jmh.resolve(RunFiles.RESULTS);
        JsonArray entries = json(results).getAsJsonArray();
        entries.forEach(e -> e.getAsJsonObject().addProperty("jmhVersion", "1.0"));
        Files.writeString(results, entries.toString());
        CommandRun jmhRefused = merge("--out", dir.resolve("m").toString(), shard(1), shard(2), jmh.toString());
        assertEquals(ExitStatus.USAGE, jmhRefused.status());
        assertTrue(jmhRefused.err().contains("JMH '1.37' in " + shard(1) + ", " + shard(2) + ", '1.0' in " + jmh), jmhRefused.err());
    }

    @Test
    void shardsOfAnotherGridAreRefused() throws IOException {
        Path other = copy(dir.resolve("shard-2"), "other-grid");
        Path file = other.resolve(ShardManifest.FILE);
        ShardManifest m = ShardManifest.read(file);
        List<String> grid = new ArrayList<>(m.gridGroups());
        grid.add("TrainingStepBenchmark.trainingStep cell=rnn shape=char");
        grid.sort(null);
        new ShardManifest(m.format(), m.shard(), m.estimates(), ShardManifest.fingerprint(grid), grid, m.groups()).write(file);

        CommandRun merge = merge("--out", dir.resolve("m").toString(), shard(1), other.toString(), shard(3));

        assertEquals(ExitStatus.USAGE, merge.status());
        assertTrue(merge.err().startsWith("merge: shards of different grids: " + shard(1) + " (1/3) has 3 groups ("), merge.err());
        assertTrue(merge.err().contains("e.g. 'TrainingStepBenchmark.trainingStep cell=rnn shape=char' only in " + other),
                merge.err());
    }

    @Test
    void damagedFilesAreNamedWithWhereTheyBreak() throws IOException {
        Path truncated = copy(dir.resolve("shard-2"), "truncated");
        Path results = truncated.resolve(RunFiles.RESULTS);
        String text = Files.readString(results, StandardCharsets.UTF_8);
        Files.writeString(results, text.substring(0, text.length() / 2));
        CommandRun merge = merge("--out", dir.resolve("m").toString(), shard(1), truncated.toString(), shard(3));
        assertEquals(ExitStatus.USAGE, merge.status());
        assertTrue(merge.err().startsWith("merge: " + results + ": not valid JSON: "), merge.err());

        Path altered = copy(dir.resolve("shard-2"), "altered");
        Path manifest = altered.resolve(ShardManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8).replace("cell=", "cell:"));
        merge = merge("--out", dir.resolve("m").toString(), shard(1), altered.toString(), shard(3));
        assertEquals(ExitStatus.USAGE, merge.status());
        assertTrue(merge.err().startsWith("merge: " + manifest + ": \"gridFingerprint\" "), merge.err());

        merge = merge("--out", dir.resolve("m").toString(), dir.resolve("whole").toString());
        assertEquals(ExitStatus.USAGE, merge.status());
        assertTrue(merge.err().startsWith("merge: " + dir.resolve("whole") + ": no jmh-shard.json"), merge.err());

        merge = merge("--out", shard(1), shard(1), shard(2), shard(3));
        assertEquals(ExitStatus.USAGE, merge.status());
        assertTrue(merge.err().startsWith("merge: --out " + shard(1) + " is one of the shards"), merge.err());
    }

    private static String shard(int k) {
        return dir.resolve("shard-" + k).toString();
    }

    private static CommandRun merge(String... args) {
        List<String> all = new ArrayList<>(List.of("merge"));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    /** The (benchmark, params) points of a run's results. */
    private static Set<GridPoint> points(Path runDir) throws IOException {
        Set<GridPoint> points = new HashSet<>();
        JmhResults.read(runDir.resolve(RunFiles.RESULTS)).entries().forEach(e -> points.add(GridPoint.of(e.benchmark(), e.params())));
        return points;
    }

    private static JsonElement json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The files of a shard directory (not its fork logs) in a new directory. */
    private static Path copy(Path from, String name) throws IOException {
        Path to = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static Path lockFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    }

    /** Whether no other JMH run holds its lock (JMH would refuse to start; the lead's timing runs must not be disturbed). */
    private static boolean jmhLockIsFree() throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        }
    }
}
