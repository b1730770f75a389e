package io.rnnbench.benchmarks.gemm;

import io.rnnbench.benchmarks.rnn.AgreementCheck;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;

/**
 * The check every GEMM benchmark passes before it is timed: the backend's product agrees with the raw backend's on
 * the same operands, entrywise
 * |c − c<sub>raw</sub>| ≤ {@value #RELATIVE}·(1 + Σ<sub>p</sub>|op(A)<sub>ip</sub>·op(B)<sub>pj</sub>|), the
 * verification suite's tolerance for its own GEMMs ({@code OwnGemmTest}). Both sides add the same k products
 * in different orders, so each is within about k·2<sup>−53</sup> (≈ 1.8e−13 for k = 1600) of the exact sum relative
 * to the sum of magnitudes, far below one missing or misplaced product. A backend that computes something else
 * gets no number.
 */
public final class GemmAgreement {
    /** The reference backend. */
    public static final String REFERENCE_BACKEND = "raw";
    /** Tolerance relative to the sum of the magnitudes of the products added into an entry. */
    public static final double RELATIVE = 1e-12;

    private GemmAgreement() {
    }

    /**
     * Compares {@code product} with the raw backend's op(A)·op(B).
     *
     * @param shape   the GEMM
     * @param a       A as stored, row-major
     * @param b       B as stored, row-major
     * @param backend the name of the backend that computed {@code product}, for the message
     * @param product its C, row-major {@code [m, n]}
     * @throws IllegalStateException naming the backend, the shape, the worst entry and both values when they
     *                               disagree (or the sizes, when C has the wrong number of entries)
     */
    public static void requireAgreement(GemmShape shape, double[] a, double[] b, String backend, double[] product) {
        if (product.length != shape.m() * shape.n()) {
            throw new IllegalStateException("backend " + backend + " returned " + product.length + " entries for GEMM "
                    + shape.name() + ", expected [" + shape.m() + ", " + shape.n() + "] = " + shape.m() * shape.n());
        }
        Backend<?> raw = Backends.byName(REFERENCE_BACKEND);
        double[] expected = multiply(raw, shape, a, b);
        double[] magnitude = multiply(raw, shape, absolute(a), absolute(b)); // Σ_p |op(A)_ip·op(B)_pj|
        int worst = AgreementCheck.worstEntry(product, expected, i -> tolerance(magnitude[i]));
        if (worst >= 0) {
            throw new IllegalStateException(String.format("backend %s disagrees with %s on GEMM %s %s, so it is not"
                            + " benchmarked: C[%d, %d] is %s, expected %s ± %.3g (%s·(1 + Σ|products|))", backend,
                    REFERENCE_BACKEND, shape.name(), shape.describe(), worst / shape.n(), worst % shape.n(),
                    product[worst], expected[worst], tolerance(magnitude[worst]), RELATIVE));
        }
    }

    /** op(A)·op(B) on {@code backend}, row-major {@code [m, n]}; a and b are the stored operands, row-major. */
    public static <M> double[] multiply(Backend<M> backend, GemmShape shape, double[] a, double[] b) {
        M c = backend.zeros(shape.m(), shape.n());
        backend.gemm(1, backend.fromArray(shape.rowsA(), shape.colsA(), a), shape.opA(),
                backend.fromArray(shape.rowsB(), shape.colsB(), b), shape.opB(), 0, c);
        return backend.toArray(c);
    }

    private static double tolerance(double magnitude) {
        return RELATIVE * (1 + magnitude);
    }

    private static double[] absolute(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.abs(values[i]);
        }
        return result;
    }
}
