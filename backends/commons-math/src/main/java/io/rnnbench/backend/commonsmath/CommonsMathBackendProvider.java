package io.rnnbench.backend.commonsmath;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/** Registers {@link CommonsMathBackend} as {@value #NAME}. */
public final class CommonsMathBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "commons-math";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backend<?> create() {
        return new CommonsMathBackend();
    }
}
