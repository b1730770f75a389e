/**
 * The {@code raw-simd-f32} backend: {@code raw-simd}'s float32 sibling, row-major {@code float[]} matrices and float32
 * arithmetic throughout. Its GEMM ({@link io.rnnbench.backend.rawsimd.f32.F32Gemm}: blocking and packing, and the
 * {@link io.rnnbench.backend.rawsimd.f32.F32TileKernel} register tiles in {@code FloatVector}s) sums in float32 as
 * BLAS sgemm does; tanh and σ ({@link io.rnnbench.backend.rawsimd.f32.F32Activations}) are float32 Vector API code.
 * The SPI's double scalars and arrays are rounded to float where they enter. Its provider declares
 * {@link io.rnnbench.core.spi.Precision#FLOAT32}, which gives it the float32 tolerance class of the verification
 * suite (verification/README.md, "The float32 tolerance class"). A module of its own ({@code backends/raw-simd-f32}),
 * so that a class path holds it only where the float32 tolerances are applied (DESIGN-NOTES.md, "raw-simd-f32").
 */
package io.rnnbench.backend.rawsimd.f32;
