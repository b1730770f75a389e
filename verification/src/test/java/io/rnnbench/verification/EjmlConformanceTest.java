package io.rnnbench.verification;

class EjmlConformanceTest extends BackendConformanceSuite {
    EjmlConformanceTest() {
        super("ejml");
    }
}
