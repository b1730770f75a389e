package io.rnnbench.verification.mutation;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.verification.BackendAgreementSuite;
import io.rnnbench.verification.GradientCheck;
import io.rnnbench.verification.ModelCase;
import io.rnnbench.verification.ToleranceClass;
import io.rnnbench.verification.golden.MutationProbe;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The checks can fail, for the right reason: a backend with one small bug ({@link MutatedBackend}: σ′ off by
 * 1e−5 relative, one bias-gradient entry off by 1e−7 relative, a transposed GEMM flag) fails the gradient check,
 * the agreement check and the golden check, each with a message that names the tensor and its worst entry.
 */
class MutationsAreCaughtTest {
    private static final Backend<?> RAW = Backends.byName("raw");

    /** ε = 1e−5 and 1e−8 relative or 1e−9 absolute: resolves a 1e−7 relative error on this small smooth case. */
    static final GradientCheck.Resolution PRECISE = new GradientCheck.Resolution(1e-5, 1e-8, 1e-9);

    // ---- σ′ × (1 + 1e−5) ------------------------------------------------------------------------------------

    @Test
    void sigmoidDerivativeFailsTheGradientCheckOnTheGatesOnly() {
        String message = gradientCheckFailure(MutatedBackend.SIGMOID_DERIVATIVE, lstm(), GradientCheck.Resolution.DEFAULT);
        assertTrue(message.startsWith("gradient check, backend raw+σ′×(1+1e-5), LSTM L=1"), message);
        for (String gate : new String[] {"layer0.wX", "layer0.wH", "layer0.b", "h0[0]", "c0[0]"}) {
            assertFailedEntry(message, gate); //                       everything before the σ gates
        }
        assertPassedEntry(message, "head.wY"); //                      the softmax head has no σ′
        assertPassedEntry(message, "head.bY");
        assertTrue(message.contains("relative 1.0") && message.contains("e-05  FAIL"), message);
    }

    @Test
    void sigmoidDerivativeFailsTheAgreementCheck() {
        String message = agreementFailure(MutatedBackend.SIGMOID_DERIVATIVE, lstm());
        assertTrue(message.startsWith("raw+σ′×(1+1e-5), one forward/backward, LSTM L=1 PER_STEP_SOFTMAX B=3 T=5 full BPTT "
                + "random h0, dlayer0.wX: worst at (4, 12): raw+σ′×(1+1e-5) 0.0184707"), message);
        assertTrue(message.contains("relative 1.186e-05"), message);
    }

    @Test
    void sigmoidDerivativeFailsTheGoldenCheckOnTheGateGradients() {
        String message = goldenFailure(MutatedBackend.SIGMOID_DERIVATIVE, "lstm_cell_backward");
        assertTrue(message.contains("raw+σ′×(1+1e-5), seed 002 lstm_cell_backward, dWi: worst at (1, 2): raw+σ′×(1+1e-5) "
                + "1.05750863"), message);
        assertTrue(message.contains("dbf: worst at (0, 0)") && message.contains("relative 1.000e-05"), message);
        assertTrue(!message.contains(", a_next:") && !message.contains(", c_next:") && !message.contains(", dc_prev:"),
                "the forward and dc_prev (no σ′ on the path) must pass: " + message);
    }

    // ---- one bias gradient × (1 + 1e−7) -----------------------------------------------------------------------

    @Test
    void biasGradientFailsAPreciseGradientCheckOnTheBiasesOnly() {
        GradientCheck.Report reference = precise(RAW);
        assertTrue(reference.passes(), () -> "the precise check must pass on raw itself:\n" + reference.describe("raw"));

        String message = gradientCheckFailure(MutatedBackend.BIAS_GRADIENT, rnn(), PRECISE);
        assertTrue(message.contains("layer0.b   worst at (0, 0): analytic 9.209274226642e-01, numeric 9.209273304833e-01"), message);
        assertTrue(message.contains("head.bY    worst at (0, 0): ") && message.contains("relative 9.992e-08  FAIL"), message);
        assertFailedEntry(message, "layer0.b");
        assertFailedEntry(message, "head.bY");
        for (String weight : new String[] {"layer0.wX", "layer0.wH", "head.wY", "h0[0]"}) {
            assertPassedEntry(message, weight);
        }
    }

    /**
     * A relative error of 1e−7 is below the default resolution of the gradient check (1e−6 relative, ε = 1e−6, chosen
     * so that no configuration of the grid fails on rounding): the agreement and golden checks (1e−10) catch it.
     */
    @Test
    void biasGradientIsBelowTheDefaultGradientCheckResolution() {
        ModelCase.Instance<Object> instance = rnn().build(MutatedBackend.BIAS_GRADIENT.wrap(RAW));
        assertTrue(GradientCheck.check(instance.network(), instance.batch(), instance.initialState(), 0, 40).passes());
    }

    @Test
    void biasGradientFailsTheAgreementCheck() {
        String message = agreementFailure(MutatedBackend.BIAS_GRADIENT, rnn());
        assertTrue(message.startsWith("raw+db[0]×(1+1e-7), one forward/backward, RNN L=1 PER_STEP_SOFTMAX B=3 T=5 full BPTT "
                + "random h0, dlayer0.b: worst at (0, 0): raw+db[0]×(1+1e-7) 0.920927422664195"), message);
        assertTrue(message.contains("relative 1.000e-07"), message);
    }

