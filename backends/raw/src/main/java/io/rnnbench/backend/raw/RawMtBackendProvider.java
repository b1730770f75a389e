package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/**
 * Registers {@value #NAME}: {@link RawBackend} whose GEMM is split over two threads ({@link ParallelGemm}); every
 * other operation is the single-threaded one. Its own name, so single-thread comparisons stay fair.
 */
public final class RawMtBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "raw-mt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backend<?> create() {
        return new RawBackend(NAME, new ParallelGemm());
    }
}
