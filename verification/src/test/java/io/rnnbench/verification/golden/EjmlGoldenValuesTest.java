package io.rnnbench.verification.golden;

class EjmlGoldenValuesTest extends GoldenValuesSuite {
    EjmlGoldenValuesTest() {
        super("ejml");
    }
}
