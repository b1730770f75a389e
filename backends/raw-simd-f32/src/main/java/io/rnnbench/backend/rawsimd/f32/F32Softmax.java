package io.rnnbench.backend.rawsimd.f32;

/** The numerically stable softmax of one row in float32, shared by {@code softmax} and {@code softmaxCrossEntropy}. */
final class F32Softmax {
    private F32Softmax() {
    }

    /**
     * p[from .. from+n) = exp(z − max z) / Σ exp(z − max z) over {@code z[from .. from+n)}; exp and log are
     * {@code Math}'s rounded to float, the rest float arithmetic.
     *
     * @return log Σ exp(z) = max z + log Σ exp(z − max z), finite for any finite row
     */
    static float row(float[] z, int from, int n, float[] p) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) {
            max = Math.max(max, z[j]);
        }
        float sum = 0;
        for (int j = from; j < from + n; j++) {
            float e = (float) Math.exp(z[j] - max);
            p[j] = e;
            sum += e;
        }
        float inverse = 1f / sum;
        for (int j = from; j < from + n; j++) {
            p[j] *= inverse;
        }
        return max + (float) Math.log(sum);
    }
}
