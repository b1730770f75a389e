package io.rnnbench.verification;

import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skipped, with netlib's reason, where no native BLAS loads (no libopenblas0): the backend is then unavailable. */
class BlasNativeConformanceTest extends BackendConformanceSuite {
    BlasNativeConformanceTest() {
        super("blas-native");
    }

    @BeforeAll
    static void nativeBlasLoads() {
        assumeTrue(Backends.names().contains("blas-native"), () -> Backends.unavailable().get("blas-native"));
    }
}
