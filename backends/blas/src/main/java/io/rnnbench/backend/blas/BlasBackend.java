package io.rnnbench.backend.blas;

import dev.ludovic.netlib.blas.BLAS;
import io.rnnbench.core.arrays.ElementwiseLoops;
import io.rnnbench.core.arrays.RowMajorLstm;
import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Transpose;

import java.util.Arrays;

/**
 * The SPI on a BLAS: row-major {@link BlasMatrix} arrays handed to a column-major {@link BLAS} as their transposes,
 * never copied. Level 1 and 3 BLAS does what BLAS offers: {@code dgemm} for products, {@code daxpy} for axpy and
 * every row-wise addition (bias broadcast, column sums, scatter-add), {@code dcopy} for every copy (blocks, gathered
 * rows, the columns of a transpose), {@code dscal} for scaling and {@code ddot} for the sum of squares. BLAS has no
 * elementwise product, activation, clamp, quotient, softmax or loss, so those are plain loops with the formulas of
 * the raw backend ({@link ElementwiseLoops} where another backend needs the same loop), each said in its javadoc;
 * the fused LSTM step is {@link RowMajorLstm} with {@link Math#tanh} and 1 / (1 + exp(−x)).
 *
 * <p>Allocation: none per call besides {@link #zeros}, {@link #fromArray} and {@link #toArray}, and whatever the
 * BLAS implementation allocates inside a call. The backend keeps no scratch space.
 */
public final class BlasBackend implements Backend<BlasMatrix> {
    private final String name;
    private final BLAS blas;

    /**
     * @param name the registry name this backend reports
     * @param blas the BLAS every level-1 and level-3 operation goes through
     */
    BlasBackend(String name, BLAS blas) {
        this.name = name;
        this.blas = blas;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + " on " + blas.getClass().getSimpleName();
    }

    // ---- creation and the array boundary ----------------------------------------------------

    @Override
    public BlasMatrix zeros(int rows, int cols) {
        return new BlasMatrix(rows, cols);
    }

    @Override
    public BlasMatrix fromArray(int rows, int cols, double[] data) {
        Shapes.requireValidShape("matrix", rows, cols);
        Shapes.requireLength("fromArray", "data", data.length, Math.multiplyExact(rows, cols));
        BlasMatrix a = new BlasMatrix(rows, cols);
        System.arraycopy(data, 0, a.data, 0, data.length);
        return a;
    }

    @Override
    public void load(double[] data, BlasMatrix a) {
        Shapes.requireArrayLength("load", data, a.rows, a.cols);
        System.arraycopy(data, 0, a.data, 0, data.length);
    }

    @Override
    public double[] toArray(BlasMatrix a) {
        return a.data.clone();
    }

    @Override
    public int rows(BlasMatrix a) {
        return a.rows;
    }

    @Override
    public int cols(BlasMatrix a) {
        return a.cols;
    }

    // ---- data movement ----------------------------------------------------------------------

    @Override
    public void fill(BlasMatrix a, double value) {
        Arrays.fill(a.data, value);
    }

    /** One {@code dcopy} per row of the block. */
    @Override
    public void copyBlock(BlasMatrix src, int srcRow, int srcCol, BlasMatrix dst, int dstRow, int dstCol, int rows,
            int cols) {
        Shapes.requireBlock("src", src.rows, src.cols, srcRow, srcCol, rows, cols);
        Shapes.requireBlock("dst", dst.rows, dst.cols, dstRow, dstCol, rows, cols);
        requireDistinct("copyBlock", src, dst);
        for (int i = 0; i < rows; i++) {
            blas.dcopy(cols, src.data, (srcRow + i) * src.cols + srcCol, 1, dst.data, (dstRow + i) * dst.cols + dstCol, 1);
        }
    }

