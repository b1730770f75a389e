package io.rnnbench.backend.raw;

/** The numerically stable softmax of one row, shared by {@code softmax} and {@code softmaxCrossEntropy}. */
final class RowSoftmax {
    private RowSoftmax() {
    }

    /**
     * p[from .. from+n) = exp(z − max z) / Σ exp(z − max z) over {@code z[from .. from+n)}.
     *
     * @return log Σ exp(z) = max z + log Σ exp(z − max z), finite for any finite row
     */
    static double softmax(double[] z, int from, int n, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = from; j < from + n; j++) {
            double e = Math.exp(z[j] - max);
            p[j] = e;
            sum += e;
        }
        double inverse = 1.0 / sum;
        for (int j = from; j < from + n; j++) {
            p[j] *= inverse;
        }
        return max + Math.log(sum);
    }
}
