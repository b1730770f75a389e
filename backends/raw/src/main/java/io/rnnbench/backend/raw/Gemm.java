package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Transpose;

/** The raw backend's GEMM: one thread ({@link RawGemm}) or two ({@link ParallelGemm}). Shapes are checked by the caller. */
interface Gemm {
    /** C = α·op(A)·op(B) + β·C; with β = 0, C's old content (even NaN) is ignored. */
    void gemm(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, double beta, RawMatrix c);
}
