package io.rnnbench.core.shape;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Transpose;

/**
 * Shape checks shared by every backend, so that a mismatch reads the same everywhere: the operation,
 * what was expected and what came, e.g. {@code "gemm: op(A) [3, 4] · op(B) [5, 2]: inner dimensions differ"}.
 * Each check throws {@link IllegalArgumentException}.
 */
public final class Shapes {
    private Shapes() {
    }

    /** "[rows, cols]". */
    public static String shape(int rows, int cols) {
        return "[" + rows + ", " + cols + "]";
    }

    /** Requires rows ≥ 1 and cols ≥ 1. */
    public static void requireValidShape(String what, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(what + ": sizes must be ≥ 1, got " + shape(rows, cols));
        }
    }

    /** Requires a {@code [ar, ac]} and b {@code [br, bc]} to have the same shape. */
    public static void requireSameShape(String op, String aName, int ar, int ac, String bName, int br, int bc) {
        if (ar != br || ac != bc) {
            throw new IllegalArgumentException(op + ": " + aName + " is " + shape(ar, ac) + " but " + bName
                    + " is " + shape(br, bc) + "; they must have the same shape");
        }
    }

    /** Requires {@code actual} to be {@code [rows, cols]}. */
    public static void requireShape(String op, String name, int actualRows, int actualCols, int rows, int cols) {
        if (actualRows != rows || actualCols != cols) {
            throw new IllegalArgumentException(op + ": expected " + name + " " + shape(rows, cols) + ", got "
                    + shape(actualRows, actualCols));
        }
    }

    /** Requires the shapes of C = α·op(A)·op(B) + β·C to fit; dimensions are those of A, B and C as stored. */
    public static void requireGemm(int ar, int ac, Transpose opA, int br, int bc, Transpose opB, int cr, int cc) {
        int m = opA == Transpose.N ? ar : ac;
        int ka = opA == Transpose.N ? ac : ar;
        int kb = opB == Transpose.N ? br : bc;
        int n = opB == Transpose.N ? bc : br;
        if (ka != kb) { // messages are built only on failure: a shape check must not allocate in the hot path
            throw new IllegalArgumentException("gemm: " + operands(m, ka, kb, n) + ": inner dimensions differ");
        }
        if (cr != m || cc != n) {
            throw new IllegalArgumentException("gemm: " + operands(m, ka, kb, n) + " is " + shape(m, n) + " but C is " + shape(cr, cc));
        }
    }

    /** Requires {@code out} to be {@code [ac, ar]}, the shape of aᵀ for a {@code [ar, ac]}. */
    public static void requireTranspose(int ar, int ac, int outRows, int outCols) {
        if (outRows != ac || outCols != ar) {
            throw new IllegalArgumentException("transpose: a is " + shape(ar, ac) + ", so out must be " + shape(ac, ar)
                    + ", but out is " + shape(outRows, outCols));
        }
    }

    private static String operands(int m, int ka, int kb, int n) {
        return "op(A) " + shape(m, ka) + " · op(B) " + shape(kb, n);
    }

    /** The shape checks of {@link Backend#lstmForward}, with its parameter names. */
    public static <M> void requireLstmForward(Backend<M> backend, M z, M cPrev, M gates, M c, M tanhC, M h) {
        String op = "lstmForward";
        requireSameShape(op, "z", backend.rows(z), backend.cols(z), "gates", backend.rows(gates), backend.cols(gates));
        requireCellState(op, backend, z, "cPrev", cPrev);
        requireCellState(op, backend, z, "c", c);
        requireCellState(op, backend, z, "tanhC", tanhC);
        requireCellState(op, backend, z, "h", h);
        requireDistinct(op, "cPrev, c, tanhC, h", cPrev, c, tanhC, h);
    }

    /** The shape checks of {@link Backend#lstmBackward}, with its parameter names. */
    public static <M> void requireLstmBackward(Backend<M> backend, M gates, M cPrev, M tanhC, M dh, M dc, M dz) {
        String op = "lstmBackward";
        requireSameShape(op, "gates", backend.rows(gates), backend.cols(gates), "dz", backend.rows(dz), backend.cols(dz));
        requireCellState(op, backend, gates, "cPrev", cPrev);
        requireCellState(op, backend, gates, "tanhC", tanhC);
        requireCellState(op, backend, gates, "dh", dh);
        requireCellState(op, backend, gates, "dc", dc);
        requireDistinct(op, "cPrev, tanhC, dh, dc", cPrev, tanhC, dh, dc);
        if (gates == dz) {
            throw new IllegalArgumentException(op + ": dz must not be the same matrix as gates");
        }
    }

    /** Requires {@code m} to be {@code [B, H]} for a gate block {@code [B, 4H]} (H ≥ 1). */
    private static <M> void requireCellState(String op, Backend<M> backend, M gates, String name, M m) {
        int gr = backend.rows(gates);
        int gc = backend.cols(gates);
        if (gc % 4 != 0) {
            throw new IllegalArgumentException(op + ": the gate block is " + shape(gr, gc)
                    + ": its columns must be 4H, the gate blocks i | f | g | o of H columns each");
        }
        if (backend.rows(m) != gr || backend.cols(m) != gc / 4) {
            throw new IllegalArgumentException(op + ": the gate block is " + shape(gr, gc) + " (H = " + gc / 4
                    + "), so " + name + " must be " + shape(gr, gc / 4) + ", but it is " + shape(backend.rows(m), backend.cols(m)));
        }
    }

    /** Requires four matrices of an operation to be four different objects; {@code names} lists them for the message. */
    private static void requireDistinct(String op, String names, Object a, Object b, Object c, Object d) {
        if (a == b || a == c || a == d || b == c || b == d || c == d) {
            throw new IllegalArgumentException(op + ": " + names + " must be four different matrices");
        }
    }

    /** Requires a {@code rows × cols} block at (row, col) to lie inside a {@code [mr, mc]} matrix. */
    public static void requireBlock(String name, int mr, int mc, int row, int col, int rows, int cols) {
        if (rows < 0 || cols < 0 || row < 0 || col < 0 || row + rows > mr || col + cols > mc) {
            throw new IllegalArgumentException("copyBlock: block " + shape(rows, cols) + " at (" + row + ", " + col
                    + ") does not fit in " + name + " " + shape(mr, mc));
        }
    }

    /** Requires every index to lie in {@code [0, bound)}; names the position of the first bad one. */
    public static void requireIndices(String op, int[] index, int bound) {
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= bound) {
                throw new IllegalArgumentException(op + ": index[" + i + "] = " + index[i] + " is outside [0, " + bound + ")");
            }
        }
    }

    /** Requires {@code data} to hold the {@code rows·cols} entries of a {@code [rows, cols]} matrix. */
    public static void requireArrayLength(String op, double[] data, int rows, int cols) {
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException(op + ": " + data.length + " values given for a " + shape(rows, cols)
                    + " matrix, expected " + (long) rows * cols);
        }
    }

    /** Requires {@code count} (indices or targets) to equal the number of rows. */
    public static void requireLength(String op, String name, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(op + ": " + name + " has " + length + " entries, expected " + expected);
        }
    }
}
