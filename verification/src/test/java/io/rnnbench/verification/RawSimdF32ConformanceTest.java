package io.rnnbench.verification;

/** The float32 backend, held to {@link ToleranceClass#FLOAT32} (its provider declares {@code Precision.FLOAT32}). */
class RawSimdF32ConformanceTest extends BackendConformanceSuite {
    RawSimdF32ConformanceTest() {
        super("raw-simd-f32");
    }
}
