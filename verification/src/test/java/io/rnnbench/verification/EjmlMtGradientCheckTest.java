package io.rnnbench.verification;

class EjmlMtGradientCheckTest extends GradientCheckSuite {
    EjmlMtGradientCheckTest() {
        super("ejml-mt");
    }
}
