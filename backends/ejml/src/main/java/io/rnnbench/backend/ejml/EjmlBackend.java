package io.rnnbench.backend.ejml;

import io.rnnbench.core.arrays.ElementwiseLoops;
import io.rnnbench.core.arrays.RowMajorLstm;
import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Transpose;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.ejml.ops.DOperatorUnary;

import java.util.Arrays;

/**
 * The SPI on EJML: {@link DMatrixRMaj} and {@link CommonOps_DDRM}'s output-argument operations on matrices the
 * caller allocated once. Products go through {@link EjmlProducts} (single- or multi-threaded EJML); elementwise
 * operations use EJML where it has the operation ({@code apply}, {@code elementMult}, {@code elementExp},
 * {@code addEquals}, {@code scale}, {@code maxRows}/{@code sumRows}/{@code divideRows}, {@code sumCols},
 * {@code extract}) and a plain loop over {@code getData()} where it has none (fused and broadcast operations,
 * clamp, the losses), each said in its javadoc. The formulas are the raw backend's; results may differ from raw in
 * the last bits where the order of operations does (EJML's product kernels, column sums added to {@code out} as one
 * sum, softmax dividing by Σ where raw multiplies by 1/Σ).
 *
 * <p>Matrices are those made by {@link #zeros} and {@link #fromArray}: exactly sized ({@code data.length} =
 * rows·cols) and never reshaped here. That matters for {@code CommonOps_DDRM.apply}, which iterates over the
 * input's whole {@code data} array rather than {@code getNumElements()}.
 *
 * <p>Allocation: none per call besides {@link #zeros}, {@link #fromArray}, {@link #toArray}, what EJML allocates
 * inside a product (see {@link EjmlProducts}) and the one-off growth of the scratch columns below. Not thread-safe:
 * the scratch space belongs to one backend instance.
 */
public final class EjmlBackend implements Backend<DMatrixRMaj> {
    /** tanh(x). */
    private static final DOperatorUnary TANH = Math::tanh;
    /** σ(x) = 1 / (1 + e<sup>−x</sup>). */
    private static final DOperatorUnary SIGMOID = x -> 1.0 / (1.0 + Math.exp(-x));
    /** {@link #TANH} and {@link #SIGMOID} over a range of an array, for {@link RowMajorLstm}. */
    private static final RowMajorLstm.RangeFunction TANH_RANGE = (x, out, from, to) -> {
        for (int i = from; i < to; i++) {
            out[i] = TANH.apply(x[i]);
        }
    };
    private static final RowMajorLstm.RangeFunction SIGMOID_RANGE = (x, out, from, to) -> {
        for (int i = from; i < to; i++) {
            out[i] = SIGMOID.apply(x[i]);
        }
    };

    private final String name;
    private final EjmlProducts products;

    // Scratch, grown by EJML's reshape (storage only grows) and overwritten by every call that uses it.
    /** max<sub>j</sub> z[i, j] per row, {@code [m, 1]}. */
    private final DMatrixRMaj rowMax = new DMatrixRMaj(1, 1);
    /** Σ<sub>j</sub> exp(z[i, j] − max) per row, {@code [m, 1]}. */
    private final DMatrixRMaj rowSum = new DMatrixRMaj(1, 1);
    /** z[i, target[i]] per row, {@code [m, 1]}, read before dz (which may be z) is written. */
    private final DMatrixRMaj targetLogit = new DMatrixRMaj(1, 1);
    /** Σ<sub>i</sub> a[i, j], {@code [1, n]}. */
    private final DMatrixRMaj columnSums = new DMatrixRMaj(1, 1);

    /**
     * @param name     the registry name this backend reports
     * @param products the EJML product calls behind {@link #gemm}
     */
    EjmlBackend(String name, EjmlProducts products) {
        this.name = name;
        this.products = products;
    }

    @Override
    public String name() {
        return name;
    }

    // ---- creation and the array boundary ----------------------------------------------------

    @Override
    public DMatrixRMaj zeros(int rows, int cols) {
        Shapes.requireValidShape("matrix", rows, cols);
        return new DMatrixRMaj(rows, cols);
    }

    @Override
    public DMatrixRMaj fromArray(int rows, int cols, double[] data) {
        Shapes.requireValidShape("matrix", rows, cols);
        Shapes.requireLength("fromArray", "data", data.length, Math.multiplyExact(rows, cols));
        return new DMatrixRMaj(rows, cols, true, data);
    }

    @Override
    public void load(double[] data, DMatrixRMaj a) {
        Shapes.requireArrayLength("load", data, a.numRows, a.numCols);
        a.set(a.numRows, a.numCols, true, data); // same shape: no reshape, one arraycopy
    }

