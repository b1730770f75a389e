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

    /**
     * Every operation writes into matrices made beforehand, and EJML's single-threaded calls used here allocate no
     * workspace: held for whole training steps by {@code AllocationFreeTest}.
     */
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
        return new EjmlBackend(NAME, EjmlProducts.SINGLE_THREAD);
    }
}
