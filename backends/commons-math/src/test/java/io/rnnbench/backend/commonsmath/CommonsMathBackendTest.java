package io.rnnbench.backend.commonsmath;

import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Transpose;
import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both commons-math backends ({@code commons-math} on {@code BlockRealMatrix}, {@code commons-math-array} on
 * {@code Array2DRowRealMatrix}) against the formulas of the SPI, written out here as plain loops over arrays: every
 * test runs once per registry name. Agreement with the raw backend is the verification module's cross-backend suite.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {CommonsMathBackendProvider.NAME, CommonsMathArrayBackendProvider.NAME})
class CommonsMathBackendTest {
    /** The cross-backend tolerance of DESIGN §4: |a − b| ≤ 1e−12 + 1e−10·|b|. */
    private static final double ABSOLUTE = 1e-12;
    private static final double RELATIVE = 1e-10;
    private static final long SEED = 345L;

    private final String name;
    private final CommonsMathBackend<AbstractRealMatrix> backend;
    private final Random random = new Random(SEED);

    CommonsMathBackendTest(String name) {
        this.name = name;
        this.backend = backend(name);
    }

    /**
     * The registered backend, typed with {@code T} = {@code AbstractRealMatrix} so that one test body serves both
     * classes. Unchecked but sound here: {@code T} is erased, and every matrix a test passes in was made by the
     * same backend, so it holds that backend's class.
     */
    @SuppressWarnings("unchecked")
    private static CommonsMathBackend<AbstractRealMatrix> backend(String name) {
        return (CommonsMathBackend<AbstractRealMatrix>) Backends.byName(name);
    }

    /** The Commons Math class the backend registered as {@link #name} holds. */
    private Class<? extends AbstractRealMatrix> matrixClass() {
        return name.equals(CommonsMathBackendProvider.NAME) ? BlockRealMatrix.class : Array2DRowRealMatrix.class;
    }

    @Test
    void providerIsFoundByNameAndHoldsItsClass() {
        assertEquals(name, backend.name());
        assertInstanceOf(CommonsMathBackend.class, Backends.byName(name));
        assertEquals(matrixClass(), backend.zeros(2, 3).value.getClass());
        assertEquals(matrixClass(), backend.fromArray(1, 2, new double[] {1, 2}).value.getClass());
        assertTrue(Backends.names().containsAll(List.of(CommonsMathBackendProvider.NAME,
                CommonsMathArrayBackendProvider.NAME)), () -> "registered: " + Backends.names());
    }

    /** gemm keeps the product as C's matrix: it must stay of the backend's class for every transpose case. */
    @ParameterizedTest(name = "op(A) = {0}, op(B) = {1}")
    @CsvSource({"N, N", "T, N", "N, T", "T, T"})
    void gemmKeepsTheBackendsMatrixClass(Transpose opA, Transpose opB) {
        var c = backend.zeros(2, 3);
        backend.gemm(1.0, backend.zeros(opA == Transpose.N ? 2 : 4, opA == Transpose.N ? 4 : 2), opA,
                backend.zeros(opB == Transpose.N ? 4 : 3, opB == Transpose.N ? 3 : 4), opB, 0.0, c);
        assertEquals(matrixClass(), c.value.getClass());
    }

    // ---- gemm ------------------------------------------------------------------------------------

