package io.rnnbench.workloads.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every JSON input is read within bounds, with one-line messages naming the file and where; numbers stay exact. */
class JsonFilesTest {
    @TempDir
    Path dir;

    @Test
    void numbersKeepTheirExactValue() throws IOException {
        double[] values = {0.1, 1e-300, Double.MIN_VALUE, -0.0, 0.30000000000000004, 1.7976931348623157e308, 123456789.12345679};
        StringBuilder text = new StringBuilder("[");
        for (double v : values) {
            text.append(text.length() > 1 ? "," : "").append(v);
        }
        var array = JsonFiles.parse(text.append("]").toString(), "t").getAsJsonArray();
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(array.get(i).getAsDouble()), "value " + i);
        }
    }

    @Test
    void aFileBeyondItsLimitIsRefusedUnread() throws IOException {
        Path file = dir.resolve("big.json");
        Files.writeString(file, "[" + "0,".repeat(600) + "0]");
        JsonFiles.BadFileException e = assertThrows(JsonFiles.BadFileException.class, () -> JsonFiles.read(file, 1000));
        assertEquals(file + ": 1203 bytes, more than the 1000 bytes a file of this kind may have", e.getMessage());
        e = assertThrows(JsonFiles.BadFileException.class,
                () -> JsonFiles.parse(new ByteArrayInputStream(new byte[2000]), 1000, "stream"));
        assertEquals("stream: more than the 1000 bytes a document of this kind may have", e.getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000);
        JsonFiles.BadFileException e = assertThrows(JsonFiles.BadFileException.class, () -> JsonFiles.parse(deep, "deep.json"));
        assertTrue(e.getMessage().startsWith("deep.json: not valid JSON: Nesting limit 64 reached at line 1 column"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void brokenTextAfterTheDocumentAndBadBytesAreNamed() throws IOException {
        JsonFiles.BadFileException e = assertThrows(JsonFiles.BadFileException.class, () -> JsonFiles.parse("{\"a\": [1, 2}", "x.json"));
        assertTrue(e.getMessage().startsWith("x.json: not valid JSON: ") && e.getMessage().contains("path $.a[2]"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        e = assertThrows(JsonFiles.BadFileException.class, () -> JsonFiles.parse("{} {}", "two.json"));
        assertTrue(e.getMessage().startsWith("two.json: "), e.getMessage());
        e = assertThrows(JsonFiles.BadFileException.class, () -> JsonFiles.parse("{a: 1}", "lenient.json"));
        assertTrue(e.getMessage().startsWith("lenient.json: not valid JSON"), e.getMessage());
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'"', (byte) 0xe9, '"'});
        e = assertThrows(JsonFiles.BadFileException.class, () -> JsonFiles.read(latin1, 100));
        assertTrue(e.getMessage().startsWith(latin1 + ": not UTF-8 text"), e.getMessage());
        e = assertThrows(JsonFiles.BadFileException.class, () -> JsonFiles.read(dir.resolve("none.json"), 100));
        assertEquals(dir.resolve("none.json") + ": no such file", e.getMessage());
    }
}
