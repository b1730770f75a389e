package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Shapes;

/**
 * A dense {@code [rows, cols]} matrix of doubles stored row-major: entry (i, j) is
 * {@code data[i * cols + j]}. The raw backend's matrix type; nothing outside this module sees inside it.
 */
public final class RawMatrix {
    final int rows;
    final int cols;
    final double[] data;

    RawMatrix(int rows, int cols) {
        Shapes.requireValidShape("matrix", rows, cols);
        this.rows = rows;
        this.cols = cols;
        this.data = new double[Math.multiplyExact(rows, cols)];
    }

    @Override
    public String toString() {
        return "RawMatrix" + Shapes.shape(rows, cols);
    }
}
