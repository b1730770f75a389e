package io.rnnbench.backend.commonsmath;

import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.BlockRealMatrix;

/**
 * The Commons Math matrix class one {@link CommonsMathBackend} holds, and the only calls that depend on it:
 * making a {@code [rows, cols]} matrix of zeros, the product A·B and the transpose Aᵀ. Everything else in the
 * backend goes through {@link AbstractRealMatrix} (visitors, {@code getEntry}, {@code addToEntry}) and is
 * shared by both classes.
 *
 * <p>The product is where the class matters. Both classes have a fast same-class overload, and it is chosen
 * only when the argument's <em>static</em> type is the class itself: {@link Array2DRowRealMatrix} does not
 * override {@code multiply(RealMatrix)}, so through it A·B is {@code AbstractRealMatrix}'s generic loop of
 * {@code getEntry} calls, and {@link BlockRealMatrix#multiply(org.apache.commons.math3.linear.RealMatrix)} first
 * tries a cast to {@code BlockRealMatrix} and catches the {@link ClassCastException}. The method references
 * below are typed {@code (T, T) → T}, so they compile to {@code multiply(BlockRealMatrix)} and
 * {@code multiply(Array2DRowRealMatrix)}.
 *
 * <p>Neither class is the fastest for every shape ({@code CommonsMathMatrixClassBenchmark}; the table is in
 * DESIGN-NOTES.md §4): Block leads on the batch-1 products, Array2D on the batch ≥ 32 products and on a visitor that
 * reads other matrices with {@code getEntry} (every binary elementwise operation; Block's {@code getEntry} locates
 * the block, then the entry). So both are registered, {@link #BLOCK} as {@value CommonsMathBackendProvider#NAME} and {@link #ARRAY_2D_ROW} as
 * {@value CommonsMathArrayBackendProvider#NAME}, and the benchmark report recommends one per shape.
 *
 * <p>Not an enum (as {@code EjmlProducts} is) because the two constants have different type arguments: an enum
 * constant cannot, and the backend's matrix type {@code CommonsMathMatrix<T>} carries {@code T}.
 *
 * @param <T> the matrix class
 */
final class CommonsMathMatrixClass<T extends AbstractRealMatrix> {
    /** {@link BlockRealMatrix}: 52 × 52 blocks, each a row-major {@code double[]}. */
    static final CommonsMathMatrixClass<BlockRealMatrix> BLOCK = new CommonsMathMatrixClass<>(
            BlockRealMatrix::new, BlockRealMatrix::multiply, BlockRealMatrix::transpose);

    /**
     * {@link Array2DRowRealMatrix}: one {@code double[]} per row. It does not override {@code transpose()};
     * {@code AbstractRealMatrix.transpose()} builds the result with {@code createMatrix}, which for this class
     * is an {@code Array2DRowRealMatrix}, hence the cast.
     */
    static final CommonsMathMatrixClass<Array2DRowRealMatrix> ARRAY_2D_ROW = new CommonsMathMatrixClass<>(
            Array2DRowRealMatrix::new, Array2DRowRealMatrix::multiply, a -> (Array2DRowRealMatrix) a.transpose());

    /** A new {@code [rows, cols]} matrix of zeros; the library rejects sizes below 1. */
    @FunctionalInterface
    interface Zeros<T> {
        T create(int rows, int cols);
    }

    /** A new matrix computed from {@code a} and {@code b}. a, b: Not modified. */
    @FunctionalInterface
    interface Product<T> {
        T apply(T a, T b);
    }

    /** A new matrix computed from {@code a}. a: Not modified. */
    @FunctionalInterface
    interface Transposition<T> {
        T apply(T a);
    }

    private final Zeros<T> zeros;
    private final Product<T> multiply;
    private final Transposition<T> transpose;

    private CommonsMathMatrixClass(Zeros<T> zeros, Product<T> multiply, Transposition<T> transpose) {
        this.zeros = zeros;
        this.multiply = multiply;
        this.transpose = transpose;
    }

    /** A new {@code [rows, cols]} matrix of zeros. */
    T zeros(int rows, int cols) {
        return zeros.create(rows, cols);
    }

    /** A·B as a new matrix, through the class's same-class {@code multiply} overload. a, b: Not modified. */
    T multiply(T a, T b) {
        return multiply.apply(a, b);
    }

    /** Aᵀ as a new matrix of the same class. a: Not modified. */
    T transpose(T a) {
        return transpose.apply(a);
    }
}
