package io.rnnbench.backend.ojalgo;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/**
 * Registers {@link OjalgoBackend} with ojAlgo's own threading over {@linkplain OjalgoThreads#ALL every hardware thread
 * it detects} as {@value #NAME}: ojAlgo divides its products and its elementwise operations on wide stores among
 * them, above its own size thresholds. Everything else is as in {@value OjalgoBackendProvider#NAME}.
 */
public final class OjalgoMtBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "ojalgo-mt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String requirements() {
        return OjalgoThreads.ALL.threads() + " threads";
    }

    @Override
    public Backend<?> create() {
        return new OjalgoBackend(NAME, OjalgoThreads.ALL);
    }
}
