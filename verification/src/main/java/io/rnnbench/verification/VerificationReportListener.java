package io.rnnbench.verification;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes {@code target/verification-report.md} (or {@code -Drnnbench.verification.report=<file>}) and prints a
 * one-line summary per backend when a JUnit run that executed verification checks ends. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class VerificationReportListener implements TestExecutionListener {
    /** System property naming the report file. */
    public static final String REPORT_PROPERTY = "rnnbench.verification.report";

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (VerificationReport.isEmpty()) {
            return;
        }
        Path file = Path.of(System.getProperty(REPORT_PROPERTY, "target/verification-report.md"));
        try {
            VerificationReport.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the verification report " + file.toAbsolutePath(), e);
        }
        System.out.println();
        System.out.println("Verification summary (report: " + file.toAbsolutePath() + ")");
        VerificationReport.summary().forEach(line -> System.out.println("  " + line));
    }
}
