package io.rnnbench.backend.rawsimd;

import io.rnnbench.backend.raw.RawBackend;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

import java.util.Optional;

/**
 * Registers {@value RawSimdBackendProvider#NAME} with its GEMMs split over two threads as {@value #NAME}: the
 * threaded variant is a backend of its own, so that single-thread comparisons stay fair (as {@code ejml} and
 * {@code ejml-mt}). Products above {@code ParallelGemm.MIN_PARALLEL} multiply-adds give each thread half of C's
 * columns; the results are the same bits as {@value RawSimdBackendProvider#NAME}'s. Needs the Vector API like it.
 */
public final class RawSimdMtBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "raw-simd-mt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return new RawSimdBackendProvider().unavailableReason();
    }

    /** Tested for the GEMM in {@code OwnGemmTest}; the model's steps allocate nothing per call (DESIGN-NOTES.md §9). */
    @Override
    public boolean allocationFree() {
        return true;
    }

    /** Its products over two threads ({@code ParallelGemm}), and the Vector API. */
    @Override
    public String requirements() {
        return "2 threads, --add-modules " + RawSimdBackendProvider.VECTOR_MODULE;
    }

    @Override
    public Backend<?> create() {
        return new RawBackend(NAME, new SimdTileKernel(), new SimdActivations(), true);
    }
}
