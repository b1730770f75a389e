package io.rnnbench.backend.commonsmath;

import io.rnnbench.core.shape.Shapes;
import org.apache.commons.math3.linear.AbstractRealMatrix;

/**
 * The commons-math backends' matrix: a mutable holder of one Commons Math matrix of class {@code T}
 * ({@code BlockRealMatrix} for {@code commons-math}, {@code Array2DRowRealMatrix} for {@code commons-math-array};
 * see {@link CommonsMathMatrixClass}). The SPI writes its outputs into arguments, while Commons Math returns a new
 * matrix from {@code multiply} and {@code transpose}; {@link CommonsMathBackend#gemm} therefore stores the
 * library's result here in place of C's old matrix instead of copying it over. Every other operation writes into
 * {@link #value} through a changing visitor, so only {@code gemm} replaces the reference. The shape and the class
 * never change.
 *
 * <p>The field's type is the class parameter {@code T}, not {@code RealMatrix}, so that
 * {@link CommonsMathMatrixClass#multiply} can hand it to the class's own same-class {@code multiply} overload.
 *
 * @param <T> the Commons Math matrix class
 */
public final class CommonsMathMatrix<T extends AbstractRealMatrix> {
    /** The library's matrix; replaced by {@code gemm}, written in place by everything else. */
    T value;

    CommonsMathMatrix(T value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "CommonsMathMatrix" + Shapes.shape(value.getRowDimension(), value.getColumnDimension());
    }
}
