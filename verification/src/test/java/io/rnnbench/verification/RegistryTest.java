package io.rnnbench.verification;

import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the registry says of our backends beyond their names. */
class RegistryTest {

    /**
     * The backends whose providers claim to allocate nothing per operation once compiled, which the benchmark report
     * then holds to it: our own, whose hot path is written for it (DESIGN-NOTES.md §9), and EJML's single-threaded
     * backend, whose operations all write into matrices made beforehand ({@code AllocationFreeTest}); not EJML's
     * threaded products nor Commons Math, which allocate by design.
     */
    @Test
    void ourBackendsAndSingleThreadedEjmlAndOnlyThoseAreAllocationFree() {
        assertEquals(List.of("ejml", "raw", "raw-simd", "raw-simd-mt"), Backends.allocationFree());
    }
}
