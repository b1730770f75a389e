package io.rnnbench.verification;

class RawConformanceTest extends BackendConformanceSuite {
    RawConformanceTest() {
        super("raw");
    }
}
