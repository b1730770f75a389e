package io.rnnbench.backend.rawsimd.f32;

import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Transpose;

import java.util.Arrays;

/**
 * The {@code raw-simd-f32} backend: row-major {@code float[]} matrices ({@link F32Matrix}) and float32 arithmetic
 * throughout. GEMM sums in float32 as BLAS sgemm does ({@link F32Gemm} around the Vector API {@link F32TileKernel}),
 * tanh and σ are float32 Vector API code ({@link F32Activations}), everything else float loops
 * ({@link F32Elementwise}, {@link F32Lstm}, {@link F32Softmax}). The SPI's scalars arrive as double and are rounded
 * to float once per call; its arrays are rounded to float at the boundary ({@link #fromArray}, {@link #load}) and
 * widened exactly on the way out ({@link #toArray}); the losses and Σx² it returns are float sums, widened. Nothing
 * here allocates except {@link #zeros}, {@link #fromArray}, {@link #toArray} and GEMM's strips when a product's A
 * is larger than any before. <b>Not thread-safe</b> (GEMM's buffers, the activations' scratch): one instance per
 * thread.
 */
final class F32Backend implements Backend<F32Matrix> {
    private final F32Gemm gemm = new F32Gemm();
    private final F32Activations activations = new F32Activations();

    @Override
    public String name() {
        return RawSimdF32BackendProvider.NAME;
    }

    @Override
    public F32Matrix zeros(int rows, int cols) {
        return new F32Matrix(rows, cols);
    }

    @Override
    public F32Matrix fromArray(int rows, int cols, double[] data) {
        F32Matrix m = new F32Matrix(rows, cols);
        Shapes.requireLength("fromArray", "data", data.length, m.data.length);
        round(data, m.data);
        return m;
    }

    @Override
    public void load(double[] data, F32Matrix a) {
        Shapes.requireArrayLength("load", data, a.rows, a.cols);
        round(data, a.data);
    }

    /** to[i] = the float nearest from[i]. */
    private static void round(double[] from, float[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = (float) from[i];
        }
    }

    @Override
    public double[] toArray(F32Matrix a) {
        double[] out = new double[a.data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.data[i];
        }
        return out;
    }

    @Override
    public int rows(F32Matrix a) {
        return a.rows;
    }

    @Override
    public int cols(F32Matrix a) {
        return a.cols;
    }

    @Override
    public void fill(F32Matrix a, double value) {
        Arrays.fill(a.data, (float) value);
    }

