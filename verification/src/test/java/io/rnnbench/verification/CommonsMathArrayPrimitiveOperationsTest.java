package io.rnnbench.verification;

class CommonsMathArrayPrimitiveOperationsTest extends PrimitiveOperationsSuite {
    CommonsMathArrayPrimitiveOperationsTest() {
        super("commons-math-array");
    }
}
