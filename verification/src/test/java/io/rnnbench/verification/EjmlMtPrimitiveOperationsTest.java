package io.rnnbench.verification;

class EjmlMtPrimitiveOperationsTest extends PrimitiveOperationsSuite {
    EjmlMtPrimitiveOperationsTest() {
        super("ejml-mt");
    }
}
