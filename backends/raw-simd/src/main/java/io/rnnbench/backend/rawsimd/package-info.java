/**
 * The {@code raw-simd} backend: the raw backend ({@link io.rnnbench.backend.raw.RawBackend}, same blocking,
 * packing and elementwise code) with its GEMM tile ({@link io.rnnbench.backend.rawsimd.SimdTileKernel}) and its
 * tanh and σ ({@link io.rnnbench.backend.rawsimd.SimdActivations}) computed by the Java Vector API. A module of its
 * own so that {@code raw} stays free of the incubator module and its JVM flag (DESIGN-NOTES.md §7).
 */
package io.rnnbench.backend.rawsimd;
