package io.rnnbench.backend.rawsimd.f32;

/**
 * The element-wise operations and reductions of the SPI over float arrays, in float32 (scalars that cross the SPI as
 * double are rounded to float once per call), with the formulas and the order of operations of the SPI's javadoc.
 * Plain unit-stride loops, which C2 vectorizes; each entry is exact-rounded float arithmetic, so its bits do not
 * depend on whether a loop runs vectorized. Every operand of a call has the same shape; shapes and aliasing are
 * checked by the caller.
 */
final class F32Elementwise {
    private F32Elementwise() {
    }

    /** dx = dy ⊙ (1 − y²); dx may be dy. */
    static void tanhBackward(float[] y, float[] dy, float[] dx) {
        for (int i = 0; i < y.length; i++) {
            float yi = y[i];
            dx[i] = dy[i] * (1f - yi * yi);
        }
    }

    /** dx = dy ⊙ y ⊙ (1 − y); dx may be dy. */
    static void sigmoidBackward(float[] y, float[] dy, float[] dx) {
        for (int i = 0; i < y.length; i++) {
            float yi = y[i];
            dx[i] = dy[i] * yi * (1f - yi);
        }
    }

    /** out = a ⊙ b; out may be a or b. */
    static void hadamard(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
    }

    /** out += α · a ⊙ b; out is neither a nor b. */
    static void addHadamard(float alpha, float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] += alpha * a[i] * b[i];
        }
    }

    /** y += α · x. */
    static void axpy(float alpha, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** x = α · x. */
    static void scale(float alpha, float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /** x = min(max(x, lo), hi). */
    static void clamp(float[] x, float lo, float hi) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i], lo), hi);
        }
    }

    /**
     * out += α · a / (√(b + εInside) + εOutside); out is neither a nor b. The float square root is the double one
     * rounded to float, which is the correctly rounded float square root (53 ≥ 2·24 + 2 bits).
     */
    static void addQuotientBySqrt(float alpha, float[] a, float[] b, float epsInside, float epsOutside, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] += alpha * a[i] / ((float) Math.sqrt(b[i] + epsInside) + epsOutside);
        }
    }

    /** Σ x², in float32 with four independent running sums (one sum would wait out the add latency per entry). */
    static float sumOfSquares(float[] x) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < x.length; i += 4) {
            s0 = Math.fma(x[i], x[i], s0);
            s1 = Math.fma(x[i + 1], x[i + 1], s1);
            s2 = Math.fma(x[i + 2], x[i + 2], s2);
            s3 = Math.fma(x[i + 3], x[i + 3], s3);
        }
        for (; i < x.length; i++) {
            s0 = Math.fma(x[i], x[i], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * L = Σ (max(z, 0) − z·y + log(1 + e<sup>−|z|</sup>)) and dz = scale · (σ(z) − y), σ(z) = 1 / (1 + e<sup>−z</sup>);
     * dz may be z. exp and log1p are {@code Math}'s rounded to float.
     *
     * @return L, summed in float
     */
    static float sigmoidCrossEntropy(float[] z, float[] y, float scale, float[] dz) {
        float loss = 0;
        for (int i = 0; i < z.length; i++) {
            float zi = z[i];
            float yi = y[i];
            loss += Math.max(zi, 0f) - zi * yi + (float) Math.log1p((float) Math.exp(-Math.abs(zi)));
            dz[i] = scale * (1f / (1f + (float) Math.exp(-zi)) - yi);
        }
        return loss;
    }
}
