package io.rnnbench.core.spi;

/**
 * The primitive operations the RNN/LSTM core needs, implemented once per linear-algebra library.
 *
 * <p>{@code M} is the backend's own matrix type (our {@code double[]} with a shape, EJML's
 * {@code DMatrixRMaj}, a Commons Math {@code RealMatrix} holder); the core never looks inside it and
 * converts to or from {@code double[]} only at the boundary ({@link #fromArray}, {@link #toArray}).
 * Matrices are two-dimensional, {@code [rows, cols]}, row-major; a vector is a {@code [1, n]} matrix.
 *
 * <p>Contract of every method: each argument is documented as <b>Modified</b> or <b>Not modified</b>;
 * the written argument comes last (BLAS order); shapes are checked and a mismatch throws
 * {@link IllegalArgumentException} naming both shapes (see {@link io.rnnbench.core.shape.Shapes}). Unless a method says
 * otherwise, an output may be the same object as an input of the same shape (elementwise methods),
 * and must not be for {@link #gemm}. Implementations keep no state between calls besides scratch
 * space, and never allocate in the per-timestep path when the library allows it.
 */
public interface Backend<M> {

    /** The registry name: {@code raw}, {@code ejml}, {@code commons-math}, or a user's own. */
    String name();

    // ---- creation and the array boundary ----------------------------------------------------

    /** A new {@code [rows, cols]} matrix of zeros; rows and cols must be ≥ 1. */
    M zeros(int rows, int cols);

    /**
     * A new {@code [rows, cols]} matrix holding {@code data} in row-major order. Boundary only.
     *
     * @param data {@code rows·cols} values, row-major. Not modified (copied).
     */
    M fromArray(int rows, int cols, double[] data);

    /**
     * a = data, row-major, into an existing matrix: the array boundary without allocation (each batch's dense
     * inputs and binary targets enter this way).
     *
     * @param data {@code rows(a)·cols(a)} values, row-major. Not modified.
     * @param a    Modified.
     */
    void load(double[] data, M a);

    /** The entries of {@code a} as a new row-major array. Boundary only. a: Not modified. */
    double[] toArray(M a);

    /** Number of rows of {@code a}. */
    int rows(M a);

    /** Number of columns of {@code a}. */
    int cols(M a);

    // ---- data movement ----------------------------------------------------------------------

    /**
     * a<sub>ij</sub> = value for every entry.
     *
     * @param a Modified.
     */
    void fill(M a, double value);

    /**
     * dst[dstRow + i, dstCol + j] = src[srcRow + i, srcCol + j] for i &lt; rows, j &lt; cols.
     * Used to take timestep t's rows out of a {@code [T·B, n]} sequence matrix and to split the fused
     * LSTM gate block {@code [B, 4H]} into its four {@code [B, H]} gates.
     *
     * @param src Not modified.
     * @param dst Modified (only the block). Must not be {@code src}.
     */
    void copyBlock(M src, int srcRow, int srcCol, M dst, int dstRow, int dstCol, int rows, int cols);

    /**
     * out = aᵀ: out<sub>ji</sub> = a<sub>ij</sub>. The core transposes W_h once per backward pass so that the
     * per-step dh<sub>t−1</sub> = dZ<sub>t</sub>·W_hᵀ is a plain (N, N) product.
     *
     * @param a   {@code [m, n]}. Not modified.
     * @param out {@code [n, m]}. Modified. Must not be {@code a}.
     */
    void transpose(M a, M out);

    /**
     * out[i, :] = table[index[i], :]: a row gather, the product of a one-hot matrix and {@code table}
     * without the dense GEMM.
     *
     * @param table {@code [V, n]}. Not modified.
     * @param index {@code m} row numbers in {@code [0, V)}. Not modified.
     * @param out   {@code [m, n]}. Modified.
     */
    void gatherRows(M table, int[] index, M out);

    /**
     * table[index[i], :] += src[i, :] for every i in order (repeated indices accumulate): the
     * gradient of {@link #gatherRows}, touching only the rows that were gathered.
     *
     * @param src   {@code [m, n]}. Not modified.
     * @param index {@code m} row numbers in {@code [0, V)}. Not modified.
     * @param table {@code [V, n]}. Modified.
     */
    void scatterAddRows(M src, int[] index, M table);

    // ---- linear algebra ---------------------------------------------------------------------

