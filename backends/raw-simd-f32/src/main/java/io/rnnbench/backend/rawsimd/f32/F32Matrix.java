package io.rnnbench.backend.rawsimd.f32;

import io.rnnbench.core.shape.Shapes;

/**
 * A dense {@code [rows, cols]} matrix of floats stored row-major: entry (i, j) is {@code data[i * cols + j]}. The
 * {@code raw-simd-f32} backend's matrix type; nothing outside this package sees inside it.
 */
public final class F32Matrix {
    final int rows;
    final int cols;
    final float[] data;

    F32Matrix(int rows, int cols) {
        Shapes.requireValidShape("matrix", rows, cols);
        this.rows = rows;
        this.cols = cols;
        this.data = new float[Math.multiplyExact(rows, cols)];
    }

    @Override
    public String toString() {
        return "F32Matrix" + Shapes.shape(rows, cols);
    }
}
