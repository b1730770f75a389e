package io.rnnbench.backend.raw;

import io.rnnbench.core.shape.Shapes;

/**
 * A dense {@code [rows, cols]} matrix of doubles stored row-major: entry (i, j) is
 * {@code data[i * cols + j]}. The raw backend's matrix type; nothing outside this module sees inside it.
 */
public final class RawMatrix {
    final int rows;
    final int cols;
    /** The entries: read directly, written only through {@link #modify()}. */
    final double[] data;
    /**
     * How many times {@link #modify()} was called: a copy of the entries tagged with it is current while it is
     * unchanged. A long, so that it never wraps round to a value a copy was tagged with.
     */
    private long version;

    RawMatrix(int rows, int cols) {
        Shapes.requireValidShape("matrix", rows, cols);
        this.rows = rows;
        this.cols = cols;
        this.data = new double[Math.multiplyExact(rows, cols)];
    }

    /**
     * The entries, for writing. Counts a modification, so that a copy made of the old entries (a packed GEMM
     * operand, {@link PackedOperand}) is known to be stale. Every operation that writes a matrix calls it first.
     */
    double[] modify() {
        version++;
        return data;
    }

    long version() {
        return version;
    }

    @Override
    public String toString() {
        return "RawMatrix" + Shapes.shape(rows, cols);
    }
}
