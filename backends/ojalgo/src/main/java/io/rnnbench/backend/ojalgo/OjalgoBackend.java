package io.rnnbench.backend.ojalgo;

import io.rnnbench.core.arrays.ElementwiseLoops;
import io.rnnbench.core.arrays.RowMajorLstm;
import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Transpose;
import org.ojalgo.function.aggregator.Aggregator;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

import java.util.IdentityHashMap;
import java.util.Map;

import static org.ojalgo.function.constant.PrimitiveMath.ADD;
import static org.ojalgo.function.constant.PrimitiveMath.LOGISTIC;
import static org.ojalgo.function.constant.PrimitiveMath.MAX;
import static org.ojalgo.function.constant.PrimitiveMath.MIN;
import static org.ojalgo.function.constant.PrimitiveMath.MULTIPLY;
import static org.ojalgo.function.constant.PrimitiveMath.TANH;

/**
 * The SPI on ojAlgo: {@link R064Store}, its dense column-major {@code double} store, with ojAlgo's operations that
 * write into a store the caller made once: {@code fillByMultiplying} for products (transposed operands as ojAlgo's
 * {@code transpose()} views, never copied), {@code fillMatching} with {@link org.ojalgo.function.constant.PrimitiveMath}
 * functions for the activations and the Hadamard product, {@code modifyAll}, {@code modifyMatchingInRows},
 * {@code axpy}, {@code dot}, {@code aggregateColumn}, regions and views for block copies. Where ojAlgo has no such
 * operation (fused elementwise updates, the row-wise softmax and the losses) a plain loop over the store's
 * {@code data} array does it ({@link ElementwiseLoops} where another backend needs the same loop), each said in its
 * javadoc. The formulas are the raw backend's ({@code TANH} is
 * {@link Math#tanh}, {@code LOGISTIC} is 1 / (1 + exp(−x))); results may differ from raw in the last bits where the
 * order of operations does (ojAlgo's product kernels).
 *
 * <p>Column-major storage: entry (i, j) of an {@code [m, n]} store is {@code data[i + j·m]}. Rows are strided,
 * columns contiguous; a {@code [B, 4H]} gate block is four contiguous {@code [B, H]} blocks i | f | g | o.
 *
 * <p>Threads: ojAlgo's thread count is a JVM-wide setting, which {@link OjalgoThreads#install} makes this backend's
 * at the start of every operation that ojAlgo may divide among threads.
 *
 * <p>Allocation: besides {@link #zeros}, {@link #fromArray} and {@link #toArray}, the small objects ojAlgo's API
 * takes (transposed and offset views, bound functions such as {@code MULTIPLY.second(α)}, boxed values) and one
 * scratch store per accumulated product's output, made on first use. Not thread-safe: the scratch belongs to one
 * backend instance.
 */
public final class OjalgoBackend implements Backend<R064Store> {
    private final String name;
    private final OjalgoThreads threads;
    /** op(A)·op(B) for a C of β ≠ 0 (ojAlgo's products overwrite their target), per C; same shape as C. */
    private final Map<R064Store, R064Store> products = new IdentityHashMap<>();

    /**
     * @param name    the registry name this backend reports
     * @param threads how many threads ojAlgo may use for this backend's operations
     */
    OjalgoBackend(String name, OjalgoThreads threads) {
        this.name = name;
        this.threads = threads;
    }

    @Override
    public String name() {
        return name;
    }

    // ---- creation and the array boundary ----------------------------------------------------

    @Override
    public R064Store zeros(int rows, int cols) {
        Shapes.requireValidShape("matrix", rows, cols);
        Math.multiplyExact(rows, cols); // rows·cols must fit one array
        return R064Store.FACTORY.make(rows, cols);
    }

    @Override
    public R064Store fromArray(int rows, int cols, double[] data) {
        Shapes.requireValidShape("matrix", rows, cols);
        Shapes.requireLength("fromArray", "data", data.length, Math.multiplyExact(rows, cols));
        R064Store a = R064Store.FACTORY.make(rows, cols);
        load(data, a);
        return a;
    }

    /** Row-major data into the column-major store, entry by entry through {@code set}. */
    @Override
    public void load(double[] data, R064Store a) {
        Shapes.requireArrayLength("load", data, a.getRowDim(), a.getColDim());
        int cols = a.getColDim();
        for (int i = 0; i < a.getRowDim(); i++) {
            for (int j = 0; j < cols; j++) {
                a.set(i, j, data[i * cols + j]);
            }
        }
    }

