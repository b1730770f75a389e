package io.rnnbench.backend.commonsmath;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Shapes;
import io.rnnbench.core.spi.Transpose;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.DefaultRealMatrixPreservingVisitor;

/**
 * Apache Commons Math 3.6.1 through its {@code RealMatrix} API, on {@link BlockRealMatrix}. Measured with
 * {@code CommonsMathMatrixClassBenchmark} (2-core Xeon VM, JDK 17): against {@code Array2DRowRealMatrix} it is
 * 2.6–5× faster for the batch-1 products of the character models ([1, 128]·[128, 512], [1, 128]·[128, 65]) and
 * 1.1–1.9× slower for batch ≥ 32 ([32, 256]·[256, 1024], [32, 256]ᵀ·[32, 1024]); the smaller worst case decides.
 * Its {@code getEntry} is the slower one (binary elementwise walks ~14× slower), which matters little next to
 * {@code tanh} and {@code exp}.
 *
 * <p>How the library is used:
 * <ul>
 *   <li>Products: {@code multiply} and {@code transpose}, which return new matrices; {@link #gemm} keeps the
 *       product as C's new matrix ({@link CommonsMathMatrix}). 3.6.1 has no transposed product
 *       ({@code transposeMultiply} and {@code multiplyTransposed} came later, in Hipparchus and Commons Math 4),
 *       so op = T costs one {@code transpose()} copy.</li>
 *   <li>Everything else: one walk of the written matrix with a changing visitor (or of the read matrix with a
 *       preserving visitor) that reads the other operands with {@code getEntry(row, column)}. The library's
 *       value-returning {@code add}/{@code scalarMultiply} would allocate a matrix per call, and its internal
 *       arrays are not ours to loop over. Elementwise walks use {@code walkInOptimizedOrder}; walks that
 *       accumulate sums use {@code walkInRowOrder}, so they add in the raw backend's order.</li>
 * </ul>
 * Reading an operand with {@code getEntry(row, column)} in the visit of that same entry is what makes
 * "output may be an input" hold: the entry is read before the walk stores the returned value.
 *
 * <p>Allocation per call: {@code gemm} allocates the library's product, plus one transposed copy when
 * either or both operands are transposed, and one visitor unless α = 1 and β = 0; the softmax operations
 * allocate three visitors and three {@code double[m]} row arrays (four for the loss); every other operation
 * allocates one visitor object.
 */
public final class CommonsMathBackend implements Backend<CommonsMathMatrix> {

    @Override
    public String name() {
        return CommonsMathBackendProvider.NAME;
    }

    // ---- creation and the array boundary ------------------------------------------------------------

    @Override
    public CommonsMathMatrix zeros(int rows, int cols) {
        Shapes.requireValidShape("matrix", rows, cols);
        return new CommonsMathMatrix(new BlockRealMatrix(rows, cols));
    }

