package io.rnnbench.backend.commonsmath;

import io.rnnbench.core.spi.Shapes;
import org.apache.commons.math3.linear.BlockRealMatrix;

/**
 * The commons-math backend's matrix: a mutable holder of one {@link BlockRealMatrix}. The SPI writes its
 * outputs into arguments, while Commons Math returns a new matrix from {@code multiply} and {@code transpose};
 * {@link CommonsMathBackend#gemm} therefore stores the library's result here in place of C's old matrix
 * instead of copying it over. Every other operation writes into {@link #value} through a changing visitor,
 * so only {@code gemm} replaces the reference. The shape never changes.
 *
 * <p>The field's static type is {@code BlockRealMatrix} (not {@code RealMatrix}) so that {@code multiply}
 * binds to the overload {@code multiply(BlockRealMatrix)}: through {@code multiply(RealMatrix)} the library
 * first tries a cast and catches the {@link ClassCastException}.
 */
public final class CommonsMathMatrix {
    /** The library's matrix; replaced by {@code gemm}, written in place by everything else. */
    BlockRealMatrix value;

    CommonsMathMatrix(BlockRealMatrix value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "CommonsMathMatrix" + Shapes.shape(value.getRowDimension(), value.getColumnDimension());
    }
}
