package io.rnnbench.verification;

class OjalgoConformanceTest extends BackendConformanceSuite {
    OjalgoConformanceTest() {
        super("ojalgo");
    }
}
