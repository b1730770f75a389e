package io.rnnbench.verification.workload;

import io.rnnbench.core.model.Activation;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.verification.ToleranceClass;
import io.rnnbench.workloads.BinaryAdditionWorkload;
import io.rnnbench.workloads.Seq2SeqWorkload;
import io.rnnbench.workloads.SrnByHandWorkload;
import io.rnnbench.workloads.WorkloadRun;
import io.rnnbench.workloads.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workloads' acceptance figures (issue §4), on every backend on the class path. */
class WorkloadTrainingTest {
    /** Measured on raw, ejml and commons-math: 100 % first reached at 1,800 steps (checked every 100). */
    static final int BINARY_ADDITION_STEPS = 1_800;
    /** Measured on raw: all six translated first at 160 steps (checked every 10). */
    static final int SEQ2SEQ_STEPS = 200;
    /** Measured after 1,000 steps (start −ln(1/65)·25 = 104.36): raw 88.80, ejml/ejml-mt 91.33, commons-math-array 90.55. */
    static final int SHAKESPEARE_STEPS = 1_000;
    static final double SHAKESPEARE_SMOOTHED_LOSS_BELOW = 95.0;

    static List<String> backends() {
        return Backends.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void srnByHandIsExact(String backend) {
        srnByHand(Backends.byName(backend));
    }

    private static <M> void srnByHand(Backend<M> backend) {
        SrnByHandWorkload.Run<M> run = new SrnByHandWorkload().start(backend);
        // Without an activation (seed 004 §1), every weight 1, h_{-1} = 0, y_t = [h1 + h2, h1 + h2]:
        //   t = 0: x = (1, 1): h = (1 + 1 + 0 + 0, same) = (2, 2);   y = (4, 4)
        //   t = 1: x = (1, 1): h = (1 + 1 + 2 + 2, same) = (6, 6);   y = (12, 12)
        //   t = 2: x = (2, 2): h = (2 + 2 + 6 + 6, same) = (16, 16); y = (32, 32)
        double[][] linear = run.outputs(Activation.IDENTITY);
        double[][] expectedLinear = {{4, 4}, {12, 12}, {32, 32}};
        for (int t = 0; t < 3; t++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expectedLinear[t][j], linear[t][j], 0.0, backend.name() + " linear y_" + t + "[" + j + "]");
            }
        }
        // With tanh (§2): h_t = tanh(x1 + x2 + h1 + h2) in both units, y_t = 2·h_t:
        //   h_0 = tanh(2), h_1 = tanh(2 + 2·h_0), h_2 = tanh(4 + 2·h_1)
        double h0 = Math.tanh(2);
        double h1 = Math.tanh(2 + 2 * h0);
        double h2 = Math.tanh(4 + 2 * h1);
        double[] expectedTanh = {2 * h0, 2 * h1, 2 * h2};
        double[][] tanh = run.outputs(Activation.TANH);
        for (int t = 0; t < 3; t++) {
            for (int j = 0; j < 2; j++) {
                // the backend's tanh may differ from Math.tanh in the last bits (of its precision)
                assertEquals(expectedTanh[t], tanh[t][j], ToleranceClass.of(backend.name()).scaled(4 * Math.ulp(expectedTanh[t])),
                        backend.name() + " tanh y_" + t + "[" + j + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void binaryAdditionReachesFullAccuracy(String backend) {
        binaryAddition(Backends.byName(backend));
    }

    private static <M> void binaryAddition(Backend<M> backend) {
        BinaryAdditionWorkload.Run<M> run = new BinaryAdditionWorkload().start(backend);
        run.train(BINARY_ADDITION_STEPS, BINARY_ADDITION_STEPS, null);
        assertEquals(1.0, run.accuracy(), 0.0, backend.name() + ": all 128×128 sums right after " + BINARY_ADDITION_STEPS + " steps");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void seq2seqTranslatesEveryTrainingWord(String backend) {
        seq2seq(Backends.byName(backend));
    }

    private static <M> void seq2seq(Backend<M> backend) {
        Seq2SeqWorkload.Run<M> run = new Seq2SeqWorkload().start(backend);
        run.train(SEQ2SEQ_STEPS, SEQ2SEQ_STEPS, null);
        for (String[] pair : Seq2SeqWorkload.PAIRS) {
            assertEquals(pair[1], run.translate(pair[0]), backend.name() + ": " + pair[0] + " →");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shakespeareLossFalls(String backend) {
        shakespeare(Backends.byName(backend));
    }

    private static <M> void shakespeare(Backend<M> backend) {
        WorkloadRun<M> run = Workloads.byName("shakespeare").start(backend);
        run.train(SHAKESPEARE_STEPS, SHAKESPEARE_STEPS, null);
        assertTrue(run.smoothedLoss() < SHAKESPEARE_SMOOTHED_LOSS_BELOW, backend.name() + ": smoothed loss after "
                + SHAKESPEARE_STEPS + " steps is " + run.smoothedLoss() + ", expected below " + SHAKESPEARE_SMOOTHED_LOSS_BELOW);
        String sample = run.sample(new io.rnnbench.core.random.NumpyRandomState(0));
        assertEquals(200, sample.codePointCount(0, sample.length()));
    }

    @Test
    void unknownWorkloadListsTheKnownOnes() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Workloads.byName("nope"));
        for (String name : List.of("dinos", "shakespeare", "shakespeare-deep", "shakespeare-lstm", "binary-addition", "seq2seq",
                "words", "srn-by-hand")) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }
}
