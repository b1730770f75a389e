package io.rnnbench.workloads.checkpoint;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checkpoint files made to hurt the reader: each is refused with one line naming the file, the entry and the limit,
 * within bounded memory (no OutOfMemoryError, no StackOverflowError).
 */
class HostileCheckpointTest {
    /** [1, 2]: the one parameter of {@link #config}'s arrays below. */
    private static final ModelConfig TINY = new ModelConfig(CellType.RNN, 1, 1, 1, 1, HeadType.PER_STEP_SOFTMAX);

    @TempDir
    Path dir;

    private static byte[] config(ModelConfig model, List<String> parameters) {
        Checkpoint.Info info = new Checkpoint.Info("test", Map.of("network", model), List.of("a"), "sgd", Map.of(), 0, 0);
        return CheckpointConfig.write(new CheckpointConfig.Contents(info, parameters, List.of())).getBytes(StandardCharsets.UTF_8);
    }

    /** A .npy header declaring [rows, cols] with no data after it. */
    private static byte[] header(long rows, long cols) {
        byte[] whole = Npy.write(new Tensor(1, 1, new double[1]));
        String text = new String(whole, 0, whole.length - 8, StandardCharsets.ISO_8859_1).replace("(1, 1)", "(" + rows + ", " + cols + ")");
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (bytes.length - 10));
        return bytes;
    }

    /** What one entry holds: its first bytes, then {@code zeros} zero bytes. */
    private record Content(byte[] bytes, long zeros) {
        Content(byte[] bytes) {
            this(bytes, 0);
        }
    }

    private Path zip(String name, int method, Map<String, Content> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (Map.Entry<String, Content> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(method);
                if (method == ZipEntry.STORED) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue().bytes());
                    entry.setSize(e.getValue().bytes().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue().bytes());
                byte[] zeros = new byte[1 << 20];
                for (long left = e.getValue().zeros(); left > 0; left -= zeros.length) {
                    zip.write(zeros, 0, (int) Math.min(left, zeros.length));
                }
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String refusal(Path file) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anEntryThatInflatesFarBeyondItsHeaderIsCutAtTheHeadersSize() throws IOException {
        Map<String, Content> entries = new LinkedHashMap<>();
        entries.put("config.json", new Content(config(TINY, List.of("w"))));
        entries.put("w.npy", new Content(Npy.write(new Tensor(1, 2, new double[2])), 512L << 20)); // 512 MiB of zeros after it
        Path file = zip("bomb.npz", ZipEntry.DEFLATED, entries);
        assertTrue(Files.size(file) < 4 << 20, "the bomb is small on disk");
        String message = refusal(file);
        assertTrue(message.contains("entry w.npy: shape [1, 2] needs") && message.contains("(trailing bytes)"), message);
    }

    @Test
    void aHeaderDeclaringFourGigabytesIsRefusedByTheConfigsModels() throws IOException {
        Map<String, Content> entries = new LinkedHashMap<>();
        entries.put("config.json", new Content(config(TINY, List.of("w"))));
        entries.put("w.npy", new Content(header(1, 1L << 29))); // 4 GiB of float64 declared, none present
        String message = refusal(zip("huge.npz", ZipEntry.DEFLATED, entries));
        assertTrue(message.contains("entry w.npy: shape [1, 536870912] holds 536870912 values, more than the "
                + TINY.parameterCount() + " allowed"), message);
    }

    @Test
    void aHeaderLargerThanTheHeapIsRefusedEvenWhenTheConfigAllowsIt() throws IOException {
        ModelConfig huge = new ModelConfig(CellType.RNN, 1, 1, 1, Integer.MAX_VALUE - 8, HeadType.PER_STEP_SOFTMAX);
        Map<String, Content> entries = new LinkedHashMap<>();
        entries.put("config.json", new Content(config(huge, List.of("w"))));
        entries.put("w.npy", new Content(header(1, Integer.MAX_VALUE - 8))); // 16 GiB declared
        String message = refusal(zip("heap.npz", ZipEntry.DEFLATED, entries));
        assertTrue(message.contains("entry w.npy: shape [1, 2147483639] needs 16383 MiB, more than the")
                && message.contains("MiB this JVM has left"), message);
    }

    @Test
    void aDeeplyNestedConfigIsAnErrorNotAStackOverflow() throws IOException {
        byte[] nested = ("[".repeat(200_000) + "]".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        String message = refusal(zip("deep.npz", ZipEntry.DEFLATED, Map.of("config.json", new Content(nested))));
        assertTrue(message.contains("entry config.json: not valid JSON") && message.contains("Nesting limit 64"), message);
    }

    @Test
    void aConfigBeyondItsSizeLimitIsRefused() throws IOException {
        byte[] big = new byte[(int) CheckpointConfig.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        String message = refusal(zip("big.npz", ZipEntry.DEFLATED, Map.of("config.json", new Content(big))));
        assertTrue(message.contains("entry config.json: more than the " + CheckpointConfig.MAX_BYTES + " bytes"), message);
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnyIsRead() throws IOException {
        Map<String, Content> entries = new LinkedHashMap<>();
        for (int i = 0; i <= CheckpointFile.MAX_ENTRIES; i++) {
            entries.put("e" + i, new Content(new byte[0]));
        }
        String message = refusal(zip("many.npz", ZipEntry.STORED, entries));
        assertTrue(message.endsWith(": " + (CheckpointFile.MAX_ENTRIES + 1) + " entries, more than the limit of "
                + CheckpointFile.MAX_ENTRIES), message);
    }

    @Test
    void aCompressionMethodOtherThanStoredOrDeflatedIsRefused() throws IOException {
        Path file = zip("method.npz", ZipEntry.STORED, Map.of("config.json", new Content(config(TINY, List.of()))));
        byte[] bytes = Files.readAllBytes(file);
        setMethod(bytes, 0x04034b50, 8, 12); //  local header: method at offset 8 → 12 (bzip2)
        setMethod(bytes, 0x02014b50, 10, 12); // central directory: method at offset 10
        Files.write(file, bytes);
        String message = refusal(file);
        assertTrue(message.contains("not a readable .npz (zip) file") && message.contains("bad compression method: 12"), message);
    }

    private static void setMethod(byte[] zip, int signature, int offset, int method) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (b.getInt(i) == signature) {
                b.putShort(i + offset, (short) method);
                return;
            }
        }
        throw new AssertionError("no zip record with signature " + Integer.toHexString(signature));
    }
}
