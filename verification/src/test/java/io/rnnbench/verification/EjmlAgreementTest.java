package io.rnnbench.verification;

class EjmlAgreementTest extends BackendAgreementSuite {
    EjmlAgreementTest() {
        super("ejml");
    }
}
