package io.rnnbench.backend.ejml;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/**
 * Registers {@link EjmlBackend} with {@link EjmlProducts#MULTI_THREADED multi-threaded} products as {@value #NAME}.
 * Only the GEMMs run on several threads (EJML's {@code EjmlConcurrency} pool); everything else is as in
 * {@value EjmlBackendProvider#NAME}.
 */
public final class EjmlMtBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "ejml-mt";

    @Override
    public String name() {
        return NAME;
    }

    /** EJML's thread pool, which has one thread per available processor. */
    @Override
    public String requirements() {
        return Runtime.getRuntime().availableProcessors() + " threads";
    }

    @Override
    public Backend<?> create() {
        return new EjmlBackend(NAME, EjmlProducts.MULTI_THREADED);
    }
}
