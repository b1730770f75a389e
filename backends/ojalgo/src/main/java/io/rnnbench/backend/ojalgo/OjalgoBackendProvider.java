package io.rnnbench.backend.ojalgo;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/**
 * Registers {@link OjalgoBackend} with ojAlgo held to {@linkplain OjalgoThreads#ONE one thread} as {@value #NAME}:
 * ojAlgo's environment ({@code OjAlgoUtils.ENVIRONMENT}) limited to one thread, so that none of its operations is
 * divided among threads.
 */
public final class OjalgoBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "ojalgo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String requirements() {
        return "nothing";
    }

    @Override
    public Backend<?> create() {
        return new OjalgoBackend(NAME, OjalgoThreads.ONE);
    }
}
