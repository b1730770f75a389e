package io.rnnbench.backend.raw;

/**
 * The activation functions of the raw backend over whole arrays: with {@link TileKernel}, the part a variant of
 * the backend may replace. They are where an RNN's forward pass spends its time outside GEMM: JDK 17's
 * {@code Math.tanh} is fdlibm in Java, ≈ 40 ns per call here, its {@code Math.exp} ≈ 10 ns (DESIGN-NOTES.md §7).
 * An implementation must be deterministic: the same input gives the same bits, compiled or not. Shapes are
 * checked by the caller.
 */
public interface Activations {
    /** out[i] = tanh(x[i]) for from ≤ i &lt; to; out may be x. */
    void tanh(double[] x, double[] out, int from, int to);

    /** out[i] = σ(x[i]) = 1 / (1 + e<sup>−x[i]</sup>) for from ≤ i &lt; to (0 for x → −∞, 1 for x → +∞); out may be x. */
    void sigmoid(double[] x, double[] out, int from, int to);
}
