package io.rnnbench.backend.raw;

import io.rnnbench.core.arrays.ElementwiseLoops;
import io.rnnbench.core.arrays.RowMajorLstm;
import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Transpose;

import java.util.Objects;

/**
 * Our own kernels over row-major {@code double[]} ({@link RawMatrix}). Plain loops written so that the JIT
 * vectorizes the inner ones (unit stride, no branches); nothing here allocates except {@link #zeros},
 * {@link #fromArray}, {@link #toArray}, and GEMM's buffers when a product is larger than any before it. Every
 * write to a matrix goes through {@link RawMatrix#modify()}, so that a packed copy GEMM keeps of a repeated
 * operand is known to be stale once the matrix changes. GEMM is cache-blocked and packed ({@link RawGemm}) around a
 * {@link TileKernel}; the tile kernel and the {@link Activations} are the parts a variant replaces
 * ({@code raw-simd}). The packing buffers belong to this instance, so an instance is <b>not thread-safe</b>: use
 * one per thread.
 */
public final class RawBackend implements Backend<RawMatrix> {
    private final String name;
    /** This instance's GEMM with its packing buffers. */
    private final Gemm gemm;
    private final Activations activations;
    /** The activations as {@link RowMajorLstm} takes them, made once (a method reference per call would allocate). */
    private final RowMajorLstm.RangeFunction sigmoid;
    private final RowMajorLstm.RangeFunction tanh;

    /** The {@code raw} backend: plain-Java kernels. */
    public RawBackend() {
        this(RawBackendProvider.NAME, new PlainTileKernel(), new PlainActivations());
    }

    /**
     * A variant of the raw backend that computes GEMM tiles with {@code kernel} and tanh and σ with
     * {@code activations}; everything else is the same code as {@code raw}.
     *
     * @param name the registry name this instance reports
     */
    public RawBackend(String name, TileKernel kernel, Activations activations) {
        this(name, kernel, activations, false);
    }

