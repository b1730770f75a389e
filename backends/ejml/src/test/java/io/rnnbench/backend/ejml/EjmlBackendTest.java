package io.rnnbench.backend.ejml;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Transpose;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link EjmlBackend} against hand-written formulas: products against a triple loop, elementwise operations and
 * losses against their defining formula on small hand-picked inputs, shape and aliasing errors. Agreement with the
 * raw backend is the verification module's cross-backend suite.
 */
class EjmlBackendTest {
    /** Seed of the random GEMM operands. */
    private static final long SEED = 345L;
    /** |a − b| ≤ ABSOLUTE + RELATIVE·|b|: the cross-backend tolerance of DESIGN §4. */
    private static final double ABSOLUTE = 1e-12;
    private static final double RELATIVE = 1e-10;

    private final EjmlBackend ejml = new EjmlBackend(EjmlBackendProvider.NAME, EjmlProducts.SINGLE_THREAD);

    // ---- registry -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {EjmlBackendProvider.NAME, EjmlMtBackendProvider.NAME})
    void providerIsFoundByName(String name) {
        Backend<?> backend = Backends.byName(name);
        assertInstanceOf(EjmlBackend.class, backend);
        assertEquals(name, backend.name());
    }

    // ---- gemm ---------------------------------------------------------------------------------

    /**
     * Every transpose case, α ≠ 1 and β ∈ {0 over NaN, 1, −0.5}, at sizes on both sides of EJML's kernel switches
     * (15 columns for the reordered kernels, 40 columns of A for the transposed-both one).
     */
    @ParameterizedTest
    @ValueSource(strings = {EjmlBackendProvider.NAME, EjmlMtBackendProvider.NAME})
    void gemmMatchesTripleLoop(String name) {
        EjmlBackend backend = (EjmlBackend) Backends.byName(name);
        Random random = new Random(SEED);
        int[][] mkn = {{3, 5, 4}, {1, 7, 1}, {41, 17, 16}, {16, 45, 43}};
        for (int[] size : mkn) {
            for (Transpose opA : Transpose.values()) {
                for (Transpose opB : Transpose.values()) {
                    for (double beta : new double[] {0.0, 1.0, -0.5}) {
                        checkGemm(backend, random, size[0], size[1], size[2], opA, opB, 0.7, beta);
                    }
                }
            }
        }
    }

