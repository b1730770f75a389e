package io.rnnbench.verification;

class CommonsMathAgreementTest extends BackendAgreementSuite {
    CommonsMathAgreementTest() {
        super("commons-math");
    }
}
