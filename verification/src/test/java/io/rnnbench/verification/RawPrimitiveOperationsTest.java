package io.rnnbench.verification;

class RawPrimitiveOperationsTest extends PrimitiveOperationsSuite {
    RawPrimitiveOperationsTest() {
        super("raw");
    }
}
