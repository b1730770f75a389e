package io.rnnbench.verification.oracle;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.train.FiniteCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FiniteCheck} on {@code raw}: the global norm √Σ g² of three matrices whose squares sum to 13² by hand
 * (3² + 4² in the first, 12² in the third, zeros between), and the messages that name the matrix and the entry of a
 * NaN or ∞, or the overflow of a sum of finite squares.
 */
class FiniteCheckTest {
    @Test
    void globalNormAndNonFiniteEntries() {
        check(Backends.byName("raw"));
    }

    private <M> void check(Backend<M> backend) {
        Parameters<M> g = matrices(backend, new double[] {3, -4}, new double[6], new double[] {0, 12});
        assertEquals(13.0, FiniteCheck.requireFinite(backend, g, "gradient"), 1e-15, "√(9 + 16 + 144)");

        double[] nan = new double[6];
        nan[5] = Double.NaN; //                                                      entry (1, 2) of [2, 3]
        assertMessage(() -> FiniteCheck.requireFinite(backend, matrices(backend, new double[] {3, -4}, nan, new double[2]), "gradient"),
                "gradient b [2, 3] is not finite: entry (1, 2) = NaN");
        double[] infinite = new double[6];
        infinite[3] = Double.NEGATIVE_INFINITY; //                                   entry (1, 0)
        assertMessage(() -> FiniteCheck.requireFinite(backend, matrices(backend, new double[2], infinite, new double[2]), "gradient"),
                "gradient b [2, 3] is not finite: entry (1, 0) = -Infinity");
        assertMessage(() -> FiniteCheck.requireFinite(backend, matrices(backend, new double[2], new double[6], new double[] {1e200, 1}),
                "gradient"), "gradient c: the sum of squares overflows");

        assertEquals(2.5, FiniteCheck.requireFinite(2.5, "loss"), 0.0);
        assertMessage(() -> FiniteCheck.requireFinite(Double.POSITIVE_INFINITY, "loss"), "loss is not finite: Infinity");
    }

    /** a [1, 2], b [2, 3], c [1, 2]. */
    private static <M> Parameters<M> matrices(Backend<M> backend, double[] a, double[] b, double[] c) {
        Parameters<M> set = new Parameters<>();
        set.addShared("a", new NamedMatrix<>("a", 1, 2, backend.fromArray(1, 2, a)));
        set.addShared("b", new NamedMatrix<>("b", 2, 3, backend.fromArray(2, 3, b)));
        set.addShared("c", new NamedMatrix<>("c", 1, 2, backend.fromArray(1, 2, c)));
        return set;
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable executable, String fragment) {
        ArithmeticException e = assertThrows(ArithmeticException.class, executable);
        assertTrue(e.getMessage().contains(fragment), "message \"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
    }
}