    /**
     * C = α·op(A)·op(B) + β·C with op(A) {@code [m, k]}, op(B) {@code [k, n]}, C {@code [m, n]}.
     * With β = 0, C's previous content is ignored (even NaN).
     *
     * @param a Not modified.
     * @param b Not modified.
     * @param c Modified. Must be neither {@code a} nor {@code b}.
     */
    void gemm(double alpha, M a, Transpose opA, M b, Transpose opB, double beta, M c);

    /**
     * out[i, :] += bias[0, :] for every row i (bias broadcast over the batch).
     *
     * @param bias {@code [1, n]}. Not modified.
     * @param out  {@code [m, n]}. Modified.
     */
    void addRowVector(M bias, M out);

    /**
     * out[0, j] += Σ<sub>i</sub> a[i, j]: column sums, the gradient of {@link #addRowVector}.
     *
     * @param a   {@code [m, n]}. Not modified.
     * @param out {@code [1, n]}. Modified.
     */
    void addColumnSums(M a, M out);

    // ---- elementwise ------------------------------------------------------------------------

    /** out = tanh(x), elementwise. x: Not modified. out: Modified; same shape; may be x. */
    void tanh(M x, M out);

    /** out = σ(x) = 1 / (1 + e<sup>−x</sup>), elementwise. x: Not modified. out: Modified; may be x. */
    void sigmoid(M x, M out);

    /**
     * dx = dy ⊙ (1 − y²): the gradient through y = tanh(x), from the saved output y.
     *
     * @param y  Not modified.
     * @param dy Not modified.
     * @param dx Modified; same shape; may be {@code dy}.
     */
    void tanhBackward(M y, M dy, M dx);

    /**
     * dx = dy ⊙ y ⊙ (1 − y): the gradient through y = σ(x), from the saved output y.
     *
     * @param y  Not modified.
     * @param dy Not modified.
     * @param dx Modified; same shape; may be {@code dy}.
     */
    void sigmoidBackward(M y, M dy, M dx);

    /** out = a ⊙ b (Hadamard product). a, b: Not modified. out: Modified; same shape; may be a or b. */
    void hadamard(M a, M b, M out);

    /** out += α · a ⊙ b. a, b: Not modified. out: Modified; same shape; must be neither a nor b. */
    void addHadamard(double alpha, M a, M b, M out);

    /** y += α · x (BLAS axpy). x: Not modified. y: Modified; same shape. */
    void axpy(double alpha, M x, M y);

    /** x = α · x. x: Modified. */
    void scale(double alpha, M x);

    /** x = min(max(x, lo), hi), elementwise (gradient clipping by value). x: Modified. */
    void clamp(M x, double lo, double hi);

    /**
     * out += α · a / (√(b + εInside) + εOutside), elementwise: the update of Adagrad
     * (α = −lr, a = g, b = Σg², εInside = 1e−8, εOutside = 0, as in the seeds) and of Adam
     * (α = −lr<sub>t</sub>, a = m, b = v, εInside = 0, εOutside = ε).
     *
     * @param a   Not modified.
     * @param b   Not modified; entries must be ≥ −εInside.
     * @param out Modified; same shape; must be neither a nor b.
     */
    void addQuotientBySqrt(double alpha, M a, M b, double epsInside, double epsOutside, M out);

    // ---- the LSTM cell's element-wise work, fused ----------------------------------------------

    /**
     * The element-wise part of an LSTM step in one call, gate blocks i | f | g | o of H columns each (PyTorch's
     * order), from the pre-activations z = x<sub>t</sub>·W<sub>x</sub> + h<sub>t−1</sub>·W<sub>h</sub> + b:
     * <pre>
     * gates = [σ(z_i) | σ(z_f) | tanh(z_g) | σ(z_o)] = [i | f | g | o]
     * c     = f ⊙ cPrev + i ⊙ g
     * tanhC = tanh(c)
     * h     = o ⊙ tanhC
     * </pre>
     * The same arithmetic as the primitives it replaces (split, {@link #sigmoid} ×3, {@link #tanh} ×2,
     * {@link #hadamard}, {@link #addHadamard}: twelve calls), in the same order, so that each entry is computed as
     * they compute it; one call keeps a step's small matrices in cache instead of passing over them twelve times.
     *
     * @param z     {@code [B, 4H]} pre-activations. Not modified, unless it is {@code gates}.
     * @param cPrev {@code [B, H]} c<sub>t−1</sub>. Not modified.
     * @param gates {@code [B, 4H]} the activated gates, which {@link #lstmBackward} needs. Modified; may be {@code z}.
     * @param c     {@code [B, H]} c<sub>t</sub>. Modified.
     * @param tanhC {@code [B, H]} tanh(c<sub>t</sub>), which {@link #lstmBackward} needs. Modified.
     * @param h     {@code [B, H]} h<sub>t</sub>. Modified. cPrev, c, tanhC and h must be four different matrices.
     */
    void lstmForward(M z, M cPrev, M gates, M c, M tanhC, M h);

