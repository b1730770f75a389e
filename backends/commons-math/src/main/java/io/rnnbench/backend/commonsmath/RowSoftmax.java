package io.rnnbench.backend.commonsmath;

import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.DefaultRealMatrixPreservingVisitor;

import java.util.Arrays;

/**
 * The first two walks of the numerically stable softmax of every row, shared by {@code softmax} and
 * {@code softmaxCrossEntropy}: p[i, :] = exp(z[i, :] − max<sub>j</sub> z[i, j]), and each row's max and sum.
 * The caller's third walk multiplies row i by {@link #inverseSum}[i].
 */
final class RowSoftmax {
    /** max<sub>j</sub> z[i, j] per row. */
    private final double[] max;
    /** Σ<sub>j</sub> exp(z[i, j] − max) per row. */
    private final double[] sum;
    /** 1 / sum per row: the normalisation, one division per row as in the raw backend. */
    final double[] inverseSum;

    private RowSoftmax(int rows) {
        max = new double[rows];
        sum = new double[rows];
        inverseSum = new double[rows];
    }

    /**
     * p = exp(z − max z) row by row.
     *
     * @param z {@code [m, V]} logits. Not modified (unless it is p).
     * @param p {@code [m, V]}. Modified; may be z.
     */
    static RowSoftmax exponentiate(AbstractRealMatrix z, AbstractRealMatrix p) {
        RowSoftmax rows = new RowSoftmax(z.getRowDimension());
        Arrays.fill(rows.max, Double.NEGATIVE_INFINITY);
        z.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
            @Override
            public void visit(int row, int column, double value) {
                rows.max[row] = Math.max(rows.max[row], value);
            }
        });
        // Row order: each row's sum accumulates in the raw backend's order.
        p.walkInRowOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                double e = Math.exp(z.getEntry(row, column) - rows.max[row]);
                rows.sum[row] += e;
                return e;
            }
        });
        for (int i = 0; i < rows.sum.length; i++) {
            rows.inverseSum[i] = 1.0 / rows.sum[i];
        }
        return rows;
    }

    /** log Σ<sub>j</sub> exp z[i, j] = max + log Σ exp(z − max), finite for any finite row. */
    double logSumExp(int i) {
        return max[i] + Math.log(sum[i]);
    }
}
