package io.rnnbench.verification;

import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every SPI operation of one backend against the reference backend {@code raw}, on awkward shapes (1, odd, prime,
 * not a multiple of any block size) and on the values that break naive code (β = 0 over a NaN C, logits of ±1e4).
 * Results agree to the backend's {@link ToleranceClass#primitive} tolerance (float64: {@link Tolerances#ONE_PASS_ATOL} +
 * {@link Tolerances#ONE_PASS_RTOL}·|b|; float32: from the number of terms each entry sums). The suite checks at
 * the end that it called every method of {@link Backend}. A backend is verified by a subclass with one
 * constructor: {@code super("my-backend")}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PrimitiveOperationsSuite {
    /** Matrix sizes swept: 1, small odd, primes, one past a power of two. */
    private static final int[][] SHAPES = {{1, 1}, {1, 7}, {7, 1}, {3, 5}, {13, 17}, {31, 65}};
    private static final int[] GEMM_SIZES = {1, 7, 13, 65};
    /**
     * Roundings chained in one entry of the fused LSTM step, counted as terms of {@link ToleranceClass#primitive}: dz_f
     * = dc ⊙ c_{t−1} ⊙ f(1 − f) after dc = dh ⊙ o ⊙ (1 − tanh²c) + dc, on rounded inputs.
     */
    private static final int LSTM_STEP_TERMS = 8;

    private final String backendName;
    private CountingBackend counting;
    private Backend<Object> backend;
    private Backend<Object> reference;
    private NumpyRandomState random;
    private ToleranceClass tolerances;

    protected PrimitiveOperationsSuite(String backendName) {
        this.backendName = backendName;
    }

    @SuppressWarnings("unchecked")
    @BeforeAll
    void setUp() {
        counting = new CountingBackend(Backends.byName(backendName));
        backend = counting.backend();
        reference = (Backend<Object>) Backends.byName(BackendAgreementSuite.REFERENCE);
        random = new NumpyRandomState(Seeds.MODEL);
        tolerances = ToleranceClass.of(backendName);
    }

    @AfterAll
    void everySpiMethodWasExercised() {
        assertTrue(counting.notCalled().isEmpty(), backendName + ": the primitive-operations suite never called "
                + counting.notCalled() + "; add a check for each new SPI method");
    }

    @Test
    void nameIsTheRegistryName() {
        assertEquals(backendName, backend.name(), "Backend.name() must be the name it is registered under");
    }

    @Test
    void boundaryRoundTripsAndShapes() {
        for (int[] s : SHAPES) {
            double[] values = random.randn(s[0] * s[1]);
            Object m = backend.fromArray(s[0], s[1], values);
            assertEquals(s[0], backend.rows(m));
            assertEquals(s[1], backend.cols(m));
            assertEquals(java.util.Arrays.toString(tolerances.representable(values)), java.util.Arrays.toString(backend.toArray(m)),
                    backendName + ": fromArray/toArray");
            Object loaded = backend.zeros(s[0], s[1]);
            backend.load(values, loaded);
            compare("load", s, backend.toArray(loaded), values);
            Object zeros = backend.zeros(s[0], s[1]);
            compare("zeros", s, backend.toArray(zeros), new double[s[0] * s[1]]);
            backend.fill(zeros, -2.5);
            double[] filled = new double[s[0] * s[1]];
            java.util.Arrays.fill(filled, -2.5);
            compare("fill", s, backend.toArray(zeros), filled);
        }
    }

    @Test
    void gemmInEveryTransposeCase() {
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                for (int m : GEMM_SIZES) {
                    for (int n : GEMM_SIZES) {
                        for (int k : GEMM_SIZES) {
                            for (double beta : new double[] {0.0, 1.0, -0.5}) {
                                gemm(opA, opB, m, n, k, beta);
                            }
                        }
                    }
                }
            }
        }
    }

    private void gemm(Transpose opA, Transpose opB, int m, int n, int k, double beta) {
        int[] a = opA == Transpose.N ? new int[] {m, k} : new int[] {k, m};
        int[] b = opB == Transpose.N ? new int[] {k, n} : new int[] {n, k};
        double[] aValues = random.randn(a[0] * a[1]);
        double[] bValues = random.randn(b[0] * b[1]);
        double[] cValues = random.randn(m * n);
        if (beta == 0.0) {
            java.util.Arrays.fill(cValues, Double.NaN); // β = 0 must ignore C, NaN included
        }
        String what = "gemm " + opA + opB + " m=" + m + " n=" + n + " k=" + k + " β=" + beta;
        compareBoth(what, new int[] {m, n}, k, (be, ms) -> {
            Object c = be.fromArray(m, n, cValues);
            be.gemm(0.7, be.fromArray(a[0], a[1], aValues), opA, be.fromArray(b[0], b[1], bValues), opB, beta, c);
            return be.toArray(c);
        });
    }

    /**
     * A backend may keep what it derives from a GEMM operand between calls (raw packs a right operand it is given
     * twice in a row once, for the recurrence's W_h); every operation that writes a matrix must make the next
     * product see the new entries. For each of them, in both transpose cases: B is multiplied twice, written by
     * the operation, multiplied again, and that product is checked against a plain triple loop over B's entries
     * as they now are (not against {@code raw}, which keeps operands itself).
     */
    @Test
    void aRepeatedOperandIsReadAgainAfterEveryWrite() {
        int s = 13;
        Map<String, Consumer<Object>> writes = new LinkedHashMap<>(); // each writes a [13, 13] B
        writes.put("load", b -> backend.load(random.randn(s * s), b));
        writes.put("fill", b -> backend.fill(b, 0.5));
        writes.put("copyBlock", b -> backend.copyBlock(matrix(s, s), 0, 0, b, 2, 3, 5, 4));
        writes.put("transpose", b -> backend.transpose(matrix(s, s), b));
        writes.put("gatherRows", b -> backend.gatherRows(matrix(3, s), new int[] {2, 0, 1, 1, 0, 2, 2, 1, 0, 0, 1, 2, 2}, b));
        writes.put("scatterAddRows", b -> backend.scatterAddRows(matrix(2, s), new int[] {0, 7}, b));
        writes.put("gemm, as C", b -> backend.gemm(1.0, matrix(s, 2), Transpose.N, matrix(2, s), Transpose.N, 1.0, b));
        writes.put("addRowVector", b -> backend.addRowVector(matrix(1, s), b));
        writes.put("tanh", b -> backend.tanh(matrix(s, s), b));
        writes.put("sigmoid", b -> backend.sigmoid(matrix(s, s), b));
        writes.put("tanhBackward", b -> backend.tanhBackward(matrix(s, s), matrix(s, s), b));
        writes.put("sigmoidBackward", b -> backend.sigmoidBackward(matrix(s, s), matrix(s, s), b));
        writes.put("hadamard", b -> backend.hadamard(matrix(s, s), matrix(s, s), b));
        writes.put("addHadamard", b -> backend.addHadamard(0.5, matrix(s, s), matrix(s, s), b));
        writes.put("axpy", b -> backend.axpy(0.5, matrix(s, s), b));
        writes.put("scale", b -> backend.scale(-2.0, b));
        writes.put("clamp", b -> backend.clamp(b, -0.1, 0.1));
        writes.put("addQuotientBySqrt", b -> {
            Object squares = matrix(s, s);
            backend.hadamard(matrix(s, s), matrix(s, s), squares);
            backend.clamp(squares, 0.0, Double.MAX_VALUE);
            backend.addQuotientBySqrt(0.5, matrix(s, s), squares, 1e-8, 1e-8, b);
        });
        writes.put("softmax", b -> backend.softmax(matrix(s, s), b));
        writes.put("softmaxCrossEntropy", b -> backend.softmaxCrossEntropy(matrix(s, s), new int[s], 1.0, b));
        writes.put("sigmoidCrossEntropy", b -> backend.sigmoidCrossEntropy(matrix(s, s), matrix(s, s), 1.0, b));
        writes.put("lstmForward, as c", b -> backend.lstmForward(matrix(s, 4 * s), matrix(s, s), backend.zeros(s, 4 * s), b,
                backend.zeros(s, s), backend.zeros(s, s)));
        writes.put("lstmForward, as tanhC", b -> backend.lstmForward(matrix(s, 4 * s), matrix(s, s), backend.zeros(s, 4 * s),
                backend.zeros(s, s), b, backend.zeros(s, s)));
        writes.put("lstmForward, as h", b -> backend.lstmForward(matrix(s, 4 * s), matrix(s, s), backend.zeros(s, 4 * s),
                backend.zeros(s, s), backend.zeros(s, s), b));
        writes.put("lstmBackward, as dc", b -> backend.lstmBackward(sigmoids(s, 4 * s), matrix(s, s), matrix(s, s),
                matrix(s, s), b, backend.zeros(s, 4 * s)));
        for (Map.Entry<String, Consumer<Object>> write : writes.entrySet()) {
            for (Transpose opB : Transpose.values()) {
                productAfterWrite(write.getKey(), opB, s, s, write.getValue());
            }
        }
        // The writing operations whose output is not square: a row vector, and the LSTM's gate blocks [13, 52].
        for (Transpose opB : Transpose.values()) {
            productAfterWrite("addColumnSums", opB, 1, s, b -> backend.addColumnSums(matrix(s, s), b));
            productAfterWrite("lstmForward, as gates", opB, s, 4 * s, b -> backend.lstmForward(matrix(s, 4 * s), matrix(s, s), b,
                    backend.zeros(s, s), backend.zeros(s, s), backend.zeros(s, s)));
            productAfterWrite("lstmBackward, as dz", opB, s, 4 * s, b -> backend.lstmBackward(sigmoids(s, 4 * s), matrix(s, s),
                    matrix(s, s), matrix(s, s), backend.zeros(s, s), b));
        }
    }

    /**
     * C = A·op(B) twice, then {@code write} into B [rows, cols], then C again: C must use B's new entries. Once
     * with A of 5 rows, and once with a row vector A (batch 1), whose B {@code raw} keeps from the first product.
     */
    private void productAfterWrite(String writer, Transpose opB, int rows, int cols, Consumer<Object> write) {
        int k = opB == Transpose.N ? rows : cols;
        int n = opB == Transpose.N ? cols : rows;
        for (int m : new int[] {5, 1}) {
            Object a = matrix(m, k);
            Object b = matrix(rows, cols);
            Object c = backend.zeros(m, n);
            backend.gemm(1.0, a, Transpose.N, b, opB, 0.0, c);
            backend.gemm(1.0, a, Transpose.N, b, opB, 0.0, c);
            compare("A·op(B) with op = " + opB + ", A [" + m + ", " + k + "], the second time", new int[] {m, n},
                    backend.toArray(c), product(backend.toArray(a), backend.toArray(b), opB, m, k, n), k);
            write.accept(b);
            backend.gemm(1.0, a, Transpose.N, b, opB, 0.0, c);
            compare("A·op(B) with op = " + opB + ", A [" + m + ", " + k + "], after " + writer + " wrote B",
                    new int[] {m, n}, backend.toArray(c), product(backend.toArray(a), backend.toArray(b), opB, m, k, n), k);
        }
    }

    /** A·op(B) by the triple loop, from the entries as they are now. */
    private static double[] product(double[] a, double[] b, Transpose opB, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    c[i * n + j] += a[i * k + p] * (opB == Transpose.N ? b[p * n + j] : b[j * k + p]);
                }
            }
        }
        return c;
    }

    /** A seeded Gaussian [rows, cols] matrix of the backend under test. */
    private Object matrix(int rows, int cols) {
        return backend.fromArray(rows, cols, random.randn(rows * cols));
    }

    /** A seeded [rows, cols] matrix of values in (0, 1), as activated gates are. */
    private Object sigmoids(int rows, int cols) {
        return backend.fromArray(rows, cols, random.rand(rows * cols));
    }

    @Test
    void transposeOfEveryShape() {
        for (int[] s : SHAPES) {
            double[] a = tolerances.representable(random.randn(s[0] * s[1]));
            double[] want = new double[a.length];
            for (int i = 0; i < s[0]; i++) {
                for (int j = 0; j < s[1]; j++) {
                    want[j * s[0] + i] = a[i * s[1] + j];
                }
            }
            Object out = backend.zeros(s[1], s[0]);
            backend.transpose(backend.fromArray(s[0], s[1], a), out);
            assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(backend.toArray(out)),
                    backendName + ": transpose of a " + java.util.Arrays.toString(s) + " matrix");
        }
    }

    @Test
    void copyBlockGatherAndScatter() {
        double[] src = random.randn(13 * 17);
        double[] dst = random.randn(31 * 65);
        compareBoth("copyBlock", new int[] {31, 65}, (be, ms) -> {
            Object d = be.fromArray(31, 65, dst);
            be.copyBlock(be.fromArray(13, 17, src), 2, 3, d, 17, 47, 11, 14);
            return be.toArray(d);
        });
        int[] index = {4, 0, 12, 4, 7, 4, 12};
        double[] table = random.randn(13 * 17);
        compareBoth("gatherRows", new int[] {7, 17}, (be, ms) -> {
            Object out = be.zeros(7, 17);
            be.gatherRows(be.fromArray(13, 17, table), index, out);
            return be.toArray(out);
        });
        double[] rows = random.randn(7 * 17);
        compareBoth("scatterAddRows (repeated indices accumulate)", new int[] {13, 17}, index.length, (be, ms) -> {
            Object t = be.fromArray(13, 17, table);
            be.scatterAddRows(be.fromArray(7, 17, rows), index, t);
            return be.toArray(t);
        });
    }

    @Test
    void biasBroadcastAndColumnSums() {
        for (int[] s : SHAPES) {
            double[] a = random.randn(s[0] * s[1]);
            double[] bias = random.randn(s[1]);
            compareBoth("addRowVector", s, (be, ms) -> {
                Object out = be.fromArray(s[0], s[1], a);
                be.addRowVector(be.fromArray(1, s[1], bias), out);
                return be.toArray(out);
            });
            compareBoth("addColumnSums", new int[] {1, s[1]}, s[0] + 1, (be, ms) -> {
                Object out = be.fromArray(1, s[1], bias);
                be.addColumnSums(be.fromArray(s[0], s[1], a), out);
                return be.toArray(out);
            });
        }
    }

    @Test
    void elementwiseOperations() {
        for (int[] s : SHAPES) {
            int size = s[0] * s[1];
            double[] x = random.randn(size);
            double[] y = random.randn(size);
            double[] z = random.randn(size);
            double[] positive = random.rand(size);
            unary("tanh", s, x, (be, m) -> be.tanh(m, m));
            unary("sigmoid", s, x, (be, m) -> be.sigmoid(m, m));
            unary("scale", s, x, (be, m) -> be.scale(-1.75, m));
            unary("clamp", s, x, (be, m) -> be.clamp(m, -0.5, 0.25));
            compareBoth("tanhBackward", s, (be, ms) -> {
                Object dx = be.zeros(s[0], s[1]);
                be.tanhBackward(be.fromArray(s[0], s[1], x), be.fromArray(s[0], s[1], y), dx);
                return be.toArray(dx);
            });
            compareBoth("sigmoidBackward", s, (be, ms) -> {
                Object dx = be.zeros(s[0], s[1]);
                be.sigmoidBackward(be.fromArray(s[0], s[1], x), be.fromArray(s[0], s[1], y), dx);
                return be.toArray(dx);
            });
            compareBoth("hadamard", s, (be, ms) -> {
                Object out = be.zeros(s[0], s[1]);
                be.hadamard(be.fromArray(s[0], s[1], x), be.fromArray(s[0], s[1], y), out);
                return be.toArray(out);
            });
            compareBoth("addHadamard", s, (be, ms) -> {
                Object out = be.fromArray(s[0], s[1], z);
                be.addHadamard(0.3, be.fromArray(s[0], s[1], x), be.fromArray(s[0], s[1], y), out);
                return be.toArray(out);
            });
            compareBoth("axpy", s, (be, ms) -> {
                Object out = be.fromArray(s[0], s[1], z);
                be.axpy(-0.6, be.fromArray(s[0], s[1], x), out);
                return be.toArray(out);
            });
            compareBoth("addQuotientBySqrt (Adagrad form)", s, (be, ms) -> {
                Object out = be.fromArray(s[0], s[1], z);
                be.addQuotientBySqrt(-0.1, be.fromArray(s[0], s[1], x), be.fromArray(s[0], s[1], positive), 1e-8, 0.0, out);
                return be.toArray(out);
            });
            compareBoth("addQuotientBySqrt (Adam form)", s, (be, ms) -> {
                Object out = be.fromArray(s[0], s[1], z);
                be.addQuotientBySqrt(-0.1, be.fromArray(s[0], s[1], x), be.fromArray(s[0], s[1], positive), 0.0, 1e-8, out);
                return be.toArray(out);
            });
            compareBoth("sumOfSquares", new int[] {1, 1}, size, (be, ms) -> new double[] {be.sumOfSquares(be.fromArray(s[0], s[1], x))});
        }
    }

    /**
     * The fused LSTM step against the same backend's primitives composed as the core composed them before the
     * fused operations existed (split, σ, tanh, Hadamard products), and against {@code raw}: forward with z
     * separate from and equal to the gate block, then backward. Pre-activations reach ±30, where σ and tanh
     * saturate.
     */
    @Test
    void lstmStepIsItsPrimitivesComposed() {
        for (int batch : new int[] {1, 3, 7}) {
            for (int hidden : new int[] {1, 5, 13}) {
                double[] z = random.randn(batch * 4 * hidden);
                for (int i = 0; i < z.length; i += 7) {
                    z[i] *= 30;
                }
                double[] cPrev = random.randn(batch * hidden);
                double[] dh = random.randn(batch * hidden);
                double[] dcNext = random.randn(batch * hidden);
                int[] state = {batch, hidden};
                int[] gates = {batch, 4 * hidden};
                int[] all = {1, batch * 10 * hidden};
                String shape = " B=" + batch + " H=" + hidden;
                for (boolean inPlace : new boolean[] {false, true}) {
                    String what = "lstmForward" + (inPlace ? " (z is the gate block)" : "") + shape;
                    double[] fused = lstmStep(backend, z, cPrev, dh, dcNext, batch, hidden, inPlace);
                    compare(what + ", against the composed primitives", all, fused,
                            composedLstmStep(z, cPrev, dh, dcNext, batch, hidden), LSTM_STEP_TERMS);
                    compareBoth(what, all, LSTM_STEP_TERMS, (be, ms) -> lstmStep(be, z, cPrev, dh, dcNext, batch, hidden, inPlace));
                }
            }
        }
    }

    /** [gates | c | tanh c | h | dz | dc_{t−1}] of one fused step, row-major, concatenated. */
    private static double[] lstmStep(Backend<Object> be, double[] zValues, double[] cPrevValues, double[] dhValues,
            double[] dcValues, int batch, int hidden, boolean inPlace) {
        Object z = be.fromArray(batch, 4 * hidden, zValues);
        Object gates = inPlace ? z : be.zeros(batch, 4 * hidden);
        Object cPrev = be.fromArray(batch, hidden, cPrevValues);
        Object c = be.zeros(batch, hidden);
        Object tanhC = be.zeros(batch, hidden);
        Object h = be.zeros(batch, hidden);
        be.lstmForward(z, cPrev, gates, c, tanhC, h);
        if (!inPlace) {
            double[] stored = ToleranceClass.of(be.name()).representable(zValues);
            assertEquals(java.util.Arrays.toString(stored), java.util.Arrays.toString(be.toArray(z)), be.name() + ": lstmForward modified z");
        }
        Object dc = be.fromArray(batch, hidden, dcValues);
        Object dz = be.zeros(batch, 4 * hidden);
        be.lstmBackward(gates, cPrev, tanhC, be.fromArray(batch, hidden, dhValues), dc, dz);
        return concat(be.toArray(gates), be.toArray(c), be.toArray(tanhC), be.toArray(h), be.toArray(dz), be.toArray(dc));
    }

    /** {@link #lstmStep} from the backend's primitives, one gate block [B, H] at a time. */
    private double[] composedLstmStep(double[] zValues, double[] cPrevValues, double[] dhValues, double[] dcValues,
            int batch, int hidden) {
        Object z = backend.fromArray(batch, 4 * hidden, zValues);
        Object[] gate = new Object[4]; //                                   i, f, g, o
        for (int k = 0; k < 4; k++) {
            gate[k] = backend.zeros(batch, hidden);
            backend.copyBlock(z, 0, k * hidden, gate[k], 0, 0, batch, hidden);
            if (k == 2) {
                backend.tanh(gate[k], gate[k]);
            } else {
                backend.sigmoid(gate[k], gate[k]);
            }
        }
        Object cPrev = backend.fromArray(batch, hidden, cPrevValues);
        Object c = backend.zeros(batch, hidden);
        backend.hadamard(gate[1], cPrev, c); //                                  c = f ⊙ c_{t−1} + i ⊙ g
        backend.addHadamard(1.0, gate[0], gate[2], c);
        Object tanhC = backend.zeros(batch, hidden);
        backend.tanh(c, tanhC);
        Object h = backend.zeros(batch, hidden);
        backend.hadamard(gate[3], tanhC, h); //                                  h = o ⊙ tanh c
        Object dh = backend.fromArray(batch, hidden, dhValues);
        Object dcNext = backend.fromArray(batch, hidden, dcValues);
        Object dc = backend.zeros(batch, hidden);
        Object scratch = backend.zeros(batch, hidden);
        backend.hadamard(dh, gate[3], scratch); //                               dc = dcNext + dh ⊙ o ⊙ (1 − tanh²c)
        backend.tanhBackward(tanhC, scratch, dc);
        backend.axpy(1.0, dcNext, dc);
        Object[] dGate = new Object[4];
        for (int k = 0; k < 4; k++) {
            dGate[k] = backend.zeros(batch, hidden);
        }
        backend.hadamard(dc, gate[2], dGate[0]); //                              dz_i = dc ⊙ g ⊙ i(1 − i)
        backend.sigmoidBackward(gate[0], dGate[0], dGate[0]);
        backend.hadamard(dc, cPrev, dGate[1]); //                                dz_f = dc ⊙ c_{t−1} ⊙ f(1 − f)
        backend.sigmoidBackward(gate[1], dGate[1], dGate[1]);
        backend.hadamard(dc, gate[0], dGate[2]); //                              dz_g = dc ⊙ i ⊙ (1 − g²)
        backend.tanhBackward(gate[2], dGate[2], dGate[2]);
        backend.hadamard(dh, tanhC, dGate[3]); //                                dz_o = dh ⊙ tanh c ⊙ o(1 − o)
        backend.sigmoidBackward(gate[3], dGate[3], dGate[3]);
        backend.hadamard(dc, gate[1], dcNext); //                                dc_{t−1} = dc ⊙ f
        Object gates = backend.zeros(batch, 4 * hidden);
        Object dz = backend.zeros(batch, 4 * hidden);
        for (int k = 0; k < 4; k++) {
            backend.copyBlock(gate[k], 0, 0, gates, 0, k * hidden, batch, hidden);
            backend.copyBlock(dGate[k], 0, 0, dz, 0, k * hidden, batch, hidden);
        }
        return concat(backend.toArray(gates), backend.toArray(c), backend.toArray(tanhC), backend.toArray(h), backend.toArray(dz),
                backend.toArray(dcNext));
    }

    private static double[] concat(double[]... parts) {
        double[] all = new double[java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void softmaxAndLossesAreStableAtExtremeLogits() {
        for (int[] s : SHAPES) {
            double[] z = random.randn(s[0] * s[1]);
            for (int i = 0; i < z.length; i += 3) {
                z[i] = i % 2 == 0 ? 1e4 : -1e4;
            }
            int[] target = new int[s[0]];
            for (int i = 0; i < target.length; i++) {
                target[i] = random.nextInt(s[1]);
            }
            double[] bits = new double[z.length];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = random.nextInt(2);
            }
            compareBoth("softmax (in place)", s, s[1], (be, ms) -> {
                Object m = be.fromArray(s[0], s[1], z);
                be.softmax(m, m);
                return be.toArray(m);
            });
            double[][] results = new double[2][];
            compareBoth("softmaxCrossEntropy", new int[] {1, z.length + 1}, z.length, (be, ms) -> {
                Object dz = be.zeros(s[0], s[1]);
                double loss = be.softmaxCrossEntropy(be.fromArray(s[0], s[1], z), target, 0.5, dz);
                return append(be.toArray(dz), loss);
            });
            compareBoth("sigmoidCrossEntropy", new int[] {1, z.length + 1}, z.length, (be, ms) -> {
                Object dz = be.zeros(s[0], s[1]);
                double loss = be.sigmoidCrossEntropy(be.fromArray(s[0], s[1], z), be.fromArray(s[0], s[1], bits), 0.5, dz);
                results[0] = new double[] {loss};
                return append(be.toArray(dz), loss);
            });
            assertTrue(Double.isFinite(results[0][0]), backendName + ": sigmoid cross-entropy at ±1e4 is " + results[0][0]);
        }
    }

    private void unary(String what, int[] shape, double[] x, java.util.function.BiConsumer<Backend<Object>, Object> op) {
        compareBoth(what + " (in place)", shape, (be, ms) -> {
            Object m = be.fromArray(shape[0], shape[1], x);
            op.accept(be, m);
            return be.toArray(m);
        });
    }

    /** {@link #compareBoth(String, int[], int, BiFunction)} of an element-wise operation (one term per entry). */
    private void compareBoth(String what, int[] shape, BiFunction<Backend<Object>, Object, double[]> op) {
        compareBoth(what, shape, 1, op);
    }

    /**
     * Runs {@code op} on the backend under test and on the reference, and compares the arrays it returns; each entry
     * sums {@code terms} rounded terms ({@link ToleranceClass#primitive}).
     */
    private void compareBoth(String what, int[] shape, int terms, BiFunction<Backend<Object>, Object, double[]> op) {
        double[] expected = op.apply(reference, null);
        double[] actual = op.apply(backend, null);
        for (double v : actual) {
            assertTrue(Double.isFinite(v) || containsNonFinite(expected), backendName + ", " + what + ": non-finite result " + v);
        }
        compare(what + " " + shape[0] + "x" + shape[1], shape, actual, expected, terms);
    }

    private void compare(String what, int[] shape, double[] actual, double[] expected) {
        compare(what, shape, actual, expected, 1);
    }

    private void compare(String what, int[] shape, double[] actual, double[] expected, int terms) {
        ToleranceClass.Tolerance tolerance = tolerances.primitive(terms);
        VerificationReport.check(backendName, "primitive operations vs raw", () -> Agreement.assertClose(backendName,
                "primitive operation", what, shape[1], actual, expected, tolerance));
    }

    private static boolean containsNonFinite(double[] values) {
        return java.util.Arrays.stream(values).anyMatch(v -> !Double.isFinite(v));
    }

    private static double[] append(double[] values, double last) {
        double[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }
}
