package io.rnnbench.backend.commonsmath;

import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Transpose;
import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.DefaultRealMatrixPreservingVisitor;

/**
 * Apache Commons Math 3.6.1 through its {@code RealMatrix} API, on one matrix class {@code T} chosen by a
 * {@link CommonsMathMatrixClass}: {@code BlockRealMatrix} ({@value CommonsMathBackendProvider#NAME}) or
 * {@code Array2DRowRealMatrix} ({@value CommonsMathArrayBackendProvider#NAME}). Block is the faster class for the
 * batch-1 products of the character models, Array2D for batch ≥ 32 and, through its cheaper {@code getEntry}, for
 * binary elementwise walks ({@code CommonsMathMatrixClassBenchmark}; figures in DESIGN-NOTES.md §4). Neither is the
 * fastest for every shape, so both are registered and the benchmark report recommends one per shape. This class is the same code for both: only
 * zeros, A·B and Aᵀ come from the {@link CommonsMathMatrixClass}.
 *
 * <p>How the library is used:
 * <ul>
 *   <li>Products: {@code multiply} and {@code transpose}, which return new matrices; {@link #gemm} keeps the
 *       product as C's new matrix ({@link CommonsMathMatrix}). {@code multiply} is the class's same-class
 *       overload ({@link CommonsMathMatrixClass#multiply}). 3.6.1 has no transposed product
 *       ({@code transposeMultiply} and {@code multiplyTransposed} came later, in Hipparchus and Commons Math 4),
 *       so op = T costs one {@code transpose()} copy.</li>
 *   <li>Everything else: one walk of the written matrix with a changing visitor (or of the read matrix with a
 *       preserving visitor) that reads the other operands with {@code getEntry(row, column)}. The library's
 *       value-returning {@code add}/{@code scalarMultiply} would allocate a matrix per call, and its internal
 *       arrays are not ours to loop over. Elementwise walks use {@code walkInOptimizedOrder} (blocks for Block,
 *       rows for Array2D); walks that accumulate sums use {@code walkInRowOrder}, so they add in the raw
 *       backend's order whatever the class.</li>
 * </ul>
 * Reading an operand with {@code getEntry(row, column)} in the visit of that same entry is what makes
 * "output may be an input" hold: the entry is read before the walk stores the returned value.
 *
 * <p>Allocation per call: {@code gemm} allocates the library's product, plus one transposed copy when
 * either or both operands are transposed, and one visitor unless α = 1 and β = 0; the softmax operations
 * allocate three visitors and three {@code double[m]} row arrays (four for the loss); {@code lstmForward} four
 * visitors and {@code lstmBackward} two; every other operation allocates one visitor object.
 *
 * @param <T> the Commons Math matrix class held by every {@link CommonsMathMatrix} of this backend
 */
public final class CommonsMathBackend<T extends AbstractRealMatrix> implements Backend<CommonsMathMatrix<T>> {
    private final String name;
    private final CommonsMathMatrixClass<T> matrixClass;

    /**
     * @param name        the registry name this backend reports
     * @param matrixClass the matrix class, and its zeros, product and transpose
     */
    CommonsMathBackend(String name, CommonsMathMatrixClass<T> matrixClass) {
        this.name = name;
        this.matrixClass = matrixClass;
    }

    @Override
    public String name() {
        return name;
    }

    // ---- creation and the array boundary ------------------------------------------------------------

    @Override
    public CommonsMathMatrix<T> zeros(int rows, int cols) {
        Shapes.requireValidShape("matrix", rows, cols);
        return new CommonsMathMatrix<>(matrixClass.zeros(rows, cols));
    }

    @Override
    public CommonsMathMatrix<T> fromArray(int rows, int cols, double[] data) {
        CommonsMathMatrix<T> a = zeros(rows, cols);
        Shapes.requireLength("fromArray", "data", data.length, Math.multiplyExact(rows, cols));
        load(data, a);
        return a;
    }

