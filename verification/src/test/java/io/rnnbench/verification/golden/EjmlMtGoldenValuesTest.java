package io.rnnbench.verification.golden;

class EjmlMtGoldenValuesTest extends GoldenValuesSuite {
    EjmlMtGoldenValuesTest() {
        super("ejml-mt");
    }
}
