package io.rnnbench.verification;

class EjmlPrimitiveOperationsTest extends PrimitiveOperationsSuite {
    EjmlPrimitiveOperationsTest() {
        super("ejml");
    }
}
