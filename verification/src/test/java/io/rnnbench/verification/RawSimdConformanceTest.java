package io.rnnbench.verification;

class RawSimdConformanceTest extends BackendConformanceSuite {
    RawSimdConformanceTest() {
        super("raw-simd");
    }
}