    /** 53 × 54 × 55 crosses the 52-entry blocks of {@code BlockRealMatrix}; 3 × 4 × 5 does not. */
    @ParameterizedTest(name = "op(A) = {0}, op(B) = {1}, [{2}, {3}]·[{3}, {4}], α = {5}, β = {6}")
    @CsvSource({
        "N, N, 3, 4, 5, 1.0, 0.0", "T, N, 3, 4, 5, 1.0, 0.0", "N, T, 3, 4, 5, 1.0, 0.0", "T, T, 3, 4, 5, 1.0, 0.0",
        "N, N, 3, 4, 5, -0.5, 1.0", "T, N, 3, 4, 5, -0.5, 1.0", "N, T, 3, 4, 5, -0.5, 1.0", "T, T, 3, 4, 5, -0.5, 1.0",
        "N, N, 3, 4, 5, 2.0, 0.25", "T, N, 3, 4, 5, 2.0, 0.25", "N, T, 3, 4, 5, 2.0, 0.25", "T, T, 3, 4, 5, 2.0, 0.25",
        "N, N, 53, 54, 55, 0.5, -1.5", "T, N, 53, 54, 55, 0.5, -1.5", "N, T, 53, 54, 55, 0.5, -1.5",
        "T, T, 53, 54, 55, 0.5, -1.5", "N, N, 1, 1, 1, 3.0, 2.0"})
    void gemmMatchesTripleLoop(Transpose opA, Transpose opB, int m, int k, int n, double alpha, double beta) {
        double[] a = randomArray(m * k); // op(A) [m, k]; stored [k, m] when transposed
        double[] b = randomArray(k * n); // op(B) [k, n]; stored [n, k] when transposed
        double[] c = randomArray(m * n);
        var cm = backend.fromArray(m, n, c);
        backend.gemm(alpha, stored(a, opA, m, k), opA, stored(b, opB, k, n), opB, beta, cm);
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                expected[i * n + j] = alpha * sum + beta * c[i * n + j];
            }
        }
        assertClose("C", expected, backend.toArray(cm));
    }

    @ParameterizedTest(name = "op(A) = {0}, op(B) = {1}")
    @CsvSource({"N, N", "T, N", "N, T", "T, T"})
    void gemmWithBetaZeroIgnoresNaNInC(Transpose opA, Transpose opB) {
        double[] a = {1, 2, 3, 4}; // [2, 2], symmetric use: op(A) is A or Aᵀ
        double[] b = {5, 6, 7, 8};
        var c = backend.zeros(2, 2);
        backend.fill(c, Double.NaN);
        backend.gemm(2.0, backend.fromArray(2, 2, a), opA, backend.fromArray(2, 2, b), opB, 0.0, c);
        double[] opAData = opA == Transpose.N ? a : new double[] {1, 3, 2, 4};
        double[] opBData = opB == Transpose.N ? b : new double[] {5, 7, 6, 8};
        double[] expected = new double[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                expected[i * 2 + j] = 2.0 * (opAData[i * 2] * opBData[j] + opAData[i * 2 + 1] * opBData[2 + j]);
            }
        }
        assertArrayEquals(expected, backend.toArray(c));
    }

    @Test
    void gemmRejectsMismatchedShapesNamingBoth() {
        var a = backend.zeros(3, 4);
        var b = backend.zeros(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(1.0, a, Transpose.N, b, Transpose.N, 0.0, backend.zeros(3, 2)));
        assertEquals("gemm: op(A) [3, 4] · op(B) [5, 2]: inner dimensions differ", e.getMessage());
        IllegalArgumentException wrongC = assertThrows(IllegalArgumentException.class,
                () -> backend.gemm(1.0, a, Transpose.N, backend.zeros(4, 2), Transpose.N, 0.0, backend.zeros(2, 3)));
        assertEquals("gemm: op(A) [3, 4] · op(B) [4, 2] is [3, 2] but C is [2, 3]", wrongC.getMessage());
    }

    @Test
    void gemmRejectsOutputAliasingAnInput() {
        var a = backend.zeros(2, 2);
        var b = backend.zeros(2, 2);
        assertThrows(IllegalArgumentException.class, () -> backend.gemm(1.0, a, Transpose.N, b, Transpose.N, 0.0, a));
        assertThrows(IllegalArgumentException.class, () -> backend.gemm(1.0, a, Transpose.N, b, Transpose.T, 1.0, b));
    }

    // ---- creation and data movement ----------------------------------------------------------------

    @Test
    void fromArrayAndToArrayRoundTripRowMajor() {
        double[] data = randomArray(7 * 60); // more columns than one 52-wide block
        var a = backend.fromArray(7, 60, data);
        assertEquals(7, backend.rows(a));
        assertEquals(60, backend.cols(a));
        assertArrayEquals(data, backend.toArray(a));
        assertArrayEquals(new double[6], backend.toArray(backend.zeros(2, 3)));
    }

    @Test
    void creationRejectsBadSizes() {
        assertEquals("matrix: sizes must be ≥ 1, got [0, 3]",
                assertThrows(IllegalArgumentException.class, () -> backend.zeros(0, 3)).getMessage());
        assertEquals("fromArray: data has 5 entries, expected 6",
                assertThrows(IllegalArgumentException.class, () -> backend.fromArray(2, 3, new double[5])).getMessage());
    }

    @Test
    void fillSetsEveryEntry() {
        var a = backend.zeros(2, 3);
        backend.fill(a, 1.5);
        assertArrayEquals(new double[] {1.5, 1.5, 1.5, 1.5, 1.5, 1.5}, backend.toArray(a));
    }

    @Test
    void copyBlockCopiesOnlyTheBlock() {
        var src = backend.fromArray(3, 4, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        var dst = backend.zeros(3, 3);
        backend.copyBlock(src, 1, 2, dst, 0, 1, 2, 2); // src rows 1..2, cols 2..3 to dst rows 0..1, cols 1..2
        assertArrayEquals(new double[] {0, 6, 7, 0, 10, 11, 0, 0, 0}, backend.toArray(dst));
        backend.copyBlock(src, 0, 0, dst, 0, 0, 0, 3); // empty: nothing happens
        assertArrayEquals(new double[] {0, 6, 7, 0, 10, 11, 0, 0, 0}, backend.toArray(dst));
        assertEquals("copyBlock: block [2, 2] at (2, 0) does not fit in dst [3, 3]", assertThrows(
                IllegalArgumentException.class, () -> backend.copyBlock(src, 0, 0, dst, 2, 0, 2, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> backend.copyBlock(src, 0, 0, src, 1, 1, 1, 1));
    }

    @Test
    void gatherAndScatterAddRows() {
        var table = backend.fromArray(3, 2, new double[] {1, 2, 3, 4, 5, 6});
        var out = backend.zeros(4, 2);
        int[] index = {2, 0, 2, 1};
        backend.gatherRows(table, index, out);
        assertArrayEquals(new double[] {5, 6, 1, 2, 5, 6, 3, 4}, backend.toArray(out));
        backend.scatterAddRows(out, index, table); // row 2 receives two rows: repeated indices accumulate
        assertArrayEquals(new double[] {2, 4, 6, 8, 15, 18}, backend.toArray(table));
        assertEquals("gatherRows: index[1] = 3 is outside [0, 3)", assertThrows(IllegalArgumentException.class,
                () -> backend.gatherRows(table, new int[] {0, 3}, backend.zeros(2, 2))).getMessage());
        assertEquals("scatterAddRows: expected src [3, 2], got [4, 2]", assertThrows(IllegalArgumentException.class,
                () -> backend.scatterAddRows(out, new int[] {0, 1, 2}, table)).getMessage());
    }

    @Test
    void addRowVectorAndColumnSums() {
        var out = backend.fromArray(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        backend.addRowVector(backend.fromArray(1, 3, new double[] {10, 20, 30}), out);
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, backend.toArray(out));
        var sums = backend.fromArray(1, 3, new double[] {1, 1, 1});
        backend.addColumnSums(out, sums);
        assertArrayEquals(new double[] {26, 48, 70}, backend.toArray(sums));
        assertEquals("addRowVector: expected bias [1, 3], got [1, 2]", assertThrows(IllegalArgumentException.class,
                () -> backend.addRowVector(backend.zeros(1, 2), out)).getMessage());
    }

    // ---- elementwise -------------------------------------------------------------------------------

    /** Hand-picked entries, including the logit magnitudes 1e4 at which naive formulas overflow. */
    private static final double[] X = {-1e4, -3.5, -1, -0.0, 0.25, 2, 20, 1e4};

    @Test
    void tanhAndSigmoidFollowTheirFormulas() {
        var x = backend.fromArray(2, 4, X);
        var out = backend.zeros(2, 4);
        backend.tanh(x, out);
        assertClose("tanh", map(X, Math::tanh), backend.toArray(out));
        backend.sigmoid(x, out);
        assertClose("sigmoid", map(X, v -> 1.0 / (1.0 + Math.exp(-v))), backend.toArray(out));
        backend.sigmoid(x, x); // in place
        assertClose("sigmoid in place", map(X, v -> 1.0 / (1.0 + Math.exp(-v))), backend.toArray(x));
        assertEquals("tanh: first operand is [2, 4] but second operand is [4, 2]; they must have the same shape",
                assertThrows(IllegalArgumentException.class, () -> backend.tanh(x, backend.zeros(4, 2))).getMessage());
    }

    @Test
    void backwardOpsFollowTheirFormulas() {
        double[] y = {-0.9, -0.5, 0, 0.1, 0.3, 0.5, 0.7, 0.99};
        double[] dy = randomArray(8);
        var dx = backend.zeros(2, 4);
        backend.tanhBackward(backend.fromArray(2, 4, y), backend.fromArray(2, 4, dy), dx);
        assertClose("tanhBackward", zip(dy, y, (g, v) -> g * (1 - v * v)), backend.toArray(dx));
        var dyInPlace = backend.fromArray(2, 4, dy);
        backend.sigmoidBackward(backend.fromArray(2, 4, y), dyInPlace, dyInPlace); // dx may be dy
        assertClose("sigmoidBackward", zip(dy, y, (g, v) -> g * v * (1 - v)), backend.toArray(dyInPlace));
    }

    @Test
    void hadamardAxpyScaleClampFollowTheirFormulas() {
        double[] a = randomArray(6);
        double[] b = randomArray(6);
        var am = backend.fromArray(2, 3, a);
        var bm = backend.fromArray(2, 3, b);
        var out = backend.fromArray(2, 3, new double[] {1, 1, 1, 1, 1, 1});
        backend.addHadamard(-2.0, am, bm, out);
        assertClose("addHadamard", zip(a, b, (u, v) -> 1 - 2 * u * v), backend.toArray(out));
        backend.hadamard(am, bm, am); // out may be a
        assertClose("hadamard", zip(a, b, (u, v) -> u * v), backend.toArray(am));
        var y = backend.fromArray(2, 3, b);
        backend.axpy(0.5, backend.fromArray(2, 3, a), y);
        assertClose("axpy", zip(a, b, (u, v) -> v + 0.5 * u), backend.toArray(y));
        backend.scale(-3.0, y);
        assertClose("scale", zip(a, b, (u, v) -> -3 * (v + 0.5 * u)), backend.toArray(y));
        var x = backend.fromArray(2, 4, X);
        backend.clamp(x, -5, 5);
        assertArrayEquals(new double[] {-5, -3.5, -1, -0.0, 0.25, 2, 5, 5}, backend.toArray(x));
    }

    @Test
    void addQuotientBySqrtFollowsAdagradAndAdam() {
        double[] w = {1, 2, 3, 4};
        double[] g = {0.5, -1, 2, 0};
        double[] g2 = {0.25, 1, 4, 0};
        var adagrad = backend.fromArray(2, 2, w);
        backend.addQuotientBySqrt(-0.1, backend.fromArray(2, 2, g), backend.fromArray(2, 2, g2), 1e-8, 0, adagrad);
        double[] step = zip(g, g2, (u, v) -> u / (Math.sqrt(v + 1e-8) + 0));
        assertClose("adagrad", zip(w, step, (p, q) -> p - 0.1 * q), backend.toArray(adagrad));
        var adam = backend.fromArray(2, 2, w);
        backend.addQuotientBySqrt(-0.1, backend.fromArray(2, 2, g), backend.fromArray(2, 2, g2), 0, 1e-3, adam);
        step = zip(g, g2, (u, v) -> u / (Math.sqrt(v + 0) + 1e-3));
        assertClose("adam", zip(w, step, (p, q) -> p - 0.1 * q), backend.toArray(adam));
    }

    @Test
    void elementwiseOutputsMustNotAliasWhereTheSpiSaysSo() {
        var a = backend.zeros(2, 2);
        var b = backend.zeros(2, 2);
        assertEquals("addHadamard: the output must not be the same matrix as an input",
                assertThrows(IllegalArgumentException.class, () -> backend.addHadamard(1, a, b, a)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> backend.addHadamard(1, a, b, b));
        assertThrows(IllegalArgumentException.class, () -> backend.addQuotientBySqrt(1, a, b, 0, 1, a));
        assertThrows(IllegalArgumentException.class, () -> backend.addQuotientBySqrt(1, a, b, 0, 1, b));
    }

    // ---- reductions and losses ---------------------------------------------------------------------

    @Test
    void sumOfSquares() {
        assertEquals(1 + 4 + 9 + 16.0, backend.sumOfSquares(backend.fromArray(2, 2, new double[] {1, -2, 3, -4})));
        assertTrue(Double.isNaN(backend.sumOfSquares(backend.fromArray(1, 2, new double[] {1, Double.NaN}))));
    }

    /** Rows: ordinary logits, and logits of ±1e4 where exp overflows without the max shift. */
    private static final double[] Z = {1, 2, 3, 1e4, -1e4, 0};

    @Test
    void softmaxIsStableAndSumsToOne() {
        var p = backend.zeros(2, 3);
        backend.softmax(backend.fromArray(2, 3, Z), p);
        double e1 = Math.exp(-2);
        double e2 = Math.exp(-1);
        double sum = e1 + e2 + 1;
        assertClose("softmax", new double[] {e1 / sum, e2 / sum, 1 / sum, 1, 0, Math.exp(-1e4)}, backend.toArray(p));
    }

    @Test
    void softmaxCrossEntropyIsFiniteAtLargeLogitsAndGivesItsGradient() {
        var z = backend.fromArray(2, 3, Z);
        int[] target = {0, 1};
        double loss = backend.softmaxCrossEntropy(z, target, 0.5, z); // dz may be z
        double logSumExp0 = 3 + Math.log(Math.exp(-2) + Math.exp(-1) + 1);
        // row 1: log Σ exp = 1e4 (the other terms vanish), minus z[1, 1] = −1e4
        assertEquals(logSumExp0 - 1 + 2e4, loss, ABSOLUTE + RELATIVE * 2e4);
        double s = Math.exp(-2) + Math.exp(-1) + 1;
        double[] dz = {0.5 * (Math.exp(-2) / s - 1), 0.5 * Math.exp(-1) / s, 0.5 / s, 0.5, 0.5 * -1, 0};
        assertClose("dz", dz, backend.toArray(z));
        assertEquals("softmaxCrossEntropy: index[1] = 3 is outside [0, 3)", assertThrows(IllegalArgumentException.class,
                () -> backend.softmaxCrossEntropy(z, new int[] {0, 3}, 1, z)).getMessage());
        assertEquals("softmaxCrossEntropy: target has 1 entries, expected 2", assertThrows(
                IllegalArgumentException.class, () -> backend.softmaxCrossEntropy(z, new int[] {0}, 1, z)).getMessage());
    }

    @Test
    void sigmoidCrossEntropyIsFiniteAtLargeLogitsAndGivesItsGradient() {
        double[] z = {1e4, -1e4, 1e4, -1e4, 0.5, -2};
        double[] y = {0, 1, 1, 0, 0.3, 1};
        var dz = backend.zeros(2, 3);
        double loss = backend.sigmoidCrossEntropy(backend.fromArray(2, 3, z), backend.fromArray(2, 3, y), 2.0, dz);
        double expected = 1e4 + 1e4 + 0 + 0 // exact at |z| = 1e4: log1p(e^−1e4) = 0
                + (0.5 - 0.5 * 0.3 + Math.log1p(Math.exp(-0.5))) + (0 + 2 + Math.log1p(Math.exp(-2)));
        assertEquals(expected, loss, ABSOLUTE + RELATIVE * expected);
        assertClose("dz", zip(z, y, (u, v) -> 2.0 * (1 / (1 + Math.exp(-u)) - v)), backend.toArray(dz));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private double[] randomArray(int n) {
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = 2 * random.nextDouble() - 1;
        }
        return data;
    }

    /** The matrix stored for op(X) = {@code data} [rows, cols]: data itself, or its transpose when op = T. */
    private CommonsMathMatrix<AbstractRealMatrix> stored(double[] data, Transpose op, int rows, int cols) {
        if (op == Transpose.N) {
            return backend.fromArray(rows, cols, data);
        }
        double[] transposed = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                transposed[j * rows + i] = data[i * cols + j];
            }
        }
        return backend.fromArray(cols, rows, transposed);
    }

    private static double[] map(double[] x, DoubleUnaryOperator f) {
        return Arrays.stream(x).map(f).toArray();
    }

    private static double[] zip(double[] a, double[] b, DoubleBinaryOperator f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = f.applyAsDouble(a[i], b[i]);
        }
        return out;
    }

    private static void assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            int at = i;
            double e = expected[i];
            double a = actual[i];
            assertTrue(Math.abs(a - e) <= ABSOLUTE + RELATIVE * Math.abs(e),
                    () -> what + " at " + at + ": expected " + e + ", got " + a + " (difference " + Math.abs(a - e) + ")");
        }
    }
}
