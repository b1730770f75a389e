package io.rnnbench.verification.golden;

class CommonsMathArrayGoldenValuesTest extends GoldenValuesSuite {
    CommonsMathArrayGoldenValuesTest() {
        super("commons-math-array");
    }
}
