package io.rnnbench.backend.commonsmath;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/**
 * Registers {@link CommonsMathBackend} on {@link CommonsMathMatrixClass#BLOCK BlockRealMatrix} as {@value #NAME}:
 * the faster class for batch-1 products; {@value CommonsMathArrayBackendProvider#NAME} is the same backend on
 * {@code Array2DRowRealMatrix}.
 */
public final class CommonsMathBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "commons-math";

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
        return new CommonsMathBackend<>(NAME, CommonsMathMatrixClass.BLOCK);
    }
}
