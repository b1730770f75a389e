/**
 * The raw backend: our own row-major {@code double[]} kernels, registered as {@code raw} (and {@code raw-mt}, the
 * same backend with GEMM split over two threads).
 *
 * <p>GEMM, the bulk of the work, is {@link io.rnnbench.backend.raw.RawGemm} (blocking and packing driver),
 * {@link io.rnnbench.backend.raw.Packing} (op(B) into the panel layout, all transpose cases) and
 * {@link io.rnnbench.backend.raw.GemmKernel} (the micro-kernel and why it is shaped the way it is).
 */
package io.rnnbench.backend.raw;
