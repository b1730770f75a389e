package io.rnnbench.workloads.checkpoint;

/**
 * One saved array: a row-major {@code [rows, cols]} matrix of float64, stored as a NumPy {@code .npy} entry.
 *
 * @param data rows·cols values, row-major
 */
public record Tensor(int rows, int cols, double[] data) {
    public Tensor {
        if (rows < 0 || cols < 0 || data == null || data.length != (long) rows * cols) {
            throw new IllegalArgumentException("tensor [" + rows + ", " + cols + "] needs " + (long) rows * cols
                    + " values, got " + (data == null ? "none" : data.length));
        }
    }

    public String shape() {
        return "[" + rows + ", " + cols + "]";
    }
}