    @Override
    public void load(double[] data, CommonsMathMatrix<T> a) {
        int cols = cols(a);
        Shapes.requireArrayLength("load", data, rows(a), cols);
        a.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return data[row * cols + column];
            }
        });
    }

    @Override
    public double[] toArray(CommonsMathMatrix<T> a) {
        int cols = cols(a);
        double[] data = new double[rows(a) * cols];
        a.value.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
            @Override
            public void visit(int row, int column, double value) {
                data[row * cols + column] = value;
            }
        });
        return data;
    }

    @Override
    public int rows(CommonsMathMatrix<T> a) {
        return a.value.getRowDimension();
    }

    @Override
    public int cols(CommonsMathMatrix<T> a) {
        return a.value.getColumnDimension();
    }

    // ---- data movement ------------------------------------------------------------------------------

    @Override
    public void fill(CommonsMathMatrix<T> a, double value) {
        a.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double old) {
                return value;
            }
        });
    }

    @Override
    public void copyBlock(CommonsMathMatrix<T> src, int srcRow, int srcCol, CommonsMathMatrix<T> dst, int dstRow,
            int dstCol, int rows, int cols) {
        Shapes.requireBlock("src", rows(src), cols(src), srcRow, srcCol, rows, cols);
        Shapes.requireBlock("dst", rows(dst), cols(dst), dstRow, dstCol, rows, cols);
        requireDistinct("copyBlock", src, dst);
        if (rows == 0 || cols == 0) {
            return; // an empty block; the library's walk requires a non-empty range
        }
        T from = src.value;
        int rowShift = srcRow - dstRow;
        int colShift = srcCol - dstCol;
        dst.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return from.getEntry(row + rowShift, column + colShift);
            }
        }, dstRow, dstRow + rows - 1, dstCol, dstCol + cols - 1);
    }

    /** Into the existing {@code out} through a visitor: the library's {@code transpose()} returns a new matrix. */
    @Override
    public void transpose(CommonsMathMatrix<T> a, CommonsMathMatrix<T> out) {
        Shapes.requireTranspose(rows(a), cols(a), rows(out), cols(out));
        requireDistinct("transpose", a, out);
        T from = a.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return from.getEntry(column, row);
            }
        });
    }

    @Override
    public void gatherRows(CommonsMathMatrix<T> table, int[] index, CommonsMathMatrix<T> out) {
        Shapes.requireShape("gatherRows", "out", rows(out), cols(out), index.length, cols(table));
        Shapes.requireIndices("gatherRows", index, rows(table));
        T from = table.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return from.getEntry(index[row], column);
            }
        });
    }

    @Override
    public void scatterAddRows(CommonsMathMatrix<T> src, int[] index, CommonsMathMatrix<T> table) {
        Shapes.requireShape("scatterAddRows", "src", rows(src), cols(src), index.length, cols(table));
        Shapes.requireIndices("scatterAddRows", index, rows(table));
        T to = table.value;
        // Row order: repeated indices accumulate in order i, as in the raw backend.
        src.value.walkInRowOrder(new DefaultRealMatrixPreservingVisitor() {
            @Override
            public void visit(int row, int column, double value) {
                to.addToEntry(index[row], column, value);
            }
        });
    }

    // ---- linear algebra -----------------------------------------------------------------------------

    @Override
    public void gemm(double alpha, CommonsMathMatrix<T> a, Transpose opA, CommonsMathMatrix<T> b, Transpose opB,
            double beta, CommonsMathMatrix<T> c) {
        Shapes.requireGemm(rows(a), cols(a), opA, rows(b), cols(b), opB, rows(c), cols(c));
        requireDistinct("gemm", a, c);
        requireDistinct("gemm", b, c);
        T product = product(a.value, opA, b.value, opB); // op(A)·op(B)  [m, n], new
        if (beta != 0.0) {
            T cOld = c.value;
            product.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
                @Override
                public double visit(int row, int column, double ab) {
                    return alpha * ab + beta * cOld.getEntry(row, column);
                }
            });
        } else if (alpha != 1.0) { // β = 0: C's old content is not read, so a NaN there does not propagate
            product.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
                @Override
                public double visit(int row, int column, double ab) {
                    return alpha * ab;
                }
            });
        }
        c.value = product;
    }

    /**
     * op(A)·op(B) as a new matrix. A transposed operand is the library's {@code transpose()} copy; Aᵀ·Bᵀ is
     * formed as (B·A)ᵀ, one copy instead of two, with the same products summed over the same index.
     */
    private T product(T a, Transpose opA, T b, Transpose opB) {
        if (opA == Transpose.N && opB == Transpose.N) {
            return matrixClass.multiply(a, b);
        } else if (opA == Transpose.T && opB == Transpose.N) {
            return matrixClass.multiply(matrixClass.transpose(a), b);
        } else if (opA == Transpose.N) {
            return matrixClass.multiply(a, matrixClass.transpose(b));
        }
        return matrixClass.transpose(matrixClass.multiply(b, a));
    }

    @Override
    public void addRowVector(CommonsMathMatrix<T> bias, CommonsMathMatrix<T> out) {
        Shapes.requireShape("addRowVector", "bias", rows(bias), cols(bias), 1, cols(out));
        T b = bias.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value + b.getEntry(0, column);
            }
        });
    }

    @Override
    public void addColumnSums(CommonsMathMatrix<T> a, CommonsMathMatrix<T> out) {
        Shapes.requireShape("addColumnSums", "out", rows(out), cols(out), 1, cols(a));
        T sums = out.value;
        // Row order: out[0, j] accumulates a[0, j], a[1, j], … in turn, as in the raw backend.
        a.value.walkInRowOrder(new DefaultRealMatrixPreservingVisitor() {
            @Override
            public void visit(int row, int column, double value) {
                sums.addToEntry(0, column, value);
            }
        });
    }

    // ---- elementwise --------------------------------------------------------------------------------

    @Override
    public void tanh(CommonsMathMatrix<T> x, CommonsMathMatrix<T> out) {
        requireSame("tanh", x, out);
        T in = x.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return Math.tanh(in.getEntry(row, column));
            }
        });
    }

    @Override
    public void sigmoid(CommonsMathMatrix<T> x, CommonsMathMatrix<T> out) {
        requireSame("sigmoid", x, out);
        T in = x.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return 1.0 / (1.0 + Math.exp(-in.getEntry(row, column)));
            }
        });
    }

    @Override
    public void tanhBackward(CommonsMathMatrix<T> y, CommonsMathMatrix<T> dy, CommonsMathMatrix<T> dx) {
        requireSame("tanhBackward", y, dy);
        requireSame("tanhBackward", y, dx);
        T yv = y.value;
        T dyv = dy.value;
        dx.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                double yij = yv.getEntry(row, column);
                return dyv.getEntry(row, column) * (1.0 - yij * yij);
            }
        });
    }

    @Override
    public void sigmoidBackward(CommonsMathMatrix<T> y, CommonsMathMatrix<T> dy, CommonsMathMatrix<T> dx) {
        requireSame("sigmoidBackward", y, dy);
        requireSame("sigmoidBackward", y, dx);
        T yv = y.value;
        T dyv = dy.value;
        dx.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                double yij = yv.getEntry(row, column);
                return dyv.getEntry(row, column) * yij * (1.0 - yij);
            }
        });
    }

    @Override
    public void hadamard(CommonsMathMatrix<T> a, CommonsMathMatrix<T> b, CommonsMathMatrix<T> out) {
        requireSame("hadamard", a, b);
        requireSame("hadamard", a, out);
        T av = a.value;
        T bv = b.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return av.getEntry(row, column) * bv.getEntry(row, column);
            }
        });
    }

    @Override
    public void addHadamard(double alpha, CommonsMathMatrix<T> a, CommonsMathMatrix<T> b, CommonsMathMatrix<T> out) {
        requireSame("addHadamard", a, b);
        requireSame("addHadamard", a, out);
        requireDistinct("addHadamard", a, out);
        requireDistinct("addHadamard", b, out);
        T av = a.value;
        T bv = b.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value + alpha * av.getEntry(row, column) * bv.getEntry(row, column);
            }
        });
    }

    @Override
    public void axpy(double alpha, CommonsMathMatrix<T> x, CommonsMathMatrix<T> y) {
        requireSame("axpy", x, y);
        T xv = x.value;
        y.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value + alpha * xv.getEntry(row, column);
            }
        });
    }

    @Override
    public void scale(double alpha, CommonsMathMatrix<T> x) {
        x.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value * alpha;
            }
        });
    }

    @Override
    public void clamp(CommonsMathMatrix<T> x, double lo, double hi) {
        x.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return Math.min(Math.max(value, lo), hi);
            }
        });
    }

    @Override
    public void addQuotientBySqrt(double alpha, CommonsMathMatrix<T> a, CommonsMathMatrix<T> b, double epsInside,
            double epsOutside, CommonsMathMatrix<T> out) {
        requireSame("addQuotientBySqrt", a, b);
        requireSame("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", b, out);
        T av = a.value;
        T bv = b.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value + alpha * av.getEntry(row, column) / (Math.sqrt(bv.getEntry(row, column) + epsInside) + epsOutside);
            }
        });
    }

    // ---- reductions and losses ----------------------------------------------------------------------

    /**
     * Four walks, one per written matrix: the gates (σ, σ, tanh, σ by block), then c, tanh(c) and h, each reading
     * what the walk before it wrote.
     */
    @Override
    public void lstmForward(CommonsMathMatrix<T> z, CommonsMathMatrix<T> cPrev, CommonsMathMatrix<T> gates,
            CommonsMathMatrix<T> c, CommonsMathMatrix<T> tanhC, CommonsMathMatrix<T> h) {
        Shapes.requireLstmForward(this, z, cPrev, gates, c, tanhC, h);
        int hidden = cPrev.value.getColumnDimension();
        T zv = z.value;
        T gate = gates.value;
        T cPrevV = cPrev.value;
        T cV = c.value;
        T tanhCV = tanhC.value;
        gate.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) { //       [σ(z_i) | σ(z_f) | tanh(z_g) | σ(z_o)]
                double x = zv.getEntry(row, column);
                return column / hidden == 2 ? Math.tanh(x) : 1.0 / (1.0 + Math.exp(-x));
            }
        });
        cV.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) { //       c = f ⊙ c_{t−1} + i ⊙ g
                return gate.getEntry(row, hidden + column) * cPrevV.getEntry(row, column)
                        + gate.getEntry(row, column) * gate.getEntry(row, 2 * hidden + column);
            }
        });
        tanhCV.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return Math.tanh(cV.getEntry(row, column));
            }
        });
        h.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) { //       h = o ⊙ tanh(c)
                return gate.getEntry(row, 3 * hidden + column) * tanhCV.getEntry(row, column);
            }
        });
    }

    /**
     * Two walks: dz first, from dc as it comes in, then dc ← dc ⊙ f; both compute the new dc of an entry
     * ({@link #cellGradient}) the same way.
     */
    @Override
    public void lstmBackward(CommonsMathMatrix<T> gates, CommonsMathMatrix<T> cPrev, CommonsMathMatrix<T> tanhC,
            CommonsMathMatrix<T> dh, CommonsMathMatrix<T> dc, CommonsMathMatrix<T> dz) {
        Shapes.requireLstmBackward(this, gates, cPrev, tanhC, dh, dc, dz);
        int hidden = cPrev.value.getColumnDimension();
        T gate = gates.value;
        T cPrevV = cPrev.value;
        T tanhCV = tanhC.value;
        T dhV = dh.value;
        T dcV = dc.value;
        dz.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                int j = column % hidden;
                double iGate = gate.getEntry(row, j);
                double fGate = gate.getEntry(row, hidden + j);
                double gGate = gate.getEntry(row, 2 * hidden + j);
                double oGate = gate.getEntry(row, 3 * hidden + j);
                double dcj = cellGradient(gate, tanhCV, dhV, dcV, row, j, hidden);
                return switch (column / hidden) {
                    case 0 -> dcj * gGate * iGate * (1.0 - iGate); //                      dz_i = dc ⊙ g ⊙ i(1 − i)
                    case 1 -> dcj * cPrevV.getEntry(row, j) * fGate * (1.0 - fGate); //     dz_f = dc ⊙ c_{t−1} ⊙ f(1 − f)
                    case 2 -> dcj * iGate * (1.0 - gGate * gGate); //                      dz_g = dc ⊙ i ⊙ (1 − g²)
                    default -> dhV.getEntry(row, j) * tanhCV.getEntry(row, j) * oGate * (1.0 - oGate); // dz_o
                };
            }
        });
        dcV.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) { //       dc ← dc ⊙ f
                return cellGradient(gate, tanhCV, dhV, dcV, row, column, hidden) * gate.getEntry(row, hidden + column);
            }
        });
    }

    /** dc + dh ⊙ o ⊙ (1 − tanh²c) at (row, j), from dc as it was before this step. */
    private static double cellGradient(AbstractRealMatrix gate, AbstractRealMatrix tanhC, AbstractRealMatrix dh,
            AbstractRealMatrix dc, int row, int j, int hidden) {
        double tanhCj = tanhC.getEntry(row, j);
        return dh.getEntry(row, j) * gate.getEntry(row, 3 * hidden + j) * (1.0 - tanhCj * tanhCj) + dc.getEntry(row, j);
    }

    @Override
    public double sumOfSquares(CommonsMathMatrix<T> a) {
        return a.value.walkInRowOrder(new DefaultRealMatrixPreservingVisitor() {
            private double sum;

            @Override
            public void visit(int row, int column, double value) {
                sum += value * value;
            }

            @Override
            public double end() {
                return sum;
            }
        });
    }

    @Override
    public void softmax(CommonsMathMatrix<T> z, CommonsMathMatrix<T> p) {
        requireSame("softmax", z, p);
        RowSoftmax rows = RowSoftmax.exponentiate(z.value, p.value);
        p.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double e) {
                return e * rows.inverseSum[row];
            }
        });
    }

    @Override
    public double softmaxCrossEntropy(CommonsMathMatrix<T> z, int[] target, double scale, CommonsMathMatrix<T> dz) {
        requireSame("softmaxCrossEntropy", z, dz);
        Shapes.requireLength("softmaxCrossEntropy", "target", target.length, rows(z));
        Shapes.requireIndices("softmaxCrossEntropy", target, cols(z));
        double[] zTarget = new double[target.length]; // read before dz, which may be z, is written
        for (int i = 0; i < target.length; i++) {
            zTarget[i] = z.value.getEntry(i, target[i]);
        }
        RowSoftmax rows = RowSoftmax.exponentiate(z.value, dz.value);
        double loss = 0;
        for (int i = 0; i < target.length; i++) {
            loss += rows.logSumExp(i) - zTarget[i];
        }
        // dz = scale · (softmax(z) − onehot(target))
        dz.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double e) {
                double p = e * rows.inverseSum[row];
                return (column == target[row] ? p - 1.0 : p) * scale;
            }
        });
        return loss;
    }

    @Override
    public double sigmoidCrossEntropy(CommonsMathMatrix<T> z, CommonsMathMatrix<T> y, double scale,
            CommonsMathMatrix<T> dz) {
        requireSame("sigmoidCrossEntropy", z, y);
        requireSame("sigmoidCrossEntropy", z, dz);
        T zv = z.value;
        T yv = y.value;
        // Row order: the loss accumulates in the raw backend's order.
        return dz.value.walkInRowOrder(new DefaultRealMatrixChangingVisitor() {
            private double loss;

            @Override
            public double visit(int row, int column, double value) {
                double zij = zv.getEntry(row, column);
                double yij = yv.getEntry(row, column);
                loss += Math.max(zij, 0.0) - zij * yij + Math.log1p(Math.exp(-Math.abs(zij)));
                return scale * (1.0 / (1.0 + Math.exp(-zij)) - yij);
            }

            @Override
            public double end() {
                return loss;
            }
        });
    }

    private static void requireSame(String op, CommonsMathMatrix<?> a, CommonsMathMatrix<?> b) {
        Shapes.requireSameShape(op, "first operand", a.value.getRowDimension(), a.value.getColumnDimension(),
                "second operand", b.value.getRowDimension(), b.value.getColumnDimension());
    }

    private static void requireDistinct(String op, CommonsMathMatrix<?> in, CommonsMathMatrix<?> out) {
        if (in == out) {
            throw new IllegalArgumentException(op + ": the output must not be the same matrix as an input");
        }
    }
}