    @Override
    public void copyBlock(F32Matrix src, int srcRow, int srcCol, F32Matrix dst, int dstRow, int dstCol, int rows, int cols) {
        Shapes.requireBlock("src", src.rows, src.cols, srcRow, srcCol, rows, cols);
        Shapes.requireBlock("dst", dst.rows, dst.cols, dstRow, dstCol, rows, cols);
        requireDistinct("copyBlock", src, dst);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src.data, (srcRow + i) * src.cols + srcCol, dst.data, (dstRow + i) * dst.cols + dstCol, cols);
        }
    }

    @Override
    public void transpose(F32Matrix a, F32Matrix out) {
        Shapes.requireTranspose(a.rows, a.cols, out.rows, out.cols);
        requireDistinct("transpose", a, out);
        int m = a.rows;
        int n = a.cols;
        float[] x = a.data;
        float[] t = out.data;
        // In 16 × 16 tiles, so that the 16 lines of out a tile writes stay in L1 while it is filled.
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
    public void gatherRows(F32Matrix table, int[] index, F32Matrix out) {
        Shapes.requireShape("gatherRows", "out", out.rows, out.cols, index.length, table.cols);
        Shapes.requireIndices("gatherRows", index, table.rows);
        int n = table.cols;
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(table.data, index[i] * n, out.data, i * n, n);
        }
    }

    @Override
    public void scatterAddRows(F32Matrix src, int[] index, F32Matrix table) {
        Shapes.requireShape("scatterAddRows", "src", src.rows, src.cols, index.length, table.cols);
        Shapes.requireIndices("scatterAddRows", index, table.rows);
        int n = table.cols;
        for (int i = 0; i < index.length; i++) {
            int s = i * n;
            int t = index[i] * n;
            for (int j = 0; j < n; j++) {
                table.data[t + j] += src.data[s + j];
            }
        }
    }

    @Override
    public void gemm(double alpha, F32Matrix a, Transpose opA, F32Matrix b, Transpose opB, double beta, F32Matrix c) {
        Shapes.requireGemm(a.rows, a.cols, opA, b.rows, b.cols, opB, c.rows, c.cols);
        requireDistinct("gemm", a, c);
        requireDistinct("gemm", b, c);
        gemm.gemm((float) alpha, a, opA, b, opB, (float) beta, c);
    }

    @Override
    public void addRowVector(F32Matrix bias, F32Matrix out) {
        Shapes.requireShape("addRowVector", "bias", bias.rows, bias.cols, 1, out.cols);
        int n = out.cols;
        for (int i = 0; i < out.rows; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out.data[row + j] += bias.data[j];
            }
        }
    }

    @Override
    public void addColumnSums(F32Matrix a, F32Matrix out) {
        Shapes.requireShape("addColumnSums", "out", out.rows, out.cols, 1, a.cols);
        int n = a.cols;
        for (int i = 0; i < a.rows; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out.data[j] += a.data[row + j];
            }
        }
    }

    @Override
    public void tanh(F32Matrix x, F32Matrix out) {
        requireSame("tanh", x, out);
        activations.tanh(x.data, out.data, 0, x.data.length);
    }

    @Override
    public void sigmoid(F32Matrix x, F32Matrix out) {
        requireSame("sigmoid", x, out);
        activations.sigmoid(x.data, out.data, 0, x.data.length);
    }

    @Override
    public void tanhBackward(F32Matrix y, F32Matrix dy, F32Matrix dx) {
        requireSame("tanhBackward", y, dy);
        requireSame("tanhBackward", y, dx);
        F32Elementwise.tanhBackward(y.data, dy.data, dx.data);
    }

    @Override
    public void sigmoidBackward(F32Matrix y, F32Matrix dy, F32Matrix dx) {
        requireSame("sigmoidBackward", y, dy);
        requireSame("sigmoidBackward", y, dx);
        F32Elementwise.sigmoidBackward(y.data, dy.data, dx.data);
    }

    @Override
    public void hadamard(F32Matrix a, F32Matrix b, F32Matrix out) {
        requireSame("hadamard", a, b);
        requireSame("hadamard", a, out);
        F32Elementwise.hadamard(a.data, b.data, out.data);
    }

    @Override
    public void addHadamard(double alpha, F32Matrix a, F32Matrix b, F32Matrix out) {
        requireSame("addHadamard", a, b);
        requireSame("addHadamard", a, out);
        requireDistinct("addHadamard", a, out);
        requireDistinct("addHadamard", b, out);
        F32Elementwise.addHadamard((float) alpha, a.data, b.data, out.data);
    }

    @Override
    public void axpy(double alpha, F32Matrix x, F32Matrix y) {
        requireSame("axpy", x, y);
        F32Elementwise.axpy((float) alpha, x.data, y.data);
    }

    @Override
    public void scale(double alpha, F32Matrix x) {
        F32Elementwise.scale((float) alpha, x.data);
    }

    @Override
    public void clamp(F32Matrix x, double lo, double hi) {
        F32Elementwise.clamp(x.data, (float) lo, (float) hi);
    }

    @Override
    public void addQuotientBySqrt(double alpha, F32Matrix a, F32Matrix b, double epsInside, double epsOutside, F32Matrix out) {
        requireSame("addQuotientBySqrt", a, b);
        requireSame("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", b, out);
        F32Elementwise.addQuotientBySqrt((float) alpha, a.data, b.data, (float) epsInside, (float) epsOutside, out.data);
    }

    @Override
    public void lstmForward(F32Matrix z, F32Matrix cPrev, F32Matrix gates, F32Matrix c, F32Matrix tanhC, F32Matrix h) {
        Shapes.requireLstmForward(this, z, cPrev, gates, c, tanhC, h);
        F32Lstm.forward(z.data, cPrev.data, gates.data, c.data, tanhC.data, h.data, z.rows, cPrev.cols, activations);
    }

    @Override
    public void lstmBackward(F32Matrix gates, F32Matrix cPrev, F32Matrix tanhC, F32Matrix dh, F32Matrix dc, F32Matrix dz) {
        Shapes.requireLstmBackward(this, gates, cPrev, tanhC, dh, dc, dz);
        F32Lstm.backward(gates.data, cPrev.data, tanhC.data, dh.data, dc.data, dz.data, gates.rows, cPrev.cols);
    }

    @Override
    public double sumOfSquares(F32Matrix a) {
        return F32Elementwise.sumOfSquares(a.data);
    }

    @Override
    public void softmax(F32Matrix z, F32Matrix p) {
        requireSame("softmax", z, p);
        for (int i = 0; i < z.rows; i++) {
            F32Softmax.row(z.data, i * z.cols, z.cols, p.data);
        }
    }

    @Override
    public double softmaxCrossEntropy(F32Matrix z, int[] target, double scale, F32Matrix dz) {
        requireSame("softmaxCrossEntropy", z, dz);
        Shapes.requireLength("softmaxCrossEntropy", "target", target.length, z.rows);
        Shapes.requireIndices("softmaxCrossEntropy", target, z.cols);
        float s = (float) scale;
        float[] d = dz.data;
        float loss = 0;
        for (int i = 0; i < z.rows; i++) {
            int row = i * z.cols;
            float zTarget = z.data[row + target[i]];
            loss += F32Softmax.row(z.data, row, z.cols, d) - zTarget;
            d[row + target[i]] -= 1f;
            for (int j = 0; j < z.cols; j++) {
                d[row + j] *= s;
            }
        }
        return loss;
    }

    @Override
    public double sigmoidCrossEntropy(F32Matrix z, F32Matrix y, double scale, F32Matrix dz) {
        requireSame("sigmoidCrossEntropy", z, y);
        requireSame("sigmoidCrossEntropy", z, dz);
        return F32Elementwise.sigmoidCrossEntropy(z.data, y.data, (float) scale, dz.data);
    }

    private static void requireSame(String op, F32Matrix a, F32Matrix b) {
        Shapes.requireSameShape(op, "first operand", a.rows, a.cols, "second operand", b.rows, b.cols);
    }

    private static void requireDistinct(String op, F32Matrix in, F32Matrix out) {
        if (in == out) {
            throw new IllegalArgumentException(op + ": the output must not be the same matrix as an input");
        }
    }
}