    /** One strided {@code dcopy} per row of {@code out}: column j of a (stride cols(a)) into row j of out. */
    @Override
    public void transpose(BlasMatrix a, BlasMatrix out) {
        Shapes.requireTranspose(a.rows, a.cols, out.rows, out.cols);
        requireDistinct("transpose", a, out);
        for (int j = 0; j < a.cols; j++) {
            blas.dcopy(a.rows, a.data, j, a.cols, out.data, j * out.cols, 1); // out[j, :] = a[:, j]   [1, m]
        }
    }

    /** One {@code dcopy} per gathered row. */
    @Override
    public void gatherRows(BlasMatrix table, int[] index, BlasMatrix out) {
        Shapes.requireShape("gatherRows", "out", out.rows, out.cols, index.length, table.cols);
        Shapes.requireIndices("gatherRows", index, table.rows);
        int n = table.cols;
        for (int i = 0; i < index.length; i++) {
            blas.dcopy(n, table.data, index[i] * n, 1, out.data, i * n, 1); // out[i, :] = table[index[i], :]   [1, n]
        }
    }

    /** One {@code daxpy} per row, in order. */
    @Override
    public void scatterAddRows(BlasMatrix src, int[] index, BlasMatrix table) {
        Shapes.requireShape("scatterAddRows", "src", src.rows, src.cols, index.length, table.cols);
        Shapes.requireIndices("scatterAddRows", index, table.rows);
        int n = table.cols;
        for (int i = 0; i < index.length; i++) {
            blas.daxpy(n, 1.0, src.data, i * n, 1, table.data, index[i] * n, 1); // table[index[i], :] += src[i, :]
        }
    }

    // ---- linear algebra ---------------------------------------------------------------------

    /**
     * One {@code dgemm} on the arrays as stored. A row-major {@code [r, c]} array is the column-major {@code [c, r]}
     * matrix of its transpose, so row-major C = α·op(A)·op(B) + β·C is column-major Cᵀ = α·op(B)ᵀ·op(A)ᵀ + β·Cᵀ: B
     * first with its own transpose flag, then A with its own, dimensions (n, m, k) and leading dimensions the
     * row lengths. With β = 0, BLAS does not read C.
     */
    @Override
    public void gemm(double alpha, BlasMatrix a, Transpose opA, BlasMatrix b, Transpose opB, double beta,
            BlasMatrix c) {
        Shapes.requireGemm(a.rows, a.cols, opA, b.rows, b.cols, opB, c.rows, c.cols);
        requireDistinct("gemm", a, c);
        requireDistinct("gemm", b, c);
        int m = c.rows;
        int n = c.cols;
        int k = opA == Transpose.N ? a.cols : a.rows;
        blas.dgemm(flag(opB), flag(opA), n, m, k, alpha, b.data, 0, b.cols, a.data, 0, a.cols, beta, c.data, 0, c.cols);
    }

    /** The BLAS transpose argument of an operand. */
    private static String flag(Transpose op) {
        return op == Transpose.N ? "N" : "T";
    }

    /** One {@code daxpy} per row: out[i, :] += bias. */
    @Override
    public void addRowVector(BlasMatrix bias, BlasMatrix out) {
        Shapes.requireShape("addRowVector", "bias", bias.rows, bias.cols, 1, out.cols);
        int n = out.cols;
        for (int i = 0; i < out.rows; i++) {
            blas.daxpy(n, 1.0, bias.data, 0, 1, out.data, i * n, 1);
        }
    }

    /** One {@code daxpy} per row of a, in order: out += a[i, :]. */
    @Override
    public void addColumnSums(BlasMatrix a, BlasMatrix out) {
        Shapes.requireShape("addColumnSums", "out", out.rows, out.cols, 1, a.cols);
        int n = a.cols;
        for (int i = 0; i < a.rows; i++) {
            blas.daxpy(n, 1.0, a.data, i * n, 1, out.data, 0, 1);
        }
    }

    // ---- elementwise ------------------------------------------------------------------------

    /** Plain loop: BLAS has no activation. */
    @Override
    public void tanh(BlasMatrix x, BlasMatrix out) {
        requireSame("tanh", x, out);
        tanh(x.data, out.data, 0, x.data.length);
    }

