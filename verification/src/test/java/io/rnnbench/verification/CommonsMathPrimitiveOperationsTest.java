package io.rnnbench.verification;

class CommonsMathPrimitiveOperationsTest extends PrimitiveOperationsSuite {
    CommonsMathPrimitiveOperationsTest() {
        super("commons-math");
    }
}
