package io.rnnbench.verification;

class BlasJavaConformanceTest extends BackendConformanceSuite {
    BlasJavaConformanceTest() {
        super("blas-java");
    }
}
