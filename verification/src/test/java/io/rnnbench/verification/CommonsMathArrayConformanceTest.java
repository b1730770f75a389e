package io.rnnbench.verification;

class CommonsMathArrayConformanceTest extends BackendConformanceSuite {
    CommonsMathArrayConformanceTest() {
        super("commons-math-array");
    }
}
