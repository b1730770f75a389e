package io.rnnbench.backend.blas;

import io.rnnbench.core.shape.Shapes;

/**
 * A dense {@code [rows, cols]} matrix of doubles stored row-major: entry (i, j) is {@code data[i * cols + j]}. To a
 * column-major BLAS the same array is the {@code [cols, rows]} matrix Aᵀ with leading dimension {@code cols}.
 * The BLAS backends' matrix type; nothing outside this module sees inside it.
 */
public final class BlasMatrix {
    final int rows;
    final int cols;
    /** rows·cols entries, row-major. */
    final double[] data;

    BlasMatrix(int rows, int cols) {
        Shapes.requireValidShape("matrix", rows, cols);
        this.rows = rows;
        this.cols = cols;
        this.data = new double[Math.multiplyExact(rows, cols)];
    }

    @Override
    public String toString() {
        return "BlasMatrix" + Shapes.shape(rows, cols);
    }
}