    /** Plain loop: BLAS has no activation. */
    @Override
    public void sigmoid(BlasMatrix x, BlasMatrix out) {
        requireSame("sigmoid", x, out);
        sigmoid(x.data, out.data, 0, x.data.length);
    }

    /** out[i] = tanh(x[i]) for from ≤ i &lt; to; the {@link RowMajorLstm.RangeFunction} of {@link #tanh}. */
    private static void tanh(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.tanh(x[i]);
        }
    }

    /** out[i] = 1 / (1 + e<sup>−x[i]</sup>) for from ≤ i &lt; to; the {@link RowMajorLstm.RangeFunction} of σ. */
    private static void sigmoid(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = 1.0 / (1.0 + Math.exp(-x[i]));
        }
    }

    /** Plain loop: BLAS has no elementwise product. */
    @Override
    public void tanhBackward(BlasMatrix y, BlasMatrix dy, BlasMatrix dx) {
        requireSame("tanhBackward", y, dy);
        requireSame("tanhBackward", y, dx);
        ElementwiseLoops.tanhBackward(y.data, dy.data, dx.data);
    }

    /** Plain loop: BLAS has no elementwise product. */
    @Override
    public void sigmoidBackward(BlasMatrix y, BlasMatrix dy, BlasMatrix dx) {
        requireSame("sigmoidBackward", y, dy);
        requireSame("sigmoidBackward", y, dx);
        ElementwiseLoops.sigmoidBackward(y.data, dy.data, dx.data);
    }

    /** Plain loop: BLAS has no elementwise product. */
    @Override
    public void hadamard(BlasMatrix a, BlasMatrix b, BlasMatrix out) {
        requireSame("hadamard", a, b);
        requireSame("hadamard", a, out);
        ElementwiseLoops.hadamard(a.data, b.data, out.data);
    }

    /** Plain loop: BLAS has no elementwise product. */
    @Override
    public void addHadamard(double alpha, BlasMatrix a, BlasMatrix b, BlasMatrix out) {
        requireSame("addHadamard", a, b);
        requireSame("addHadamard", a, out);
        requireDistinct("addHadamard", a, out);
        requireDistinct("addHadamard", b, out);
        ElementwiseLoops.addHadamard(alpha, a.data, b.data, out.data);
    }

    /** {@code daxpy} over all entries. */
    @Override
    public void axpy(double alpha, BlasMatrix x, BlasMatrix y) {
        requireSame("axpy", x, y);
        blas.daxpy(x.data.length, alpha, x.data, 0, 1, y.data, 0, 1);
    }

    /** {@code dscal} over all entries. */
    @Override
    public void scale(double alpha, BlasMatrix x) {
        blas.dscal(x.data.length, alpha, x.data, 0, 1);
    }

    /** Plain loop: BLAS has no clamp. */
    @Override
    public void clamp(BlasMatrix x, double lo, double hi) {
        ElementwiseLoops.clamp(x.data, lo, hi);
    }

    /** Plain loop: BLAS has no elementwise quotient or square root. */
    @Override
    public void addQuotientBySqrt(double alpha, BlasMatrix a, BlasMatrix b, double epsInside, double epsOutside,
            BlasMatrix out) {
        requireSame("addQuotientBySqrt", a, b);
        requireSame("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", b, out);
        ElementwiseLoops.addQuotientBySqrt(alpha, a.data, b.data, epsInside, epsOutside, out.data);
    }

    // ---- the LSTM cell's element-wise work, fused ----------------------------------------------

    /** {@link RowMajorLstm#forward}: BLAS has no elementwise operation. */
    @Override
    public void lstmForward(BlasMatrix z, BlasMatrix cPrev, BlasMatrix gates, BlasMatrix c, BlasMatrix tanhC,
            BlasMatrix h) {
        Shapes.requireLstmForward(this, z, cPrev, gates, c, tanhC, h);
        RowMajorLstm.forward(z.data, cPrev.data, gates.data, c.data, tanhC.data, h.data, z.rows, cPrev.cols,
                BlasBackend::sigmoid, BlasBackend::tanh);
    }

    /** {@link RowMajorLstm#backward}: BLAS has no elementwise operation. */
    @Override
    public void lstmBackward(BlasMatrix gates, BlasMatrix cPrev, BlasMatrix tanhC, BlasMatrix dh, BlasMatrix dc,
            BlasMatrix dz) {
        Shapes.requireLstmBackward(this, gates, cPrev, tanhC, dh, dc, dz);
        RowMajorLstm.backward(gates.data, cPrev.data, tanhC.data, dh.data, dc.data, dz.data, gates.rows, cPrev.cols);
    }

    // ---- reductions and losses ----------------------------------------------------------------

    /**
     * {@code ddot(a, a)}, Σ a<sub>ij</sub>·a<sub>ij</sub>. Not {@code dnrm2}², which scales every entry to avoid
     * overflow: a different formula.
     */
    @Override
    public double sumOfSquares(BlasMatrix a) {
        return blas.ddot(a.data.length, a.data, 0, 1, a.data, 0, 1);
    }

    /** {@link #softmaxRow} per row. */
    @Override
    public void softmax(BlasMatrix z, BlasMatrix p) {
        requireSame("softmax", z, p);
        for (int i = 0; i < z.rows; i++) {
            softmaxRow(z.data, i * z.cols, z.cols, p.data);
        }
    }

    /** {@link #softmaxRow} per row, a plain loop for the loss and the one-hot subtraction, then {@code dscal}. */
    @Override
    public double softmaxCrossEntropy(BlasMatrix z, int[] target, double scale, BlasMatrix dz) {
        requireSame("softmaxCrossEntropy", z, dz);
        Shapes.requireLength("softmaxCrossEntropy", "target", target.length, z.rows);
        Shapes.requireIndices("softmaxCrossEntropy", target, z.cols);
        double loss = 0;
        for (int i = 0; i < z.rows; i++) {
            int row = i * z.cols;
            double zTarget = z.data[row + target[i]]; // read before dz, which may be z, is written
            loss += softmaxRow(z.data, row, z.cols, dz.data) - zTarget;
            dz.data[row + target[i]] -= 1.0; // dz = softmax(z) − onehot(target)
        }
        blas.dscal(dz.data.length, scale, dz.data, 0, 1);
        return loss;
    }

    /** Plain loop: BLAS has none of exp, log1p or max. */
    @Override
    public double sigmoidCrossEntropy(BlasMatrix z, BlasMatrix y, double scale, BlasMatrix dz) {
        requireSame("sigmoidCrossEntropy", z, y);
        requireSame("sigmoidCrossEntropy", z, dz);
        return ElementwiseLoops.sigmoidCrossEntropy(z.data, y.data, scale, dz.data);
    }

    /**
     * p[from .. from+n) = exp(z − max z) / Σ exp(z − max z) over {@code z[from .. from+n)}; p may be z. The max
     * and the exponentials are a plain loop (BLAS has neither), the division one {@code dscal} by 1 / Σ.
     *
     * @return log Σ exp(z) = max z + log Σ exp(z − max z), finite for any finite row
     */
    private double softmaxRow(double[] z, int from, int n, double[] p) {
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
        blas.dscal(n, 1.0 / sum, p, from, 1); // p = e / Σ e
        return max + Math.log(sum);
    }

    private static void requireSame(String op, BlasMatrix a, BlasMatrix b) {
        Shapes.requireSameShape(op, "first operand", a.rows, a.cols, "second operand", b.rows, b.cols);
    }

    private static void requireDistinct(String op, BlasMatrix in, BlasMatrix out) {
        if (in == out) {
            throw new IllegalArgumentException(op + ": the output must not be the same matrix as an input");
        }
    }
}