    @Override
    public double[] toArray(DMatrixRMaj a) {
        return Arrays.copyOf(a.getData(), a.getNumElements());
    }

    @Override
    public int rows(DMatrixRMaj a) {
        return a.numRows;
    }

    @Override
    public int cols(DMatrixRMaj a) {
        return a.numCols;
    }

    // ---- data movement ----------------------------------------------------------------------

    @Override
    public void fill(DMatrixRMaj a, double value) {
        CommonOps_DDRM.fill(a, value);
    }

    @Override
    public void copyBlock(DMatrixRMaj src, int srcRow, int srcCol, DMatrixRMaj dst, int dstRow, int dstCol, int rows,
            int cols) {
        Shapes.requireBlock("src", src.numRows, src.numCols, srcRow, srcCol, rows, cols);
        Shapes.requireBlock("dst", dst.numRows, dst.numCols, dstRow, dstCol, rows, cols);
        requireDistinct("copyBlock", src, dst);
        CommonOps_DDRM.extract(src, srcRow, srcRow + rows, srcCol, srcCol + cols, dst, dstRow, dstCol);
    }

    @Override
    public void transpose(DMatrixRMaj a, DMatrixRMaj out) {
        Shapes.requireTranspose(a.numRows, a.numCols, out.numRows, out.numCols);
        requireDistinct("transpose", a, out);
        CommonOps_DDRM.transpose(a, out);
    }

    /** One {@code CommonOps_DDRM.extract} of a {@code [1, n]} block per gathered row. */
    @Override
    public void gatherRows(DMatrixRMaj table, int[] index, DMatrixRMaj out) {
        Shapes.requireShape("gatherRows", "out", out.numRows, out.numCols, index.length, table.numCols);
        Shapes.requireIndices("gatherRows", index, table.numRows);
        for (int i = 0; i < index.length; i++) {
            CommonOps_DDRM.extract(table, index[i], index[i] + 1, 0, table.numCols, out, i, 0);
        }
    }

    /** Plain loop: EJML has no indexed row accumulation. */
    @Override
    public void scatterAddRows(DMatrixRMaj src, int[] index, DMatrixRMaj table) {
        Shapes.requireShape("scatterAddRows", "src", src.numRows, src.numCols, index.length, table.numCols);
        Shapes.requireIndices("scatterAddRows", index, table.numRows);
        int n = table.numCols;
        double[] s = src.getData();
        double[] t = table.getData();
        for (int i = 0; i < index.length; i++) {
            int srcRow = i * n;
            int tableRow = index[i] * n;
            for (int j = 0; j < n; j++) {
                t[tableRow + j] += s[srcRow + j];
            }
        }
    }

    // ---- linear algebra ---------------------------------------------------------------------

    /**
     * β = 0: EJML's overwriting product ({@code mult}, {@code multTransA}, {@code multTransB}, {@code multTransAB}),
     * which never reads C. Otherwise C = β·C by {@code scale} (skipped for β = 1), then EJML's accumulating product
     * ({@code multAdd}, {@code multAddTransA}, {@code multAddTransB}, {@code multAddTransAB}). Every case is one EJML
     * call on the operands as stored; none copies a transpose.
     */
    @Override
    public void gemm(double alpha, DMatrixRMaj a, Transpose opA, DMatrixRMaj b, Transpose opB, double beta,
            DMatrixRMaj c) {
        Shapes.requireGemm(a.numRows, a.numCols, opA, b.numRows, b.numCols, opB, c.numRows, c.numCols);
        requireDistinct("gemm", a, c);
        requireDistinct("gemm", b, c);
        if (beta == 0.0) {
            products.overwrite(opA, opB).apply(alpha, a, b, c);
            return;
        }
        if (beta != 1.0) {
            CommonOps_DDRM.scale(beta, c);
        }
        products.accumulate(opA, opB).apply(alpha, a, b, c);
    }