    @Override
    public CommonsMathMatrix fromArray(int rows, int cols, double[] data) {
        CommonsMathMatrix a = zeros(rows, cols);
        Shapes.requireLength("fromArray", "data", data.length, Math.multiplyExact(rows, cols));
        a.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return data[row * cols + column];
            }
        });
        return a;
    }

    @Override
    public double[] toArray(CommonsMathMatrix a) {
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
    public int rows(CommonsMathMatrix a) {
        return a.value.getRowDimension();
    }

    @Override
    public int cols(CommonsMathMatrix a) {
        return a.value.getColumnDimension();
    }

    // ---- data movement ------------------------------------------------------------------------------

    @Override
    public void fill(CommonsMathMatrix a, double value) {
        a.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double old) {
                return value;
            }
        });
    }

    @Override
    public void copyBlock(CommonsMathMatrix src, int srcRow, int srcCol, CommonsMathMatrix dst, int dstRow, int dstCol,
            int rows, int cols) {
        Shapes.requireBlock("src", rows(src), cols(src), srcRow, srcCol, rows, cols);
        Shapes.requireBlock("dst", rows(dst), cols(dst), dstRow, dstCol, rows, cols);
        requireDistinct("copyBlock", src, dst);
        if (rows == 0 || cols == 0) {
            return; // an empty block; the library's walk requires a non-empty range
        }
        BlockRealMatrix from = src.value;
        int rowShift = srcRow - dstRow;
        int colShift = srcCol - dstCol;
        dst.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return from.getEntry(row + rowShift, column + colShift);
            }
        }, dstRow, dstRow + rows - 1, dstCol, dstCol + cols - 1);
    }

    @Override
    public void gatherRows(CommonsMathMatrix table, int[] index, CommonsMathMatrix out) {
        Shapes.requireShape("gatherRows", "out", rows(out), cols(out), index.length, cols(table));
        Shapes.requireIndices("gatherRows", index, rows(table));
        BlockRealMatrix from = table.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return from.getEntry(index[row], column);
            }
        });
    }

    @Override
    public void scatterAddRows(CommonsMathMatrix src, int[] index, CommonsMathMatrix table) {
        Shapes.requireShape("scatterAddRows", "src", rows(src), cols(src), index.length, cols(table));
        Shapes.requireIndices("scatterAddRows", index, rows(table));
        BlockRealMatrix to = table.value;
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
    public void gemm(double alpha, CommonsMathMatrix a, Transpose opA, CommonsMathMatrix b, Transpose opB, double beta,
            CommonsMathMatrix c) {
        Shapes.requireGemm(rows(a), cols(a), opA, rows(b), cols(b), opB, rows(c), cols(c));
        requireDistinct("gemm", a, c);
        requireDistinct("gemm", b, c);
        BlockRealMatrix product = product(a.value, opA, b.value, opB); // op(A)·op(B)  [m, n], new
        if (beta != 0.0) {
            BlockRealMatrix cOld = c.value;
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
    private static BlockRealMatrix product(BlockRealMatrix a, Transpose opA, BlockRealMatrix b, Transpose opB) {
        if (opA == Transpose.N && opB == Transpose.N) {
            return a.multiply(b);
        } else if (opA == Transpose.T && opB == Transpose.N) {
            return a.transpose().multiply(b);
        } else if (opA == Transpose.N) {
            return a.multiply(b.transpose());
        }
        return b.multiply(a).transpose();
    }

    @Override
    public void addRowVector(CommonsMathMatrix bias, CommonsMathMatrix out) {
        Shapes.requireShape("addRowVector", "bias", rows(bias), cols(bias), 1, cols(out));
        BlockRealMatrix b = bias.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value + b.getEntry(0, column);
            }
        });
    }

    @Override
    public void addColumnSums(CommonsMathMatrix a, CommonsMathMatrix out) {
        Shapes.requireShape("addColumnSums", "out", rows(out), cols(out), 1, cols(a));
        BlockRealMatrix sums = out.value;
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
    public void tanh(CommonsMathMatrix x, CommonsMathMatrix out) {
        requireSame("tanh", x, out);
        BlockRealMatrix in = x.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return Math.tanh(in.getEntry(row, column));
            }
        });
    }

    @Override
    public void sigmoid(CommonsMathMatrix x, CommonsMathMatrix out) {
        requireSame("sigmoid", x, out);
        BlockRealMatrix in = x.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return 1.0 / (1.0 + Math.exp(-in.getEntry(row, column)));
            }
        });
    }

    @Override
    public void tanhBackward(CommonsMathMatrix y, CommonsMathMatrix dy, CommonsMathMatrix dx) {
        requireSame("tanhBackward", y, dy);
        requireSame("tanhBackward", y, dx);
        BlockRealMatrix yv = y.value;
        BlockRealMatrix dyv = dy.value;
        dx.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                double yij = yv.getEntry(row, column);
                return dyv.getEntry(row, column) * (1.0 - yij * yij);
            }
        });
    }

    @Override
    public void sigmoidBackward(CommonsMathMatrix y, CommonsMathMatrix dy, CommonsMathMatrix dx) {
        requireSame("sigmoidBackward", y, dy);
        requireSame("sigmoidBackward", y, dx);
        BlockRealMatrix yv = y.value;
        BlockRealMatrix dyv = dy.value;
        dx.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                double yij = yv.getEntry(row, column);
                return dyv.getEntry(row, column) * yij * (1.0 - yij);
            }
        });
    }

    @Override
    public void hadamard(CommonsMathMatrix a, CommonsMathMatrix b, CommonsMathMatrix out) {
        requireSame("hadamard", a, b);
        requireSame("hadamard", a, out);
        BlockRealMatrix av = a.value;
        BlockRealMatrix bv = b.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return av.getEntry(row, column) * bv.getEntry(row, column);
            }
        });
    }

    @Override
    public void addHadamard(double alpha, CommonsMathMatrix a, CommonsMathMatrix b, CommonsMathMatrix out) {
        requireSame("addHadamard", a, b);
        requireSame("addHadamard", a, out);
        requireDistinct("addHadamard", a, out);
        requireDistinct("addHadamard", b, out);
        BlockRealMatrix av = a.value;
        BlockRealMatrix bv = b.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value + alpha * av.getEntry(row, column) * bv.getEntry(row, column);
            }
        });
    }

    @Override
    public void axpy(double alpha, CommonsMathMatrix x, CommonsMathMatrix y) {
        requireSame("axpy", x, y);
        BlockRealMatrix xv = x.value;
        y.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value + alpha * xv.getEntry(row, column);
            }
        });
    }

    @Override
    public void scale(double alpha, CommonsMathMatrix x) {
        x.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value * alpha;
            }
        });
    }

    @Override
    public void clamp(CommonsMathMatrix x, double lo, double hi) {
        x.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return Math.min(Math.max(value, lo), hi);
            }
        });
    }

    @Override
    public void addQuotientBySqrt(double alpha, CommonsMathMatrix a, CommonsMathMatrix b, double epsInside,
            double epsOutside, CommonsMathMatrix out) {
        requireSame("addQuotientBySqrt", a, b);
        requireSame("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", a, out);
        requireDistinct("addQuotientBySqrt", b, out);
        BlockRealMatrix av = a.value;
        BlockRealMatrix bv = b.value;
        out.value.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value + alpha * av.getEntry(row, column) / (Math.sqrt(bv.getEntry(row, column) + epsInside) + epsOutside);
            }
        });
    }

    // ---- reductions and losses ----------------------------------------------------------------------

    @Override
    public double sumOfSquares(CommonsMathMatrix a) {
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
    public void softmax(CommonsMathMatrix z, CommonsMathMatrix p) {
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
    public double softmaxCrossEntropy(CommonsMathMatrix z, int[] target, double scale, CommonsMathMatrix dz) {
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
    public double sigmoidCrossEntropy(CommonsMathMatrix z, CommonsMathMatrix y, double scale, CommonsMathMatrix dz) {
        requireSame("sigmoidCrossEntropy", z, y);
        requireSame("sigmoidCrossEntropy", z, dz);
        BlockRealMatrix zv = z.value;
        BlockRealMatrix yv = y.value;
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

    private static void requireSame(String op, CommonsMathMatrix a, CommonsMathMatrix b) {
        Shapes.requireSameShape(op, "first operand", a.value.getRowDimension(), a.value.getColumnDimension(),
                "second operand", b.value.getRowDimension(), b.value.getColumnDimension());
    }

    private static void requireDistinct(String op, CommonsMathMatrix in, CommonsMathMatrix out) {
        if (in == out) {
            throw new IllegalArgumentException(op + ": the output must not be the same matrix as an input");
        }
    }
}
