package io.rnnbench.verification;

class CommonsMathConformanceTest extends BackendConformanceSuite {
    CommonsMathConformanceTest() {
        super("commons-math");
    }
}
