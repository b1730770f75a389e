package io.rnnbench.verification;

class EjmlMtAgreementTest extends BackendAgreementSuite {
    EjmlMtAgreementTest() {
        super("ejml-mt");
    }
}
