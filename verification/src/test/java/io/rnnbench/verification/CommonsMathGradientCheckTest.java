package io.rnnbench.verification;

class CommonsMathGradientCheckTest extends GradientCheckSuite {
    CommonsMathGradientCheckTest() {
        super("commons-math");
    }
}