    @Override
    public double[] toArray(R064Store a) {
        int cols = a.getColDim();
        double[] data = new double[a.getRowDim() * cols];
        for (int i = 0; i < a.getRowDim(); i++) {
            for (int j = 0; j < cols; j++) {
                data[i * cols + j] = a.doubleValue(i, j);
            }
        }
        return data;
    }

    @Override
    public int rows(R064Store a) {
        return a.getRowDim();
    }

    @Override
    public int cols(R064Store a) {
        return a.getColDim();
    }

    // ---- data movement ----------------------------------------------------------------------

    @Override
    public void fill(R064Store a, double value) {
        a.fillAll(value);
    }

    /** The block of src as an {@code offsets(…).limits(…)} view, into the same block of dst as a region. */
    @Override
    public void copyBlock(R064Store src, int srcRow, int srcCol, R064Store dst, int dstRow, int dstCol, int rows,
            int cols) {
        Shapes.requireBlock("src", src.getRowDim(), src.getColDim(), srcRow, srcCol, rows, cols);
        Shapes.requireBlock("dst", dst.getRowDim(), dst.getColDim(), dstRow, dstCol, rows, cols);
        requireDistinct("copyBlock", src, dst);
        threads.install();
        dst.regionByOffsets(dstRow, dstCol).regionByLimits(rows, cols)
                .fillMatching(src.offsets(srcRow, srcCol).limits(rows, cols)); // [rows, cols]
    }

    /** {@code fillMatching} of ojAlgo's transposed view. */
    @Override
    public void transpose(R064Store a, R064Store out) {
        Shapes.requireTranspose(a.getRowDim(), a.getColDim(), out.getRowDim(), out.getColDim());
        requireDistinct("transpose", a, out);
        threads.install();
        out.fillMatching(a.transpose()); // [n, m]
    }

    /** {@code fillRow} from a {@code sliceRow} per gathered row. */
    @Override
    public void gatherRows(R064Store table, int[] index, R064Store out) {
        Shapes.requireShape("gatherRows", "out", out.getRowDim(), out.getColDim(), index.length, table.getColDim());
        Shapes.requireIndices("gatherRows", index, table.getRowDim());
        for (int i = 0; i < index.length; i++) {
            out.fillRow(i, 0, table.sliceRow(index[i], 0)); // out[i, :] = table[index[i], :]   [1, n]
        }
    }

    /** ojAlgo's element {@code add(row, col, value)}: it has no indexed row accumulation. */
    @Override
    public void scatterAddRows(R064Store src, int[] index, R064Store table) {
        Shapes.requireShape("scatterAddRows", "src", src.getRowDim(), src.getColDim(), index.length, table.getColDim());
        Shapes.requireIndices("scatterAddRows", index, table.getRowDim());
        for (int i = 0; i < index.length; i++) {
            for (int j = 0; j < table.getColDim(); j++) {
                table.add(index[i], j, src.doubleValue(i, j));
            }
        }
    }

    // ---- linear algebra ---------------------------------------------------------------------

    /**
     * ojAlgo's products overwrite their target and take no α or β. β = 0: C = op(A)·op(B) by
     * {@code fillByMultiplying} (C's old content never read), then C = α·C by {@code modifyAll} unless α = 1.
     * Otherwise the product goes to a scratch store P of C's shape, C = β·C by {@code modifyAll} unless β = 1, and
     * C += α·P by {@code axpy}. A transposed operand is ojAlgo's {@code transpose()} view of the stored one.
     */
    @Override
    public void gemm(double alpha, R064Store a, Transpose opA, R064Store b, Transpose opB, double beta, R064Store c) {
        Shapes.requireGemm(a.getRowDim(), a.getColDim(), opA, b.getRowDim(), b.getColDim(), opB, c.getRowDim(),
                c.getColDim());
        requireDistinct("gemm", a, c);
        requireDistinct("gemm", b, c);
        threads.install();
        MatrixStore<Double> left = opA == Transpose.N ? a : a.transpose(); //   [m, k]
        MatrixStore<Double> right = opB == Transpose.N ? b : b.transpose(); //  [k, n]
        if (beta == 0.0) {
            c.fillByMultiplying(left, right); //                                 [m, n]
            if (alpha != 1.0) {
                c.modifyAll(MULTIPLY.second(alpha));
            }
            return;
        }
        R064Store product = products.computeIfAbsent(c, k -> R064Store.FACTORY.make(k.getRowDim(), k.getColDim()));
        product.fillByMultiplying(left, right); //                               [m, n]
        if (beta != 1.0) {
            c.modifyAll(MULTIPLY.second(beta));
        }
        product.axpy(alpha, c); //                                               C += α·P
    }

