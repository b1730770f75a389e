/**
 * The raw backend: our own row-major {@code double[]} kernels, registered as {@code raw}.
 *
 * <p>GEMM, the bulk of the work, is {@link io.rnnbench.backend.raw.RawGemm} (blocking and packing driver),
 * {@link io.rnnbench.backend.raw.Packing} (op(B) into the panel layout, all transpose cases) and a
 * {@link io.rnnbench.backend.raw.TileKernel} (the micro-kernel): {@link io.rnnbench.backend.raw.PlainTileKernel}
 * here, the Vector API one in the {@code raw-simd} module, which registers this same backend with its kernel.
 */
package io.rnnbench.backend.raw;
