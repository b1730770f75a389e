package io.rnnbench.verification;

import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the registry says of our backends beyond their names. */
class RegistryTest {

    /**
     * The backends whose providers claim to allocate nothing per operation once compiled, which the benchmark report
     * then holds to it: our own, whose hot path is written for it (DESIGN-NOTES.md §9); not the libraries.
     */
    @Test
    void ourBackendsAndOnlyThoseAreAllocationFree() {
        assertEquals(List.of("raw", "raw-simd", "raw-simd-mt"), Backends.allocationFree());
    }
}