    /**
     * As {@link #RawBackend(String, TileKernel, Activations)}; with {@code twoThreads}, GEMMs of more than
     * {@value ParallelGemm#MIN_PARALLEL} multiply-adds split C's columns between the calling thread and one worker
     * thread ({@link ParallelGemm}), with the same results to the bit.
     */
    public RawBackend(String name, TileKernel kernel, Activations activations, boolean twoThreads) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kernel, "kernel");
        this.gemm = twoThreads ? new ParallelGemm(kernel) : new RawGemm(kernel);
        this.activations = Objects.requireNonNull(activations, "activations");
        this.sigmoid = activations::sigmoid;
        this.tanh = activations::tanh;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RawMatrix zeros(int rows, int cols) {
        return new RawMatrix(rows, cols);
    }

    @Override
    public RawMatrix fromArray(int rows, int cols, double[] data) {
        RawMatrix m = new RawMatrix(rows, cols);
        Shapes.requireLength("fromArray", "data", data.length, m.data.length);
        System.arraycopy(data, 0, m.modify(), 0, data.length);
        return m;
    }

    @Override
    public void load(double[] data, RawMatrix a) {
        Shapes.requireArrayLength("load", data, a.rows, a.cols);
        System.arraycopy(data, 0, a.modify(), 0, data.length);
    }

    @Override
    public double[] toArray(RawMatrix a) {
        return a.data.clone();
    }

    @Override
    public int rows(RawMatrix a) {
        return a.rows;
    }

    @Override
    public int cols(RawMatrix a) {
        return a.cols;
    }

    @Override
    public void fill(RawMatrix a, double value) {
        java.util.Arrays.fill(a.modify(), value);
    }

    @Override
    public void copyBlock(RawMatrix src, int srcRow, int srcCol, RawMatrix dst, int dstRow, int dstCol, int rows, int cols) {
        Shapes.requireBlock("src", src.rows, src.cols, srcRow, srcCol, rows, cols);
        Shapes.requireBlock("dst", dst.rows, dst.cols, dstRow, dstCol, rows, cols);
        requireDistinct("copyBlock", src, dst);
        double[] to = dst.modify();
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src.data, (srcRow + i) * src.cols + srcCol, to, (dstRow + i) * dst.cols + dstCol, cols);
        }
    }

    @Override
    public void transpose(RawMatrix a, RawMatrix out) {
        Shapes.requireTranspose(a.rows, a.cols, out.rows, out.cols);
        requireDistinct("transpose", a, out);
        int m = a.rows;
        int n = a.cols;
        double[] t = out.modify();
        // In 16 × 16 tiles, so that the 16 lines of out a tile writes stay in L1 while it is filled; within a
        // tile, a is read along its rows; faster than 8 × 8 tiles read down a's columns at the per-step W_hᵀ shapes
        // (DESIGN-NOTES.md §7).
        double[] x = a.data;
        for (int i0 = 0; i0 < m; i0 += 16) {
            int i1 = Math.min(i0 + 16, m);
            for (int j0 = 0; j0 < n; j0 += 16) {
                int j1 = Math.min(j0 + 16, n);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        t[j * m + i] = x[i * n + j];
                    }
                }
            }
        }
    }

    @Override
    public void gatherRows(RawMatrix table, int[] index, RawMatrix out) {
        Shapes.requireShape("gatherRows", "out", out.rows, out.cols, index.length, table.cols);
        Shapes.requireIndices("gatherRows", index, table.rows);
        int n = table.cols;
        double[] rowsOut = out.modify();
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(table.data, index[i] * n, rowsOut, i * n, n);
        }
    }

    @Override
    public void scatterAddRows(RawMatrix src, int[] index, RawMatrix table) {
        Shapes.requireShape("scatterAddRows", "src", src.rows, src.cols, index.length, table.cols);
        Shapes.requireIndices("scatterAddRows", index, table.rows);
        int n = table.cols;
        double[] rowsOut = table.modify();
        for (int i = 0; i < index.length; i++) {
            int s = i * n;
            int t = index[i] * n;
            for (int j = 0; j < n; j++) {
                rowsOut[t + j] += src.data[s + j];
            }
        }
    }

    @Override
    public void gemm(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, double beta, RawMatrix c) {
        Shapes.requireGemm(a.rows, a.cols, opA, b.rows, b.cols, opB, c.rows, c.cols);
        requireDistinct("gemm", a, c);
        requireDistinct("gemm", b, c);
        gemm.gemm(alpha, a, opA, b, opB, beta, c);
    }

    @Override
    public void addRowVector(RawMatrix bias, RawMatrix out) {
        Shapes.requireShape("addRowVector", "bias", bias.rows, bias.cols, 1, out.cols);
        int n = out.cols;
        double[] o = out.modify();
        for (int i = 0; i < out.rows; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                o[row + j] += bias.data[j];
            }
        }
    }

    @Override
    public void addColumnSums(RawMatrix a, RawMatrix out) {
        Shapes.requireShape("addColumnSums", "out", out.rows, out.cols, 1, a.cols);
        int n = a.cols;
        double[] o = out.modify();
        for (int i = 0; i < a.rows; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                o[j] += a.data[row + j];
            }
        }
    }

    @Override
    public void tanh(RawMatrix x, RawMatrix out) {
        requireSame("tanh", x, out);
        activations.tanh(x.data, out.modify(), 0, x.data.length);
    }

    @Override
    public void sigmoid(RawMatrix x, RawMatrix out) {
        requireSame("sigmoid", x, out);
        activations.sigmoid(x.data, out.modify(), 0, x.data.length);
    }

    @Override
    public void tanhBackward(RawMatrix y, RawMatrix dy, RawMatrix dx) {
        requireSame("tanhBackward", y, dy);
        requireSame("tanhBackward", y, dx);
        ElementwiseLoops.tanhBackward(y.data, dy.data, dx.modify());
    }

    @Override
    public void sigmoidBackward(RawMatrix y, RawMatrix dy, RawMatrix dx) {
        requireSame("sigmoidBackward", y, dy);
        requireSame("sigmoidBackward", y, dx);
        ElementwiseLoops.sigmoidBackward(y.data, dy.data, dx.modify());
    }

    @Override
    public void hadamard(RawMatrix a, RawMatrix b, RawMatrix out) {
        requireSame("hadamard", a, b);
        requireSame("hadamard", a, out);
        ElementwiseLoops.hadamard(a.data, b.data, out.modify());
    }

    @Override
    public void addHadamard(double alpha, RawMatrix a, RawMatrix b, RawMatrix out) {
        requireSame("addHadamard", a, b);
        requireSame("addHadamard", a, out);
        requireDistinct("addHadamard", a, out);
        requireDistinct("addHadamard", b, out);
        ElementwiseLoops.addHadamard(alpha, a.data, b.data, out.modify());
    }

    @Override
    public void axpy(double alpha, RawMatrix x, RawMatrix y) {
        requireSame("axpy", x, y);
        double[] o = y.modify();
        for (int i = 0; i < x.data.length; i++) {
            o[i] += alpha * x.data[i];
        }
    }

    @Override
    public void scale(double alpha, RawMatrix x) {
        double[] o = x.modify();
        for (int i = 0; i < o.length; i++) {
            o[i] *= alpha;
        }
    }

    @Override
    public void clamp(RawMatrix x, double lo, double hi) {
        ElementwiseLoops.clamp(x.modify(), lo, hi);
    }

    @Override
    public void addQuotientBySqrt(double alpha, RawMatrix a, RawMatrix b, double epsInside, double epsOutside, RawMatrix out) {
        requireSame("addQuotientBySqrt", a, b);
        requireSame("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", b, out);
        ElementwiseLoops.addQuotientBySqrt(alpha, a.data, b.data, epsInside, epsOutside, out.modify());
    }

    /** {@link RowMajorLstm#forward} with this backend's {@link Activations}. */
    @Override
    public void lstmForward(RawMatrix z, RawMatrix cPrev, RawMatrix gates, RawMatrix c, RawMatrix tanhC, RawMatrix h) {
        Shapes.requireLstmForward(this, z, cPrev, gates, c, tanhC, h);
        RowMajorLstm.forward(z.data, cPrev.data, gates.modify(), c.modify(), tanhC.modify(), h.modify(), z.rows, cPrev.cols,
                sigmoid, tanh);
    }

    @Override
    public void lstmBackward(RawMatrix gates, RawMatrix cPrev, RawMatrix tanhC, RawMatrix dh, RawMatrix dc, RawMatrix dz) {
        Shapes.requireLstmBackward(this, gates, cPrev, tanhC, dh, dc, dz);
        RowMajorLstm.backward(gates.data, cPrev.data, tanhC.data, dh.data, dc.modify(), dz.modify(), gates.rows, cPrev.cols);
    }

    @Override
    public double sumOfSquares(RawMatrix a) {
        // Four independent sums: one running sum waits out the add latency on every entry (the JIT may not
        // reorder floating-point adds), which made this the third-biggest item of a char training step.
        double[] x = a.data;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
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

    @Override
    public void softmax(RawMatrix z, RawMatrix p) {
        requireSame("softmax", z, p);
        double[] o = p.modify();
        for (int i = 0; i < z.rows; i++) {
            RowSoftmax.softmax(z.data, i * z.cols, z.cols, o);
        }
    }

    @Override
    public double softmaxCrossEntropy(RawMatrix z, int[] target, double scale, RawMatrix dz) {
        requireSame("softmaxCrossEntropy", z, dz);
        Shapes.requireLength("softmaxCrossEntropy", "target", target.length, z.rows);
        Shapes.requireIndices("softmaxCrossEntropy", target, z.cols);
        double[] d = dz.modify();
        double loss = 0;
        for (int i = 0; i < z.rows; i++) {
            int row = i * z.cols;
            double zTarget = z.data[row + target[i]];
            double logSumExp = RowSoftmax.softmax(z.data, row, z.cols, d);
            loss += logSumExp - zTarget;
            d[row + target[i]] -= 1.0;
            for (int j = 0; j < z.cols; j++) {
                d[row + j] *= scale;
            }
        }
        return loss;
    }

    @Override
    public double sigmoidCrossEntropy(RawMatrix z, RawMatrix y, double scale, RawMatrix dz) {
        requireSame("sigmoidCrossEntropy", z, y);
        requireSame("sigmoidCrossEntropy", z, dz);
        return ElementwiseLoops.sigmoidCrossEntropy(z.data, y.data, scale, dz.modify());
    }

    private static void requireSame(String op, RawMatrix a, RawMatrix b) {
        Shapes.requireSameShape(op, "first operand", a.rows, a.cols, "second operand", b.rows, b.cols);
    }

    private static void requireDistinct(String op, RawMatrix in, RawMatrix out) {
        if (in == out) {
            throw new IllegalArgumentException(op + ": the output must not be the same matrix as an input");
        }
    }
}
