package io.rnnbench.core.arrays;

/**
 * Element-wise operations of {@link Backend} as plain loops over flat {@code double[]} storage, for the backends whose
 * library has no such operation (the fused backward forms, the optimizer update, the sigmoid loss): one
 * implementation of the loops, with the formulas and the order of operations of the SPI's javadoc. Every operand of a
 * call has the same shape and the same layout, so entry i of one array is entry i of the others whatever the layout
 * (row- or column-major). Shapes and aliasing are checked by the caller; the arrays hold exactly the entries.
 */
public final class ElementwiseLoops {
    private ElementwiseLoops() {
    }

    /** dx = dy ⊙ (1 − y²) ({@link Backend#tanhBackward}); dx may be dy. */
    public static void tanhBackward(double[] y, double[] dy, double[] dx) {
        for (int i = 0; i < y.length; i++) {
            double yi = y[i];
            dx[i] = dy[i] * (1.0 - yi * yi);
        }
    }

    /** dx = dy ⊙ y ⊙ (1 − y) ({@link Backend#sigmoidBackward}); dx may be dy. */
    public static void sigmoidBackward(double[] y, double[] dy, double[] dx) {
        for (int i = 0; i < y.length; i++) {
            double yi = y[i];
            dx[i] = dy[i] * yi * (1.0 - yi);
        }
    }

    /** out = a ⊙ b ({@link Backend#hadamard}); out may be a or b. */
    public static void hadamard(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
    }

    /** out += α · a ⊙ b ({@link Backend#addHadamard}); out is neither a nor b. */
    public static void addHadamard(double alpha, double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] += alpha * a[i] * b[i];
        }
    }

    /** x = min(max(x, lo), hi) ({@link Backend#clamp}). */
    public static void clamp(double[] x, double lo, double hi) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i], lo), hi);
        }
    }

    /** out += α · a / (√(b + εInside) + εOutside) ({@link Backend#addQuotientBySqrt}); out is neither a nor b. */
    public static void addQuotientBySqrt(double alpha, double[] a, double[] b, double epsInside, double epsOutside,
            double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] += alpha * a[i] / (Math.sqrt(b[i] + epsInside) + epsOutside);
        }
    }

    /**
     * L = Σ (max(z, 0) − z·y + log(1 + e<sup>−|z|</sup>)) and dz = scale · (σ(z) − y) with σ(z) = 1 / (1 + e<sup>−z</sup>)
     * ({@link Backend#sigmoidCrossEntropy}); dz may be z.
     *
     * @return L
     */
    public static double sigmoidCrossEntropy(double[] z, double[] y, double scale, double[] dz) {
        double loss = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            double yi = y[i];
            loss += Math.max(zi, 0.0) - zi * yi + Math.log1p(Math.exp(-Math.abs(zi)));
            dz[i] = scale * (1.0 / (1.0 + Math.exp(-zi)) - yi);
        }
        return loss;
    }
}
