package io.rnnbench.backend.ejml;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/** Registers {@link EjmlBackend} with {@link EjmlProducts#SINGLE_THREAD single-threaded} products as {@value #NAME}. */
public final class EjmlBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "ejml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backend<?> create() {
        return new EjmlBackend(NAME, EjmlProducts.SINGLE_THREAD);
    }
}