    /** {@code modifyMatchingInRows(ADD, bias)}: bias[0, j] added down column j. */
    @Override
    public void addRowVector(R064Store bias, R064Store out) {
        Shapes.requireShape("addRowVector", "bias", bias.getRowDim(), bias.getColDim(), 1, out.getColDim());
        threads.install();
        out.modifyMatchingInRows(ADD, bias);
    }

    /** {@code aggregateColumn(SUM)} per column, added to out[0, j]. */
    @Override
    public void addColumnSums(R064Store a, R064Store out) {
        Shapes.requireShape("addColumnSums", "out", out.getRowDim(), out.getColDim(), 1, a.getColDim());
        for (int j = 0; j < a.getColDim(); j++) {
            out.add(0, j, a.aggregateColumn(0, j, Aggregator.SUM).doubleValue());
        }
    }

    // ---- elementwise ------------------------------------------------------------------------

    /** {@code fillMatching(TANH, x)}. */
    @Override
    public void tanh(R064Store x, R064Store out) {
        requireSame("tanh", x, out);
        threads.install();
        out.fillMatching(TANH, x);
    }

    /** {@code fillMatching(LOGISTIC, x)}. */
    @Override
    public void sigmoid(R064Store x, R064Store out) {
        requireSame("sigmoid", x, out);
        threads.install();
        out.fillMatching(LOGISTIC, x);
    }

    /** Plain loop: ojAlgo has no fused elementwise operation of two stores. */
    @Override
    public void tanhBackward(R064Store y, R064Store dy, R064Store dx) {
        requireSame("tanhBackward", y, dy);
        requireSame("tanhBackward", y, dx);
        ElementwiseLoops.tanhBackward(y.data, dy.data, dx.data);
    }

    /** Plain loop: ojAlgo has no fused elementwise operation of two stores. */
    @Override
    public void sigmoidBackward(R064Store y, R064Store dy, R064Store dx) {
        requireSame("sigmoidBackward", y, dy);
        requireSame("sigmoidBackward", y, dx);
        ElementwiseLoops.sigmoidBackward(y.data, dy.data, dx.data);
    }

    /** {@code fillMatching(a, MULTIPLY, b)}. */
    @Override
    public void hadamard(R064Store a, R064Store b, R064Store out) {
        requireSame("hadamard", a, b);
        requireSame("hadamard", a, out);
        threads.install();
        out.fillMatching(a, MULTIPLY, b);
    }

    /** Plain loop: ojAlgo's {@code fillMatching} + {@code axpy} would need a scratch store and two passes. */
    @Override
    public void addHadamard(double alpha, R064Store a, R064Store b, R064Store out) {
        requireSame("addHadamard", a, b);
        requireSame("addHadamard", a, out);
        requireDistinct("addHadamard", a, out);
        requireDistinct("addHadamard", b, out);
        ElementwiseLoops.addHadamard(alpha, a.data, b.data, out.data);
    }

    /** {@code x.axpy(α, y)}. */
    @Override
    public void axpy(double alpha, R064Store x, R064Store y) {
        requireSame("axpy", x, y);
        x.axpy(alpha, y);
    }

    /** {@code modifyAll(MULTIPLY.second(α))}. */
    @Override
    public void scale(double alpha, R064Store x) {
        threads.install();
        x.modifyAll(MULTIPLY.second(alpha));
    }

    /** {@code modifyAll(MAX.second(lo))}, then {@code modifyAll(MIN.second(hi))}: min(max(x, lo), hi). */
    @Override
    public void clamp(R064Store x, double lo, double hi) {
        threads.install();
        x.modifyAll(MAX.second(lo));
        x.modifyAll(MIN.second(hi));
    }

    /** Plain loop: ojAlgo has no fused elementwise operation of three stores. */
    @Override
    public void addQuotientBySqrt(double alpha, R064Store a, R064Store b, double epsInside, double epsOutside,
            R064Store out) {
        requireSame("addQuotientBySqrt", a, b);
        requireSame("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", b, out);
        ElementwiseLoops.addQuotientBySqrt(alpha, a.data, b.data, epsInside, epsOutside, out.data);
    }

    // ---- the LSTM cell's element-wise work, fused ----------------------------------------------

    /**
     * {@link RowMajorLstm#forward} over the stores' {@code data}, with {@code LOGISTIC} and {@code TANH}: ojAlgo has
     * no fused operation. Column-major {@code [B, 4H]} is four contiguous {@code [B, H]} gate blocks, so it is
     * RowMajorLstm's layout with one row of B·H entries per gate, entry for entry.
     */
    @Override
    public void lstmForward(R064Store z, R064Store cPrev, R064Store gates, R064Store c, R064Store tanhC,
            R064Store h) {
        Shapes.requireLstmForward(this, z, cPrev, gates, c, tanhC, h);
        RowMajorLstm.forward(z.data, cPrev.data, gates.data, c.data, tanhC.data, h.data, 1, cPrev.data.length,
                OjalgoBackend::logistic, OjalgoBackend::tanh);
    }

