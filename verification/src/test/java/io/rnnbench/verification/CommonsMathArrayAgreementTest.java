package io.rnnbench.verification;

class CommonsMathArrayAgreementTest extends BackendAgreementSuite {
    CommonsMathArrayAgreementTest() {
        super("commons-math-array");
    }
}
