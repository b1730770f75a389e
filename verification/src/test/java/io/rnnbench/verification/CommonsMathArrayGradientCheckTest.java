package io.rnnbench.verification;

class CommonsMathArrayGradientCheckTest extends GradientCheckSuite {
    CommonsMathArrayGradientCheckTest() {
        super("commons-math-array");
    }
}
