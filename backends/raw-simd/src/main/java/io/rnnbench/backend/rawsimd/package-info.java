/**
 * The {@code raw-simd} backend: the raw backend ({@link io.rnnbench.backend.raw.RawBackend}, same blocking,
 * packing and elementwise code) with its GEMM tile computed by the Java Vector API
 * ({@link io.rnnbench.backend.rawsimd.SimdTileKernel}). A module of its own so that {@code raw} stays free of
 * the incubator module and its JVM flag (DESIGN-NOTES.md §9).
 */
package io.rnnbench.backend.rawsimd;