    @Test
    void biasGradientFailsTheGoldenCheckOnDbaOnly() {
        String message = goldenFailure(MutatedBackend.BIAS_GRADIENT, "rnn_cell_backward");
        assertTrue(message.startsWith("1 of 8 comparisons failed:\n  raw+db[0]×(1+1e-7), seed 002 rnn_cell_backward, dba: worst "
                + "at (0, 0): raw+db[0]×(1+1e-7) 0.48701994164341056, reference 0.48701989294142100"), message);
        assertTrue(message.contains("relative 1.000e-07"), message);
    }

    // ---- a transposed GEMM flag -------------------------------------------------------------------------------

    @Test
    void transposedGemmFlagFailsTheGradientCheckOnTheRecurrentWeights() {
        String message = gradientCheckFailure(MutatedBackend.TRANSPOSED_GEMM_FLAG, rnn(), GradientCheck.Resolution.DEFAULT);
        assertTrue(message.contains("layer0.wH  worst at (1, 2): analytic 2.808957867395e-02, numeric -4.380121243486e-02"),
                message);
        assertFailedEntry(message, "layer0.wH"); //                     the one square B: W_h [H, H]
        for (String other : new String[] {"layer0.wX", "layer0.b", "head.wY", "head.bY", "h0[0]"}) {
            assertPassedEntry(message, other);
        }
    }

    @Test
    void transposedGemmFlagFailsTheAgreementCheck() {
        String message = agreementFailure(MutatedBackend.TRANSPOSED_GEMM_FLAG, rnn());
        assertTrue(message.startsWith("raw+gemm opB flipped on square B, one forward/backward, RNN L=1 PER_STEP_SOFTMAX B=3 "
                + "T=5 full BPTT random h0, loss: worst at (0, 0): raw+gemm opB flipped on square B 9.67356794493"), message);
        assertTrue(message.contains("reference 10.17093614231"), message);
    }

    @Test
    void transposedGemmFlagFailsTheGoldenCheck() {
        String message = goldenFailure(MutatedBackend.TRANSPOSED_GEMM_FLAG, "rnn_forward");
        assertTrue(message.contains("raw+gemm opB flipped on square B, seed 002 rnn_forward, a: worst at (1, 0, 1): "
                + "raw+gemm opB flipped on square B -0.846865191507476"), message);
        assertTrue(message.contains("seed 002 rnn_forward, y_pred: worst at (0, 8, 1)"), message);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static <M> GradientCheck.Report precise(Backend<M> backend) {
        ModelCase.Instance<M> clean = rnn().build(backend);
        return GradientCheck.check(clean.network(), clean.batch(), clean.initialState(), 0, 40, PRECISE);
    }

    /** The report line of {@code tensor} ends in FAIL and names its worst entry. */
    private static void assertFailedEntry(String report, String tensor) {
        Matcher m = line(report, tensor);
        assertTrue(m.group().endsWith("FAIL"), () -> tensor + " should fail: " + report);
    }

    private static void assertPassedEntry(String report, String tensor) {
        Matcher m = line(report, tensor);
        assertTrue(!m.group().endsWith("FAIL"), () -> tensor + " should pass: " + report);
    }

    private static Matcher line(String report, String tensor) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(tensor) + " +worst at \\(\\d+, \\d+\\): analytic \\S+, numeric \\S+,"
                + ".*$").matcher(report);
        if (!m.find()) {
            fail("no line for " + tensor + " in: " + report);
        }
        return m;
    }

    private static ModelCase lstm() {
        return ModelCase.small(CellType.LSTM, 1, HeadType.PER_STEP_SOFTMAX, 3, 0, true);
    }

    private static ModelCase rnn() {
        return ModelCase.small(CellType.RNN, 1, HeadType.PER_STEP_SOFTMAX, 3, 0, true);
    }

    private static <M> String gradientCheckFailure(MutatedBackend mutation, ModelCase modelCase, GradientCheck.Resolution resolution) {
        Backend<Object> backend = mutation.wrap(RAW);
        ModelCase.Instance<Object> instance = modelCase.build(backend);
        GradientCheck.Report report = GradientCheck.check(instance.network(), instance.batch(), instance.initialState(), 0, 40,
                resolution);
        assertTrue(!report.passes(), () -> mutation + " passed the gradient check:\n" + report.describe(modelCase.toString()));
        return report.describe(modelCase.toString());
    }

    private static String agreementFailure(MutatedBackend mutation, ModelCase modelCase) {
        Backend<Object> backend = mutation.wrap(RAW);
        return assertThrows(AssertionFailedError.class,
                () -> BackendAgreementSuite.onePassAgreement(RAW, backend, backend.name(), modelCase,
                        ToleranceClass.FLOAT64.onePass())).getMessage();
    }

    private static String goldenFailure(MutatedBackend mutation, String caseId) {
        Backend<Object> backend = mutation.wrap(RAW);
        return assertThrows(AssertionFailedError.class, () -> MutationProbe.runPublishedCase(backend, caseId)).getMessage();
    }
}
