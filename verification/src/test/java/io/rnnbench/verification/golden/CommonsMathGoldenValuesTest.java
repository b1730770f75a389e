package io.rnnbench.verification.golden;

class CommonsMathGoldenValuesTest extends GoldenValuesSuite {
    CommonsMathGoldenValuesTest() {
        super("commons-math");
    }
}