    /** {@link RowMajorLstm#backward} over the stores' {@code data}, one row of B·H entries per gate as in {@link #lstmForward}. */
    @Override
    public void lstmBackward(R064Store gates, R064Store cPrev, R064Store tanhC, R064Store dh, R064Store dc,
            R064Store dz) {
        Shapes.requireLstmBackward(this, gates, cPrev, tanhC, dh, dc, dz);
        RowMajorLstm.backward(gates.data, cPrev.data, tanhC.data, dh.data, dc.data, dz.data, 1, cPrev.data.length);
    }

    /** out[i] = LOGISTIC(x[i]) for from ≤ i &lt; to. */
    private static void logistic(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = LOGISTIC.invoke(x[i]);
        }
    }

    /** out[i] = TANH(x[i]) for from ≤ i &lt; to. */
    private static void tanh(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = TANH.invoke(x[i]);
        }
    }

    // ---- reductions and losses ----------------------------------------------------------------

    /** {@code a.dot(a)}: Σ a<sub>ij</sub>·a<sub>ij</sub> in storage order. */
    @Override
    public double sumOfSquares(R064Store a) {
        return a.dot(a);
    }

    /** {@link #softmaxRow} per row. */
    @Override
    public void softmax(R064Store z, R064Store p) {
        requireSame("softmax", z, p);
        for (int i = 0; i < z.getRowDim(); i++) {
            softmaxRow(z, i, p);
        }
    }

    /** {@link #softmaxRow} per row, a plain loop for the loss and the one-hot subtraction, then {@code modifyAll}. */
    @Override
    public double softmaxCrossEntropy(R064Store z, int[] target, double scale, R064Store dz) {
        requireSame("softmaxCrossEntropy", z, dz);
        Shapes.requireLength("softmaxCrossEntropy", "target", target.length, z.getRowDim());
        Shapes.requireIndices("softmaxCrossEntropy", target, z.getColDim());
        int m = z.getRowDim();
        double loss = 0;
        for (int i = 0; i < m; i++) {
            double zTarget = z.data[i + target[i] * m]; // read before dz, which may be z, is written
            loss += softmaxRow(z, i, dz) - zTarget;
            dz.data[i + target[i] * m] -= 1.0; // dz = softmax(z) − onehot(target)
        }
        threads.install();
        dz.modifyAll(MULTIPLY.second(scale));
        return loss;
    }

    /** Plain loop: ojAlgo has no fused loss. σ is 1 / (1 + e<sup>−z</sup>), {@code LOGISTIC}'s formula. */
    @Override
    public double sigmoidCrossEntropy(R064Store z, R064Store y, double scale, R064Store dz) {
        requireSame("sigmoidCrossEntropy", z, y);
        requireSame("sigmoidCrossEntropy", z, dz);
        return ElementwiseLoops.sigmoidCrossEntropy(z.data, y.data, scale, dz.data);
    }

    /**
     * p[i, :] = exp(z[i, :] − max) / Σ exp(z[i, :] − max) for row i, a plain loop over the strided row (ojAlgo's row
     * reductions return boxed values through allocated views, and it has no row-wise shift); p may be z.
     *
     * @return log Σ exp(z[i, :]) = max + log Σ exp(z[i, :] − max), finite for any finite row
     */
    private static double softmaxRow(R064Store z, int i, R064Store p) {
        int m = z.getRowDim();
        int end = i + z.getColDim() * m;
        double[] zd = z.data;
        double[] pd = p.data;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = i; k < end; k += m) {
            max = Math.max(max, zd[k]);
        }
        double sum = 0;
        for (int k = i; k < end; k += m) {
            double e = Math.exp(zd[k] - max);
            pd[k] = e;
            sum += e;
        }
        double inverse = 1.0 / sum;
        for (int k = i; k < end; k += m) {
            pd[k] *= inverse;
        }
        return max + Math.log(sum);
    }

    private static void requireSame(String op, R064Store a, R064Store b) {
        Shapes.requireSameShape(op, "first operand", a.getRowDim(), a.getColDim(), "second operand", b.getRowDim(),
                b.getColDim());
    }

    private static void requireDistinct(String op, R064Store in, R064Store out) {
        if (in == out) {
            throw new IllegalArgumentException(op + ": the output must not be the same matrix as an input");
        }
    }
}
