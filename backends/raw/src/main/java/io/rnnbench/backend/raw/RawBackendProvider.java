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

    @Override
    public Backend<?> create() {
        return new RawBackend();
    }
}
