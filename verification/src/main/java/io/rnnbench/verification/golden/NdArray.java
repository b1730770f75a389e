package io.rnnbench.verification.golden;

import java.util.Arrays;

/**
 * A NumPy-style array as the fixtures store it: a shape and its entries flattened in C (row-major) order, i.e.
 * index (i, j, k) of a {@code [d0, d1, d2]} array is at {@code (i·d1 + j)·d2 + k}. A scalar has shape {@code []}.
 *
 * @param shape the dimensions; not copied
 * @param data  the entries, C order; not copied
 */
public record NdArray(int[] shape, double[] data) {

    public NdArray {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("array shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("array of shape " + Arrays.toString(shape) + " needs " + size
                    + " entries, has " + data.length);
        }
    }

    /** A 2-D array. */
    public static NdArray of(int rows, int cols, double[] data) {
        return new NdArray(new int[] {rows, cols}, data);
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Dimension k. */
    public int dim(int k) {
        return shape[k];
    }

    /** Number of entries. */
    public int size() {
        return data.length;
    }

    /** Entry (i, j) of a 2-D array. */
    public double get(int i, int j) {
        return data[i * shape[1] + j];
    }

    /** Entry (i, j, k) of a 3-D array. */
    public double get(int i, int j, int k) {
        return data[(i * shape[1] + j) * shape[2] + k];
    }

    /** The multi-index of flat position {@code flat}, written "(i, j, k)". */
    public String indexOf(int flat) {
        int[] index = new int[shape.length];
        int rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = shape[d] == 0 ? 0 : rest % shape[d];
            rest = shape[d] == 0 ? 0 : rest / shape[d];
        }
        StringBuilder sb = new StringBuilder("(");
        for (int d = 0; d < index.length; d++) {
            sb.append(d > 0 ? ", " : "").append(index[d]);
        }
        return sb.append(')').toString();
    }

    /** "[d0, d1, …]". */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    /** Fails unless this array has exactly {@code expected} as its shape. */
    public NdArray requireShape(String what, int... expected) {
        if (!Arrays.equals(shape, expected)) {
            throw new IllegalArgumentException(what + ": expected shape " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(shape));
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NdArray" + Arrays.toString(shape);
    }
}
