package io.rnnbench.verification;

class RawSimdMtConformanceTest extends BackendConformanceSuite {
    RawSimdMtConformanceTest() {
        super("raw-simd-mt");
    }
}
