package io.rnnbench.verification;

class EjmlGradientCheckTest extends GradientCheckSuite {
    EjmlGradientCheckTest() {
        super("ejml");
    }
}
