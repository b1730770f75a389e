package io.rnnbench.verification;

class RawGradientCheckTest extends GradientCheckSuite {
    RawGradientCheckTest() {
        super("raw");
    }
}
