package io.rnnbench.verification;

class EjmlMtConformanceTest extends BackendConformanceSuite {
    EjmlMtConformanceTest() {
        super("ejml-mt");
    }
}
