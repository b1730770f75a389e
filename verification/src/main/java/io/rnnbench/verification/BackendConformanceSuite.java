package io.rnnbench.verification;

import io.rnnbench.verification.golden.GoldenValuesSuite;
import org.junit.jupiter.api.Nested;

/**
 * Everything DESIGN.md §4 asks of a backend, by name, in one class: the primitive operations against {@code raw}
 * (and that every SPI method was exercised), finite-difference gradient checks, agreement with {@code raw} after one
 * pass and after training, determinism, and the golden NumPy values of the seed documents. A backend is verified by
 * one subclass in a test source folder:
 * <pre>
 * class MyBackendConformanceTest extends BackendConformanceSuite {
 *     MyBackendConformanceTest() { super("my-backend"); }
 * }
 * </pre>
 * {@code mvn test} then runs every suite below on it and adds its rows to {@code target/verification-report.md}. A
 * backend whose provider declares {@code Precision.FLOAT32} runs the same suites at the float32 tolerances
 * ({@link ToleranceClass#FLOAT32}).
 */
public abstract class BackendConformanceSuite {
    private final String backendName;

    protected BackendConformanceSuite(String backendName) {
        this.backendName = backendName;
    }

    /** The backend under test. */
    public String backendName() {
        return backendName;
    }

    @Nested
    class PrimitiveOperations extends PrimitiveOperationsSuite {
        PrimitiveOperations() {
            super(BackendConformanceSuite.this.backendName);
        }
    }

    @Nested
    class GradientChecks extends GradientCheckSuite {
        GradientChecks() {
            super(BackendConformanceSuite.this.backendName);
        }
    }

    @Nested
    class AgreementWithReference extends BackendAgreementSuite {
        AgreementWithReference() {
            super(BackendConformanceSuite.this.backendName);
        }
    }

    @Nested
    class GoldenValues extends GoldenValuesSuite {
        GoldenValues() {
            super(BackendConformanceSuite.this.backendName);
        }
    }
}
