package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/** Registers {@link RawBackend} as {@value #NAME}. */
public final class RawBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "raw";

    @Override
    public String name() {
        return NAME;
    }

    /** Tested for the GEMM in {@code OwnGemmTest}; the model's steps allocate nothing per call (DESIGN-NOTES.md §9). */
    @Override
    public boolean allocationFree() {
        return true;
    }

    @Override
    public String requirements() {
        return "nothing";
    }

    @Override
    public Backend<?> create() {
        return new RawBackend();
    }
}
