package io.rnnbench.verification;

class OjalgoMtConformanceTest extends BackendConformanceSuite {
    OjalgoMtConformanceTest() {
        super("ojalgo-mt");
    }
}
