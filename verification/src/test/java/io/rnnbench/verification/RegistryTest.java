package io.rnnbench.verification;

import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the registry says of our backends beyond their names. */
class RegistryTest {

    /**
     * The backends whose providers claim to allocate nothing per operation once compiled, which the benchmark report
     * then holds to it: our own, whose hot path is written for it (DESIGN-NOTES.md §9), and EJML's single-threaded
     * backend and the native BLAS one, whose operations all write into matrices made beforehand
     * ({@code AllocationFreeTest}); not EJML's threaded products, netlib's Java BLAS (whose Vector API code did not
     * stop allocating) nor Commons Math, which allocates by design.
     * {@code blas-native} is listed only where a native BLAS loads.
     */
    @Test
    void ourBackendsSingleThreadedEjmlAndNativeBlasAndOnlyThoseAreAllocationFree() {
        List<String> expected = new ArrayList<>(List.of("ejml", "raw", "raw-simd", "raw-simd-mt"));
        if (Backends.names().contains("blas-native")) {
            expected.add(0, "blas-native");
        }
        assertEquals(expected, Backends.allocationFree());
    }
}