    private static void checkGemm(EjmlBackend backend, Random random, int m, int k, int n, Transpose opA,
            Transpose opB, double alpha, double beta) {
        DMatrixRMaj a = randomMatrix(backend, opA == Transpose.N ? m : k, opA == Transpose.N ? k : m, random);
        DMatrixRMaj b = randomMatrix(backend, opB == Transpose.N ? k : n, opB == Transpose.N ? n : k, random);
        DMatrixRMaj c = randomMatrix(backend, m, n, random);
        if (beta == 0.0) {
            backend.fill(c, Double.NaN);
        }
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double aip = opA == Transpose.N ? a.get(i, p) : a.get(p, i);
                    double bpj = opB == Transpose.N ? b.get(p, j) : b.get(j, p);
                    sum += aip * bpj;
                }
                expected[i * n + j] = alpha * sum + (beta == 0.0 ? 0.0 : beta * c.get(i, j));
            }
        }
        backend.gemm(alpha, a, opA, b, opB, beta, c);
        assertClose(backend.name() + " gemm " + opA + opB + " [" + m + ", " + k + ", " + n + "] β = " + beta,
                expected, backend.toArray(c));
    }

    // ---- data movement ------------------------------------------------------------------------

    @Test
    void arrayBoundaryRoundTrips() {
        double[] data = {1, 2, 3, 4, 5, 6};
        DMatrixRMaj a = ejml.fromArray(2, 3, data);
        data[0] = 99; // fromArray copies
        assertEquals(2, ejml.rows(a));
        assertEquals(3, ejml.cols(a));
        assertClose("toArray", new double[] {1, 2, 3, 4, 5, 6}, ejml.toArray(a));
        ejml.fill(a, -2.5);
        assertClose("fill", new double[] {-2.5, -2.5, -2.5, -2.5, -2.5, -2.5}, ejml.toArray(a));
        assertClose("zeros", new double[4], ejml.toArray(ejml.zeros(2, 2)));
    }

    @Test
    void copyBlockCopiesOnlyTheBlock() {
        DMatrixRMaj src = ejml.fromArray(3, 3, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        DMatrixRMaj dst = ejml.zeros(2, 4);
        ejml.copyBlock(src, 1, 1, dst, 0, 2, 2, 2);
        assertClose("copyBlock", new double[] {0, 0, 5, 6, 0, 0, 8, 9}, ejml.toArray(dst));
    }

    @Test
    void gatherAndScatterRows() {
        DMatrixRMaj table = ejml.fromArray(3, 2, new double[] {1, 2, 3, 4, 5, 6});
        int[] index = {2, 0, 2};
        DMatrixRMaj out = ejml.zeros(3, 2);
        ejml.gatherRows(table, index, out);
        assertClose("gatherRows", new double[] {5, 6, 1, 2, 5, 6}, ejml.toArray(out));
        ejml.scatterAddRows(ejml.fromArray(3, 2, new double[] {10, 20, 30, 40, 50, 60}), index, table);
        assertClose("scatterAddRows", new double[] {31, 42, 3, 4, 65, 86}, ejml.toArray(table));
    }

    @Test
    void rowVectorAndColumnSums() {
        DMatrixRMaj out = ejml.fromArray(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        ejml.addRowVector(ejml.fromArray(1, 3, new double[] {10, 20, 30}), out);
        assertClose("addRowVector", new double[] {11, 22, 33, 14, 25, 36}, ejml.toArray(out));
        DMatrixRMaj sums = ejml.fromArray(1, 3, new double[] {1, 1, 1});
        ejml.addColumnSums(out, sums);
        assertClose("addColumnSums", new double[] {26, 48, 70}, ejml.toArray(sums));
    }

    // ---- elementwise ----------------------------------------------------------------------------

    private static final double[] X = {-30, -1.5, -1e-3, 0, 0.25, 2, 19, 710};

    @Test
    void tanhAndSigmoidFollowTheirFormulas() {
        checkUnary("tanh", Math::tanh, (x, out) -> ejml.tanh(x, out));
        checkUnary("sigmoid", v -> 1.0 / (1.0 + Math.exp(-v)), (x, out) -> ejml.sigmoid(x, out));
    }

    /** op(x, out) into a fresh output and in place, against f entry by entry. */
    private void checkUnary(String name, DoubleUnaryOperator f, BiConsumer<DMatrixRMaj, DMatrixRMaj> op) {
        double[] expected = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            expected[i] = f.applyAsDouble(X[i]);
        }
        DMatrixRMaj x = ejml.fromArray(2, 4, X);
        DMatrixRMaj out = ejml.zeros(2, 4);
        op.accept(x, out);
        assertClose(name, expected, ejml.toArray(out));
        assertClose(name + " input", X, ejml.toArray(x));
        op.accept(x, x);
        assertClose(name + " in place", expected, ejml.toArray(x));
    }

    @Test
    void backwardFormsUseTheSavedOutput() {
        double[] y = {-0.9, -0.1, 0, 0.3, 0.5, 0.99};
        double[] dy = {1, -2, 3, 0.5, -4, 2.5};
        double[] tanhDx = new double[y.length];
        double[] sigmoidDx = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            tanhDx[i] = dy[i] * (1 - y[i] * y[i]);
            sigmoidDx[i] = dy[i] * y[i] * (1 - y[i]);
        }
        DMatrixRMaj dx = ejml.zeros(3, 2);
        ejml.tanhBackward(ejml.fromArray(3, 2, y), ejml.fromArray(3, 2, dy), dx);
        assertClose("tanhBackward", tanhDx, ejml.toArray(dx));
        DMatrixRMaj dyInPlace = ejml.fromArray(3, 2, dy);
        ejml.sigmoidBackward(ejml.fromArray(3, 2, y), dyInPlace, dyInPlace);
        assertClose("sigmoidBackward in place", sigmoidDx, ejml.toArray(dyInPlace));
    }

    @Test
    void productsSumsAndScaling() {
        DMatrixRMaj a = ejml.fromArray(2, 2, new double[] {1, -2, 3, 0.5});
        DMatrixRMaj b = ejml.fromArray(2, 2, new double[] {4, 5, -6, 2});
        DMatrixRMaj out = ejml.zeros(2, 2);
        ejml.hadamard(a, b, out);
        assertClose("hadamard", new double[] {4, -10, -18, 1}, ejml.toArray(out));
        ejml.addHadamard(0.5, a, b, out);
        assertClose("addHadamard", new double[] {6, -15, -27, 1.5}, ejml.toArray(out));
        ejml.axpy(-2, a, out);
        assertClose("axpy", new double[] {4, -11, -33, 0.5}, ejml.toArray(out));
        ejml.scale(0.5, out);
        assertClose("scale", new double[] {2, -5.5, -16.5, 0.25}, ejml.toArray(out));
        ejml.clamp(out, -5, 1);
        assertClose("clamp", new double[] {1, -5, -5, 0.25}, ejml.toArray(out));
        assertEquals(1 + 4 + 9 + 0.25, ejml.sumOfSquares(a));
        assertEquals(Double.POSITIVE_INFINITY, ejml.sumOfSquares(ejml.fromArray(1, 2, new double[] {1, 1e200})));
    }

    @Test
    void quotientUpdateOfAdagradAndAdam() {
        double[] g = {0.5, -1, 2};
        double[] g2 = {0, 4, 1e-8};
        DMatrixRMaj out = ejml.fromArray(1, 3, new double[] {1, 1, 1});
        ejml.addQuotientBySqrt(-0.1, ejml.fromArray(1, 3, g), ejml.fromArray(1, 3, g2), 1e-8, 0, out);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = 1 + -0.1 * g[i] / (Math.sqrt(g2[i] + 1e-8) + 0);
        }
        assertClose("addQuotientBySqrt (Adagrad)", expected, ejml.toArray(out));
        ejml.addQuotientBySqrt(-0.1, ejml.fromArray(1, 3, g), ejml.fromArray(1, 3, g2), 0, 1e-8, out);
        for (int i = 0; i < 3; i++) {
            expected[i] += -0.1 * g[i] / (Math.sqrt(g2[i]) + 1e-8);
        }
        assertClose("addQuotientBySqrt (Adam)", expected, ejml.toArray(out));
    }

    // ---- softmax and losses ---------------------------------------------------------------------

    /** Row 0 ordinary, row 1 at ±1e4 where a naive exp overflows. */
    private static final double[] LOGITS = {1, 2, 3, 0.5, 1e4, -1e4, 0, 1e4};
    private static final int[] TARGET = {2, 1};

    @Test
    void softmaxIsStableAndInPlace() {
        DMatrixRMaj z = ejml.fromArray(2, 4, LOGITS);
        DMatrixRMaj p = ejml.zeros(2, 4);
        ejml.softmax(z, p);
        double[] expected = referenceSoftmax(LOGITS, 4);
        assertClose("softmax", expected, ejml.toArray(p));
        assertClose("softmax row 1 (±1e4)", new double[] {0.5, 0, 0, 0.5}, Arrays.copyOfRange(ejml.toArray(p), 4, 8));
        ejml.softmax(z, z);
        assertClose("softmax in place", expected, ejml.toArray(z));
    }

    @Test
    void softmaxCrossEntropyIsFiniteAtLargeLogits() {
        double scale = 0.5;
        double[] p = referenceSoftmax(LOGITS, 4);
        double expectedLoss = 0;
        double[] expectedDz = new double[LOGITS.length];
        for (int i = 0; i < 2; i++) {
            double max = Arrays.stream(LOGITS, i * 4, i * 4 + 4).max().getAsDouble();
            double sum = 0;
            for (int j = 0; j < 4; j++) {
                sum += Math.exp(LOGITS[i * 4 + j] - max);
                expectedDz[i * 4 + j] = scale * (p[i * 4 + j] - (j == TARGET[i] ? 1 : 0));
            }
            expectedLoss += max + Math.log(sum) - LOGITS[i * 4 + TARGET[i]];
        }
        DMatrixRMaj z = ejml.fromArray(2, 4, LOGITS);
        double loss = ejml.softmaxCrossEntropy(z, TARGET, scale, z);
        assertTrue(Double.isFinite(loss), "loss " + loss);
        assertClose("softmaxCrossEntropy loss", new double[] {expectedLoss}, new double[] {loss});
        assertClose("softmaxCrossEntropy dz (in place)", expectedDz, ejml.toArray(z));
        // Row 1 alone: log(2 e^1e4) − (−1e4) = 2e4 + log 2.
        double row1 = ejml.softmaxCrossEntropy(ejml.fromArray(1, 4, Arrays.copyOfRange(LOGITS, 4, 8)),
                new int[] {1}, 1, ejml.zeros(1, 4));
        assertClose("softmaxCrossEntropy at ±1e4", new double[] {2e4 + Math.log(2)}, new double[] {row1});
    }

    @Test
    void scratchFollowsShrinkingAndGrowingShapes() {
        double[] big = referenceSoftmax(LOGITS, 4);
        double[] small = referenceSoftmax(new double[] {3, 1}, 2);
        DMatrixRMaj p = ejml.zeros(2, 4);
        ejml.softmax(ejml.fromArray(2, 4, LOGITS), p);
        DMatrixRMaj q = ejml.zeros(1, 2);
        ejml.softmax(ejml.fromArray(1, 2, new double[] {3, 1}), q);
        assertClose("softmax after a larger one", small, ejml.toArray(q));
        ejml.softmax(ejml.fromArray(2, 4, LOGITS), p);
        assertClose("softmax after a smaller one", big, ejml.toArray(p));
        DMatrixRMaj sums = ejml.zeros(1, 1);
        ejml.addColumnSums(ejml.fromArray(2, 1, new double[] {2, 3}), sums);
        assertClose("addColumnSums after a wider one", new double[] {5}, ejml.toArray(sums));
    }

    @Test
    void sigmoidCrossEntropyIsFiniteAtLargeLogits() {
        double[] z = {1e4, -1e4, 0.3, -2, 1e4, -1e4};
        double[] y = {1, 1, 0.25, 0, 0, 0};
        double scale = 2;
        double expectedLoss = 0;
        double[] expectedDz = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            expectedLoss += Math.max(z[i], 0) - z[i] * y[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
            expectedDz[i] = scale * (1.0 / (1.0 + Math.exp(-z[i])) - y[i]);
        }
        DMatrixRMaj logits = ejml.fromArray(2, 3, z);
        double loss = ejml.sigmoidCrossEntropy(logits, ejml.fromArray(2, 3, y), scale, logits);
        assertTrue(Double.isFinite(loss), "loss " + loss);
        // z = −1e4 with y = 1 and z = 1e4 with y = 0 each cost 1e4; the rest is small.
        assertTrue(Math.abs(loss - 2e4) < 10, "loss " + loss);
        assertClose("sigmoidCrossEntropy loss", new double[] {expectedLoss}, new double[] {loss});
        assertClose("sigmoidCrossEntropy dz (in place)", expectedDz, ejml.toArray(logits));
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void shapeMismatchesNameBothShapes() {
        DMatrixRMaj a23 = ejml.zeros(2, 3);
        DMatrixRMaj a32 = ejml.zeros(3, 2);
        DMatrixRMaj a22 = ejml.zeros(2, 2);
        assertMessageNames(() -> ejml.hadamard(a23, a32, a23), "[2, 3]", "[3, 2]");
        assertMessageNames(() -> ejml.tanh(a23, a32), "[2, 3]", "[3, 2]");
        assertMessageNames(() -> ejml.gemm(1, a23, Transpose.N, a23, Transpose.N, 0, a22), "[2, 3]", "[2, 3]",
                "inner dimensions differ");
        assertMessageNames(() -> ejml.gemm(1, a23, Transpose.N, a32, Transpose.N, 0, a23), "[2, 2]", "[2, 3]");
        assertMessageNames(() -> ejml.addRowVector(a23, a22), "[1, 2]", "[2, 3]");
        assertMessageNames(() -> ejml.addColumnSums(a23, a22), "[1, 3]", "[2, 2]");
        assertMessageNames(() -> ejml.gatherRows(a23, new int[] {0, 1, 0}, a22), "[3, 3]", "[2, 2]");
        assertMessageNames(() -> ejml.copyBlock(a23, 1, 1, a22, 0, 0, 2, 2), "[2, 2]", "[2, 3]");
        assertMessageNames(() -> ejml.softmaxCrossEntropy(a23, new int[] {0}, 1, a23), "1 entries", "expected 2");
        assertMessageNames(() -> ejml.gatherRows(a23, new int[] {0, 2}, a23), "index[1] = 2", "[0, 2)");
        assertMessageNames(() -> ejml.fromArray(2, 2, new double[3]), "3 entries", "expected 4");
        assertMessageNames(() -> ejml.zeros(0, 2), "[0, 2]");
    }

    @Test
    void aliasingIsRejectedWhereTheSpiForbidsIt() {
        DMatrixRMaj a = ejml.zeros(2, 2);
        DMatrixRMaj b = ejml.zeros(2, 2);
        String message = "the output must not be the same matrix as an input";
        assertMessageNames(() -> ejml.gemm(1, a, Transpose.N, b, Transpose.N, 0, a), "gemm", message);
        assertMessageNames(() -> ejml.gemm(1, a, Transpose.T, b, Transpose.T, 1, b), "gemm", message);
        assertMessageNames(() -> ejml.addHadamard(1, a, b, b), "addHadamard", message);
        assertMessageNames(() -> ejml.addQuotientBySqrt(1, a, b, 0, 1e-8, a), "addQuotientBySqrt", message);
        assertMessageNames(() -> ejml.copyBlock(a, 0, 0, a, 1, 1, 1, 1), "copyBlock", message);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static void assertMessageNames(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' does not name " + part);
        }
    }

    /** Row-wise softmax of a row-major {@code [·, n]} array, the textbook way with the max shift. */
    private static double[] referenceSoftmax(double[] z, int n) {
        double[] p = new double[z.length];
        for (int row = 0; row < z.length; row += n) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = row; j < row + n; j++) {
                max = Math.max(max, z[j]);
            }
            double sum = 0;
            for (int j = row; j < row + n; j++) {
                sum += Math.exp(z[j] - max);
            }
            for (int j = row; j < row + n; j++) {
                p[j] = Math.exp(z[j] - max) / sum;
            }
        }
        return p;
    }

    private static DMatrixRMaj randomMatrix(EjmlBackend backend, int rows, int cols, Random random) {
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        return backend.fromArray(rows, cols, data);
    }

    /** Entry by entry within ABSOLUTE + RELATIVE·|expected|; the message gives the index and both values. */
    private static void assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            if (!(error <= ABSOLUTE + RELATIVE * Math.abs(expected[i]))) {
                fail(what + ": at " + i + " expected " + expected[i] + " but was " + actual[i] + " (|error| " + error + ")");
            }
        }
    }
}
