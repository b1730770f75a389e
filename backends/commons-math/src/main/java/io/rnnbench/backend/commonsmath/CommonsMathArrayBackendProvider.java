package io.rnnbench.backend.commonsmath;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/**
 * Registers {@link CommonsMathBackend} on {@link CommonsMathMatrixClass#ARRAY_2D_ROW Array2DRowRealMatrix} as
 * {@value #NAME}: the faster class for batch ≥ 32 products and for elementwise walks; everything else is as in
 * {@value CommonsMathBackendProvider#NAME}.
 */
public final class CommonsMathArrayBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "commons-math-array";

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
        return new CommonsMathBackend<>(NAME, CommonsMathMatrixClass.ARRAY_2D_ROW);
    }
}