    /** Plain loop: EJML has no row-vector broadcast. */
    @Override
    public void addRowVector(DMatrixRMaj bias, DMatrixRMaj out) {
        Shapes.requireShape("addRowVector", "bias", bias.numRows, bias.numCols, 1, out.numCols);
        int n = out.numCols;
        double[] b = bias.getData();
        double[] o = out.getData();
        for (int i = 0; i < out.numRows; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                o[row + j] += b[j];
            }
        }
    }

    /** {@code sumCols} into a scratch row, then {@code addEquals}. */
    @Override
    public void addColumnSums(DMatrixRMaj a, DMatrixRMaj out) {
        Shapes.requireShape("addColumnSums", "out", out.numRows, out.numCols, 1, a.numCols);
        CommonOps_DDRM.sumCols(a, columnSums); // [1, n]
        CommonOps_DDRM.addEquals(out, columnSums);
    }

    // ---- elementwise ------------------------------------------------------------------------

    /** {@code CommonOps_DDRM.apply} with {@link Math#tanh}. */
    @Override
    public void tanh(DMatrixRMaj x, DMatrixRMaj out) {
        requireSame("tanh", x, out);
        CommonOps_DDRM.apply(x, TANH, out);
    }

    /** {@code CommonOps_DDRM.apply} with 1 / (1 + exp(−x)). */
    @Override
    public void sigmoid(DMatrixRMaj x, DMatrixRMaj out) {
        requireSame("sigmoid", x, out);
        CommonOps_DDRM.apply(x, SIGMOID, out);
    }

    /** {@link ElementwiseLoops}: EJML has no fused elementwise operation of two matrices. */
    @Override
    public void tanhBackward(DMatrixRMaj y, DMatrixRMaj dy, DMatrixRMaj dx) {
        requireSame("tanhBackward", y, dy);
        requireSame("tanhBackward", y, dx);
        ElementwiseLoops.tanhBackward(y.getData(), dy.getData(), dx.getData());
    }

    /** {@link ElementwiseLoops}: EJML has no fused elementwise operation of two matrices. */
    @Override
    public void sigmoidBackward(DMatrixRMaj y, DMatrixRMaj dy, DMatrixRMaj dx) {
        requireSame("sigmoidBackward", y, dy);
        requireSame("sigmoidBackward", y, dx);
        ElementwiseLoops.sigmoidBackward(y.getData(), dy.getData(), dx.getData());
    }

    /** {@code CommonOps_DDRM.elementMult}. */
    @Override
    public void hadamard(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        requireSame("hadamard", a, b);
        requireSame("hadamard", a, out);
        CommonOps_DDRM.elementMult(a, b, out);
    }

    /** {@link ElementwiseLoops}: EJML's {@code elementMult} + {@code addEquals} would need a scratch matrix and two passes. */
    @Override
    public void addHadamard(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        requireSame("addHadamard", a, b);
        requireSame("addHadamard", a, out);
        requireDistinct("addHadamard", a, out);
        requireDistinct("addHadamard", b, out);
        ElementwiseLoops.addHadamard(alpha, a.getData(), b.getData(), out.getData());
    }

    /** {@code CommonOps_DDRM.addEquals(y, α, x)}. */
    @Override
    public void axpy(double alpha, DMatrixRMaj x, DMatrixRMaj y) {
        requireSame("axpy", x, y);
        CommonOps_DDRM.addEquals(y, alpha, x);
    }

    /** {@code CommonOps_DDRM.scale}. */
    @Override
    public void scale(double alpha, DMatrixRMaj x) {
        CommonOps_DDRM.scale(alpha, x);
    }

    /** {@link ElementwiseLoops}: EJML has no elementwise clamp, and {@code apply} would need a lambda capturing lo and hi. */
    @Override
    public void clamp(DMatrixRMaj x, double lo, double hi) {
        ElementwiseLoops.clamp(x.getData(), lo, hi);
    }

    /** {@link ElementwiseLoops}: EJML has no fused elementwise operation of three matrices. */
    @Override
    public void addQuotientBySqrt(double alpha, DMatrixRMaj a, DMatrixRMaj b, double epsInside, double epsOutside,
            DMatrixRMaj out) {
        requireSame("addQuotientBySqrt", a, b);
        requireSame("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", b, out);
        ElementwiseLoops.addQuotientBySqrt(alpha, a.getData(), b.getData(), epsInside, epsOutside, out.getData());
    }

    // ---- reductions and losses ----------------------------------------------------------------

    /** {@link RowMajorLstm#forward} over {@code getData()}: EJML has no fused operation, nor one on a block. */
    @Override
    public void lstmForward(DMatrixRMaj z, DMatrixRMaj cPrev, DMatrixRMaj gates, DMatrixRMaj c, DMatrixRMaj tanhC,
            DMatrixRMaj h) {
        Shapes.requireLstmForward(this, z, cPrev, gates, c, tanhC, h);
        RowMajorLstm.forward(z.getData(), cPrev.getData(), gates.getData(), c.getData(), tanhC.getData(), h.getData(),
                z.numRows, cPrev.numCols, SIGMOID_RANGE, TANH_RANGE);
    }

    /** {@link RowMajorLstm#backward} over {@code getData()}: EJML has no fused operation, nor one on a block. */
    @Override
    public void lstmBackward(DMatrixRMaj gates, DMatrixRMaj cPrev, DMatrixRMaj tanhC, DMatrixRMaj dh, DMatrixRMaj dc,
            DMatrixRMaj dz) {
        Shapes.requireLstmBackward(this, gates, cPrev, tanhC, dh, dc, dz);
        RowMajorLstm.backward(gates.getData(), cPrev.getData(), tanhC.getData(), dh.getData(), dc.getData(), dz.getData(),
                gates.numRows, cPrev.numCols);
    }

    /**
     * EJML's inner product of a with itself over all entries, Σ a<sub>ij</sub>·a<sub>ij</sub>. Not
     * {@code SpecializedOps_DDRM.elementSumSq}, which divides every entry by max |a| first: a different formula.
     */
    @Override
    public double sumOfSquares(DMatrixRMaj a) {
        return VectorVectorMult_DDRM.innerProd(a, a);
    }

    /** See {@link #softmaxRows}. */
    @Override
    public void softmax(DMatrixRMaj z, DMatrixRMaj p) {
        requireSame("softmax", z, p);
        softmaxRows(z, p);
    }

    /** {@link #softmaxRows}, then a plain loop for the loss and the one-hot subtraction, then {@code scale}. */
    @Override
    public double softmaxCrossEntropy(DMatrixRMaj z, int[] target, double scale, DMatrixRMaj dz) {
        requireSame("softmaxCrossEntropy", z, dz);
        Shapes.requireLength("softmaxCrossEntropy", "target", target.length, z.numRows);
        Shapes.requireIndices("softmaxCrossEntropy", target, z.numCols);
        int v = z.numCols;
        double[] zd = z.getData();
        double[] dzd = dz.getData();
        targetLogit.reshape(z.numRows, 1);
        double[] zTarget = targetLogit.getData();
        for (int i = 0; i < z.numRows; i++) {
            zTarget[i] = zd[i * v + target[i]];
        }
        softmaxRows(z, dz); // dz = softmax(z) [m, V]
        double[] max = rowMax.getData();
        double[] sum = rowSum.getData();
        double loss = 0;
        for (int i = 0; i < z.numRows; i++) {
            double logSumExp = max[i] + Math.log(sum[i]);
            loss += logSumExp - zTarget[i];
            dzd[i * v + target[i]] -= 1.0; // dz = softmax(z) − onehot(target)
        }
        CommonOps_DDRM.scale(scale, dz);
        return loss;
    }

    /** {@link ElementwiseLoops}: EJML has none of max(z, 0), log1p or a fused loss (σ is the same 1 / (1 + e^−z)). */
    @Override
    public double sigmoidCrossEntropy(DMatrixRMaj z, DMatrixRMaj y, double scale, DMatrixRMaj dz) {
        requireSame("sigmoidCrossEntropy", z, y);
        requireSame("sigmoidCrossEntropy", z, dz);
        return ElementwiseLoops.sigmoidCrossEntropy(z.getData(), y.getData(), scale, dz.getData());
    }

    /**
     * p[i, :] = exp(z[i, :] − max) / Σ exp(z[i, :] − max), leaving max in {@link #rowMax} and the sum in
     * {@link #rowSum} for the log-sum-exp max + log Σ. EJML's {@code maxRows}, {@code elementExp}, {@code sumRows}
     * and {@code divideRows}; the shift is a plain loop, as EJML has no row-broadcast subtraction.
     *
     * @param z {@code [m, V]}. Not modified unless it is p.
     * @param p {@code [m, V]}. Modified; may be z.
     */
    private void softmaxRows(DMatrixRMaj z, DMatrixRMaj p) {
        CommonOps_DDRM.maxRows(z, rowMax); // [m, 1]
        int v = z.numCols;
        double[] zd = z.getData();
        double[] pd = p.getData();
        for (int i = 0; i < z.numRows; i++) { // p = z − max, row by row [m, V]
            double max = rowMax.get(i);
            for (int j = i * v; j < (i + 1) * v; j++) {
                pd[j] = zd[j] - max;
            }
        }
        CommonOps_DDRM.elementExp(p, p); // [m, V]
        CommonOps_DDRM.sumRows(p, rowSum); // [m, 1]
        CommonOps_DDRM.divideRows(rowSum.getData(), p); // [m, V]
    }

    private static void requireSame(String op, DMatrixRMaj a, DMatrixRMaj b) {
        Shapes.requireSameShape(op, "first operand", a.numRows, a.numCols, "second operand", b.numRows, b.numCols);
    }

    private static void requireDistinct(String op, DMatrixRMaj in, DMatrixRMaj out) {
        if (in == out) {
            throw new IllegalArgumentException(op + ": the output must not be the same matrix as an input");
        }
    }
}