    /**
     * The gradient through {@link #lstmForward} for one step, from dh = ∂L/∂h<sub>t</sub> and dc = ∂L/∂c<sub>t</sub>
     * as far as later steps carry it:
     * <pre>
     * dc  += dh ⊙ o ⊙ (1 − tanhC²)
     * dz   = [dc ⊙ g ⊙ i(1 − i) | dc ⊙ cPrev ⊙ f(1 − f) | dc ⊙ i ⊙ (1 − g²) | dh ⊙ tanhC ⊙ o(1 − o)]
     * dc  ← dc ⊙ f                              ∂L/∂c_{t−1}, carried to step t−1
     * </pre>
     * The same arithmetic as the primitives it replaces ({@link #hadamard}, {@link #tanhBackward},
     * {@link #sigmoidBackward}, {@link #axpy} and a copy into each gate block), in the same order.
     *
     * @param gates {@code [B, 4H]} i | f | g | o from {@link #lstmForward}. Not modified.
     * @param cPrev {@code [B, H]} c<sub>t−1</sub>. Not modified.
     * @param tanhC {@code [B, H]} tanh(c<sub>t</sub>). Not modified.
     * @param dh    {@code [B, H]} ∂L/∂h<sub>t</sub>. Not modified.
     * @param dc    {@code [B, H]} in: ∂L/∂c<sub>t</sub> from step t+1; out: ∂L/∂c<sub>t−1</sub>. Modified.
     *              cPrev, tanhC, dh and dc must be four different matrices.
     * @param dz    {@code [B, 4H]} ∂L/∂z. Modified; must not be {@code gates}.
     */
    void lstmBackward(M gates, M cPrev, M tanhC, M dh, M dc, M dz);

    // ---- reductions and losses ----------------------------------------------------------------

    /** Σ a<sub>ij</sub>² (for global-norm clipping; NaN or ∞ when an entry is). a: Not modified. */
    double sumOfSquares(M a);

    /**
     * p[i, :] = softmax(z[i, :]) = exp(z[i, :] − max<sub>j</sub> z[i, j]) / Σ<sub>j</sub> exp(…), row by row,
     * without overflow for any finite z.
     *
     * @param z {@code [m, V]} logits. Not modified.
     * @param p {@code [m, V]}. Modified; may be z.
     */
    void softmax(M z, M p);

    /**
     * Softmax cross-entropy of each row's logits against its target class, and its gradient.
     * Returns L = Σ<sub>i</sub> (logΣ<sub>j</sub> exp z[i, j] − z[i, target[i]]) computed with the
     * log-sum-exp shift (finite for any finite z, also at |z| ~ 1e4), and writes
     * dz = scale · (softmax(z) − onehot(target)).
     *
     * @param z      {@code [m, V]} logits. Not modified.
     * @param target {@code m} classes in {@code [0, V)}. Not modified.
     * @param dz     {@code [m, V]}. Modified; may be z.
     */
    double softmaxCrossEntropy(M z, int[] target, double scale, M dz);

    /**
     * Binary cross-entropy of σ(z) against targets y ∈ [0, 1], and its gradient. Returns
     * L = Σ<sub>ij</sub> (max(z, 0) − z·y + log(1 + e<sup>−|z|</sup>)) (stable for any finite z), and writes
     * dz = scale · (σ(z) − y).
     *
     * @param z  {@code [m, n]} logits. Not modified.
     * @param y  {@code [m, n]} targets. Not modified.
     * @param dz {@code [m, n]}. Modified; may be z.
     */
    double sigmoidCrossEntropy(M z, M y, double scale, M dz);
}
