package io.rnnbench.verification.golden;

class RawGoldenValuesTest extends GoldenValuesSuite {
    RawGoldenValuesTest() {
        super("raw");
    }
}
