package io.rnnbench.core.spi;

/** Whether a GEMM operand is used as stored ({@link #N}) or transposed ({@link #T}), as in BLAS. */
public enum Transpose {
    /** op(A) = A. */
    N,
    /** op(A) = Aᵀ. */
    T
}
