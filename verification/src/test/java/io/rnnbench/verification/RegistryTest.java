package io.rnnbench.verification;

import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Precision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the registry says of our backends beyond their names. */
class RegistryTest {

    /**
     * The backends whose providers claim to allocate nothing per operation once compiled, which the benchmark report
     * then holds to it: our own, whose hot path is written for it (DESIGN-NOTES.md §9), and EJML's single-threaded
     * backend and the native BLAS one, whose operations all write into matrices made beforehand
     * ({@code AllocationFreeTest}); not EJML's threaded products, ojAlgo (whose API takes small objects per call),
     * netlib's Java BLAS (whose Vector API code did not stop allocating) nor Commons Math, which allocates by design.
     * {@code blas-native} is listed only where a native BLAS loads.
     */
    @Test
    void ourBackendsSingleThreadedEjmlAndNativeBlasAndOnlyThoseAreAllocationFree() {
        List<String> expected = new ArrayList<>(List.of("ejml", "raw", "raw-simd", "raw-simd-f32", "raw-simd-mt"));
        if (Backends.names().contains("blas-native")) {
            expected.add(0, "blas-native");
        }
        assertEquals(expected, Backends.allocationFree());
    }

    /** Every backend says what it needs; those that need a JVM option, a native library or threads say which. */
    @Test
    void requirementsNameTheFlagTheLibraryAndTheThreads() {
        Map<String, String> requirements = Backends.requirements();
        assertEquals(Backends.names(), List.copyOf(requirements.keySet()));
        requirements.forEach((name, text) -> assertFalse(text.isBlank(), name + " says nothing about its requirements"));
        for (String name : List.of("raw", "ejml", "commons-math", "commons-math-array", "ojalgo")) {
            assertEquals("nothing", requirements.get(name), name);
        }
        assertTrue(requirements.get("raw-simd").contains("--add-modules jdk.incubator.vector"), requirements.get("raw-simd"));
        assertTrue(requirements.get("raw-simd-mt").contains("2 threads"), requirements.get("raw-simd-mt"));
        assertTrue(requirements.get("raw-simd-f32").contains("--add-modules jdk.incubator.vector"), requirements.get("raw-simd-f32"));
        assertTrue(requirements.get("blas-java").contains("jdk.incubator.vector"), requirements.get("blas-java"));
        for (String name : List.of("ejml-mt", "ojalgo-mt")) {
            assertTrue(requirements.get(name).matches("\\d+ threads"), name + ": " + requirements.get(name));
        }
        if (requirements.containsKey("blas-native")) {
            assertTrue(requirements.get("blas-native").contains("libopenblas0"), requirements.get("blas-native"));
        }
    }

    /** Every backend says its precision: {@code raw-simd-f32} is the float32 one, all others compute in float64. */
    @Test
    void rawSimdF32AloneIsFloat32() {
        for (String name : Backends.names()) {
            assertEquals(name.equals("raw-simd-f32") ? Precision.FLOAT32 : Precision.FLOAT64, Backends.precision(name), name);
        }
        assertTrue(Backends.names().contains("raw-simd-f32"), Backends.names().toString());
    }
}
