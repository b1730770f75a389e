package io.rnnbench.core.model;

/**
 * The input sequence of a batch, time-major: entry for step t and sequence b is at position t·B + b.
 * One-hot (or embedding) input is given as indices and enters layer 0 as a row gather of W_x, never as a
 * dense GEMM over a one-hot matrix.
 */
public sealed interface Inputs {

    /** Number of rows, T·B. */
    int rows();

    /**
     * Class indices, one per (step, sequence): {@code index[t·B + b]} in [0, X).
     *
     * @param index T·B indices; not copied, must not change while in use
     */
    record OneHot(int[] index) implements Inputs {
        public OneHot {
            if (index == null || index.length == 0) {
                throw new IllegalArgumentException("one-hot input: the sequence is empty");
            }
        }

        @Override
        public int rows() {
            return index.length;
        }
    }

    /**
     * Dense vectors of width X, row-major {@code [T·B, X]}: {@code values[(t·B + b)·X + j]}.
     *
     * @param values T·B·X finite values; not copied, must not change while in use
     * @param width  X
     */
    record Dense(double[] values, int width) implements Inputs {
        public Dense {
            if (width < 1) {
                throw new IllegalArgumentException("dense input: width must be ≥ 1, got " + width);
            }
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("dense input: the sequence is empty");
            }
            if (values.length % width != 0) {
                throw new IllegalArgumentException("dense input: " + values.length + " values are not a whole number of rows of width " + width);
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("dense input: value at row " + (i / width) + ", column " + (i % width)
                            + " is " + values[i] + "; inputs must be finite");
                }
            }
        }

        @Override
        public int rows() {
            return values.length / width;
        }
    }
}
