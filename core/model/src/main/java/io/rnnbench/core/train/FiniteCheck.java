package io.rnnbench.core.train;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;

/** NaN and ∞ never pass silently: checks of losses and gradients that name the tensor and the entry. */
public final class FiniteCheck {
    private FiniteCheck() {
    }

    /**
     * Requires every entry of every matrix to be finite.
     *
     * @return the global norm √Σ g² (finite)
     * @throws ArithmeticException naming the first matrix, the entry and its value
     */
    public static <M> double requireFinite(Backend<M> backend, Parameters<M> matrices, String what) {
        double sumOfSquares = 0;
        for (int k = 0; k < matrices.size(); k++) {
            NamedMatrix<M> m = matrices.at(k);
            double s = backend.sumOfSquares(m.value());
            if (!Double.isFinite(s)) {
                double[] values = backend.toArray(m.value()); // only on the failure path
                for (int i = 0; i < values.length; i++) {
                    if (!Double.isFinite(values[i])) {
                        throw new ArithmeticException(what + " " + m.name() + " " + Shapes.shape(m.rows(), m.cols())
                                + " is not finite: entry (" + i / m.cols() + ", " + i % m.cols() + ") = " + values[i]);
                    }
                }
                throw new ArithmeticException(what + " " + m.name() + ": the sum of squares overflows (" + s + ")");
            }
            sumOfSquares += s;
        }
        return Math.sqrt(sumOfSquares);
    }

    /** Requires a loss to be finite. */
    public static double requireFinite(double loss, String what) {
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException(what + " is not finite: " + loss);
        }
        return loss;
    }
}
