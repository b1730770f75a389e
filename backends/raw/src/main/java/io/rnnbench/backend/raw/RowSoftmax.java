package io.rnnbench.backend.raw;

/** The numerically stable softmax of one row, shared by {@code softmax} and {@code softmaxCrossEntropy}. */
final class RowSoftmax {
    private RowSoftmax() {
    }

    /**
     * p[from .. from+n) = exp(z − max z) / Σ exp(z − max z) over {@code z[from .. from+n)}, the exponentials by
     * {@code activations} (p may be z).
     *
     * @return log Σ exp(z) = max z + log Σ exp(z − max z), finite for any finite row
     */
    static double softmax(Activations activations, double[] z, int from, int n, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) {
            max = Math.max(max, z[j]);
        }
        for (int j = from; j < from + n; j++) {
            p[j] = z[j] - max;
        }
        activations.exp(p, p, from, n);
        double sum = 0;
        for (int j = from; j < from + n; j++) {
            sum += p[j];
        }
        double inverse = 1.0 / sum;
        for (int j = from; j < from + n; j++) {
            p[j] *= inverse;
        }
        return max + Math.log(sum);
    }
}
