package io.rnnbench.workloads.checkpoint;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .npz checkpoint file format without a backend: bit-exact arrays, NumPy's header layout, bad files rejected. */
class CheckpointFileTest {
    @TempDir
    Path dir;

    private static Checkpoint sample() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("layer0.wX", new Tensor(2, 3, new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, -1e-300}));
        p.put("head.bY", new Tensor(1, 2, new double[] {Math.PI, -Math.E}));
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("optimizer.m.layer0.wX", new Tensor(2, 3, new double[] {1, 2, 3, 4, 5, 6}));
        ModelConfig config = new ModelConfig(CellType.RNN, 3, 4, 1, 2, HeadType.PER_STEP_SOFTMAX);
        Checkpoint.Info info = new Checkpoint.Info("test", Map.of("network", config), List.of("\n", "a", "\"", "é"), "adagrad",
                Map.of("learning_rate", 0.1), 7, 12.5);
        return Checkpoint.of(info, p, s);
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        Path file = dir.resolve("c.npz");
        Checkpoint written = sample();
        written.write(file);
        Checkpoint read = Checkpoint.read(file);
        assertEquals(written.info(), read.info());
        for (String name : written.parameters().keySet()) {
            long[] a = Arrays.stream(written.parameters().get(name).data()).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] b = Arrays.stream(read.parameters().get(name).data()).mapToLong(Double::doubleToRawLongBits).toArray();
            assertArrayEquals(a, b, name);
        }
        assertArrayEquals(written.optimizerState().get("optimizer.m.layer0.wX").data(),
                read.optimizerState().get("optimizer.m.layer0.wX").data());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void npyHeaderIsNumpysVersion1Layout() {
        byte[] npy = Npy.write(new Tensor(2, 3, new double[6]));
        assertEquals((byte) 0x93, npy[0]);
        assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, npy[6]);
        assertEquals(0, npy[7]);
        int headerLength = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(0, (10 + headerLength) % 64, "magic + length + header is a multiple of 64 bytes");
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLength + 6 * 8, npy.length);
    }

    @Test
    void truncatedFileIsRejectedNamingTheFile() throws IOException {
        Path file = dir.resolve("t.npz");
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void corruptEntryIsRejectedByItsCrc() throws IOException {
        Path file = dir.resolve("x.npz");
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, "fortran_order".getBytes(StandardCharsets.US_ASCII)) + 110; // inside layer0.wX's data
        bytes[at] ^= 0x5a;
        Files.write(file, bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("CRC") || e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void garbageIsNotAZip() throws IOException {
        Path file = dir.resolve("g.npz");
        Files.writeString(file, "this is not a checkpoint");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("not a readable .npz"), e.getMessage());
        assertThrows(CheckpointException.class, () -> Checkpoint.read(dir.resolve("missing.npz")));
    }

    @Test
    void badNpyIsNamed() {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> npy(Arrays.copyOf(Npy.write(new Tensor(2, 2, new double[4])), 90), "f, entry w.npy", 4));
        assertTrue(e.getMessage().contains("f, entry w.npy") && e.getMessage().contains("truncated"), e.getMessage());
        byte[] f4 = Npy.write(new Tensor(1, 1, new double[1]));
        byte[] wrongType = new String(f4, StandardCharsets.ISO_8859_1).replace("<f8", "<f4").getBytes(StandardCharsets.ISO_8859_1);
        e = assertThrows(CheckpointException.class, () -> npy(wrongType, "w", 1));
        assertTrue(e.getMessage().contains("<f4"), e.getMessage());
        byte[] trailing = Arrays.copyOf(f4, f4.length + 8);
        e = assertThrows(CheckpointException.class, () -> npy(trailing, "w", 1));
        assertTrue(e.getMessage().contains("trailing bytes"), e.getMessage());
    }

    @Test
    void anArrayLargerThanItsLimitIsRefusedBeforeItsDataIsRead() {
        byte[] bytes = Npy.write(new Tensor(3, 4, new double[12]));
        CheckpointException e = assertThrows(CheckpointException.class, () -> npy(bytes, "f, entry w.npy", 11));
        assertEquals("f, entry w.npy: shape [3, 4] holds 12 values, more than the 11 allowed (config.json's models, one Java array)",
                e.getMessage());
    }

    private static Tensor npy(byte[] bytes, String where, long maxValues) throws CheckpointException {
        return Npy.read(new ByteArrayInputStream(bytes), where, maxValues);
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
