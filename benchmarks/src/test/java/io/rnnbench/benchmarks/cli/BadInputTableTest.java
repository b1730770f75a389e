package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.workloads.checkpoint.Checkpoint;
import io.rnnbench.workloads.checkpoint.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table of bad inputs in benchmarks/README.md ("Bad input"), one row per case: each runs {@code rnnbench} in a
 * JVM of its own with a 192 MiB heap, and must end with exit status 2 and a first line on standard error that says
 * what is wrong and where, never an OutOfMemoryError or StackOverflowError. A bad file gets that one line alone; a bad
 * command line (an unknown name) is followed by the command's synopsis and where its help is.
 */
class BadInputTableTest {
    @TempDir
    static Path dir;
    /** A real checkpoint of {@code dinos} after one step, which the hostile ones below are made from. */
    private static Path dinos;

    /** One row: what the user gives, what the message must contain. */
    record Row(String input, List<String> args, String message) {
        @Override
        public String toString() {
            return input;
        }
    }

    @BeforeAll
    static void aRealCheckpoint() {
        dinos = dir.resolve("dinos.npz");
        CommandRun r = CommandRun.of("train", "--workload", "dinos", "--steps", "1", "--checkpoint", dinos.toString(),
                "--chart", "none");
        assertEquals(ExitStatus.OK, r.status(), r.err());
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("checkpoint that does not exist", sample(dir.resolve("none.npz")), "no such checkpoint file"));
        Path garbage = Files.writeString(dir.resolve("garbage.npz"), "not a zip");
        rows.add(new Row("checkpoint that is not a zip", sample(garbage), "not a readable .npz (zip) file"));
        Path truncated = dir.resolve("truncated.npz");
        byte[] whole = Files.readAllBytes(dinos);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        rows.add(new Row("checkpoint cut short", sample(truncated), "truncated or corrupt"));
        byte[] deep = ("[".repeat(200_000) + "]".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        rows.add(new Row("config.json nested 200,000 levels deep", sample(rewrite("deep.npz", "config.json", deep, false, 0)),
                "Nesting limit 64"));
        rows.add(new Row("array entry that inflates from 1.5 MB to 1.5 GB (zip bomb)", sample(rewrite("bomb.npz",
                "head.bY.npy", entryBytes("head.bY.npy"), true, 1536L << 20)), "(trailing bytes)"));
        rows.add(new Row("array entry whose header declares 4 GB", sample(rewrite("huge.npz", "head.bY.npy",
                npyHeader(1, 1L << 29), true, 0)), "holds 536870912 values, more than"));
        rows.add(new Row("parameter that is NaN", sample(withValue("nan.npz", "head.bY", Double.NaN)),
                "entry head.bY.npy: value NaN at index 0 (values must be finite)"));
        rows.add(new Row("unknown workload", List.of("train", "--workload", "dino", "--steps", "1"), "unknown workload 'dino'"));
        rows.add(new Row("unknown backend", List.of("train", "--workload", "dinos", "--steps", "1", "--backend", "blas"),
                "unknown backend 'blas'; backends on the class path: "));
        Path notJson = Files.writeString(dir.resolve("broken.json"), "[{\"benchmark\": ");
        rows.add(new Row("results file that is not JSON", List.of("compare", "--baseline", notJson.toString(), "--candidate",
                notJson.toString()), "not valid JSON"));
        Path deepJson = Files.write(dir.resolve("deep.json"), deep);
        rows.add(new Row("results file nested 200,000 levels deep", List.of("report", deepJson.toString(), dir.resolve("r").toString()),
                "Nesting limit 64"));
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(65L << 20); // sparse: costs no disk
        }
        rows.add(new Row("results file of 65 MiB", List.of("report", big.toString(), dir.resolve("r").toString()),
                "more than the 67108864 bytes a file of this kind may have"));
        rows.add(new Row("history directory that does not exist", List.of("history", "--dir", dir.resolve("nohistory").toString()),
                "no such history directory"));
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void exitsTwoWithOneLineThatSaysWhat(Row row) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Rnnbench.class.getName()));
        command.addAll(row.args());
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), row + ": still running");
        List<String> lines = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
        assertEquals(ExitStatus.USAGE, p.exitValue(), row + ": " + err);
        boolean commandLine = row.args().get(0).equals("train");
        assertTrue(commandLine ? lines.size() > 1 && lines.get(1).startsWith("Usage: rnnbench train") : lines.size() == 1,
                row + ": " + (commandLine ? "the message, then the synopsis" : "one line") + " expected, got: " + err);
        assertTrue(lines.get(0).contains(row.message()), row + ": '" + row.message() + "' expected in: " + lines.get(0));
        assertTrue(!err.contains("Error") || err.contains("Error:") && !err.contains("OutOfMemoryError")
                && !err.contains("StackOverflowError"), row + ": " + err);
    }

    private static List<String> sample(Path checkpoint) {
        return List.of("sample", "--checkpoint", checkpoint.toString(), "--length", "5");
    }

    /**
     * {@code dinos} with entry {@code name} holding {@code bytes} and then {@code zeros} zero bytes, DEFLATE-compressed
     * when {@code deflate} (the other entries as they were, STORED).
     */
    private static Path rewrite(String file, String name, byte[] bytes, boolean deflate, long zeros) throws IOException {
        Path out = dir.resolve(file);
        try (ZipFile source = new ZipFile(dinos.toFile()); OutputStream stream = Files.newOutputStream(out);
             ZipOutputStream zip = new ZipOutputStream(stream)) {
            zip.setLevel(9);
            Enumeration<? extends ZipEntry> all = source.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.getName().equals(name)) {
                    zip.putNextEntry(entry(name, bytes, deflate));
                    zip.write(bytes);
                    byte[] block = new byte[1 << 20];
                    for (long left = zeros; left > 0; left -= block.length) {
                        zip.write(block, 0, (int) Math.min(left, block.length));
                    }
                } else {
                    byte[] kept;
                    try (InputStream in = source.getInputStream(e)) {
                        kept = in.readAllBytes();
                    }
                    zip.putNextEntry(entry(e.getName(), kept, false));
                    zip.write(kept);
                }
                zip.closeEntry();
            }
        }
        return out;
    }

    private static ZipEntry entry(String name, byte[] bytes, boolean deflate) {
        ZipEntry entry = new ZipEntry(name);
        if (!deflate) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        return entry;
    }

    private static byte[] entryBytes(String name) throws IOException {
        try (ZipFile zip = new ZipFile(dinos.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    /** {@code dinos} with every value of {@code parameter} set to {@code value}. */
    private static Path withValue(String name, String parameter, double value) throws IOException {
        Checkpoint c = Checkpoint.read(dinos);
        Map<String, Tensor> parameters = new LinkedHashMap<>(c.parameters());
        Tensor t = parameters.get(parameter);
        double[] values = new double[t.data().length];
        Arrays.fill(values, value);
        parameters.put(parameter, new Tensor(t.rows(), t.cols(), values));
        Path file = dir.resolve(name);
        Checkpoint.of(c.info(), parameters, c.optimizerState()).write(file);
        return file;
    }

    /** A .npy v1.0 header of a {@code <f8} C-order [rows, cols] array, without its data. */
    private static byte[] npyHeader(long rows, long cols) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }
}
