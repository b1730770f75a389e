package io.rnnbench.backend.blas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BlasLibraryTest {

    @Test
    void theMappedLibraryIsTheFirstBlasFileOtherThanNetlibsStub(@TempDir Path dir) throws IOException {
        Path maps = dir.resolve("maps");
        Files.writeString(maps, String.join("\n",
                "7f0000000000-7f0000001000 r--p 00000000 00:00 0 ",
                "7f0000001000-7f0000002000 r-xp 00000000 08:01 42 /tmp/libnetlibblasjni123.so",
                "7f0000002000-7f0000003000 r-xp 00000000 08:01 43 /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f0000003000-7f0000004000 r-xp 00000000 08:01 44 /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3",
                "7f0000004000-7f0000005000 r-xp 00000000 08:01 45 /usr/lib/x86_64-linux-gnu/libopenblas.so.0", ""));

        assertEquals(Optional.of("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"), BlasLibrary.mappedLibrary(maps));
        assertEquals(Optional.empty(), BlasLibrary.mappedLibrary(dir.resolve("no such file")));
    }

    @Test
    void onlyOpenBlasVariablesAreKeptSortedByName() {
        assertEquals(Map.of("OPENBLAS_CORETYPE", "Haswell", "OPENBLAS_NUM_THREADS", "1"),
                BlasLibrary.openblasVariables(Map.of("OPENBLAS_NUM_THREADS", "1", "PATH", "/bin", "OPENBLAS_CORETYPE", "Haswell",
                        "GOTO_NUM_THREADS", "2")));
        assertEquals("[OPENBLAS_A, OPENBLAS_B]",
                BlasLibrary.openblasVariables(Map.of("OPENBLAS_B", "", "OPENBLAS_A", "")).keySet().toString());
    }
}
