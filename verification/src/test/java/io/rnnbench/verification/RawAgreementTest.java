package io.rnnbench.verification;

/** For the reference itself only the determinism checks run; the comparisons are skipped. */
class RawAgreementTest extends BackendAgreementSuite {
    RawAgreementTest() {
        super("raw");
    }
}
