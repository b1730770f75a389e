package io.rnnbench.verification.workload;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.Seq2SeqWorkload;
import io.rnnbench.workloads.checkpoint.Checkpoint;
import io.rnnbench.workloads.checkpoint.CheckpointException;
import io.rnnbench.workloads.checkpoint.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save → load reproduces a model bit for bit on every backend; bad checkpoints are rejected whole. */
class CheckpointRoundTripTest {
    @TempDir
    Path dir;

    static List<String> backends() {
        return Backends.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void roundTripIsBitExactAndTrainingContinuesIdentically(String backend) throws Exception {
        roundTrip(Backends.byName(backend));
    }

    private <M> void roundTrip(Backend<M> backend) throws Exception {
        Seq2SeqWorkload.Run<M> trained = new Seq2SeqWorkload().start(backend);
        trained.train(20, 20, null);
        Path file = dir.resolve("seq2seq.npz");
        trained.checkpoint().write(file);
        Seq2SeqWorkload.Run<M> loaded = new Seq2SeqWorkload().start(backend);
        loaded.restore(Checkpoint.read(file));
        assertEquals(trained.steps(), loaded.steps());
        assertEquals(trained.smoothedLoss(), loaded.smoothedLoss(), 0.0);
        assertBitsEqual(backend, trained, loaded, "after load");
        for (String[] pair : Seq2SeqWorkload.PAIRS) {
            assertEquals(trained.translate(pair[0]), loaded.translate(pair[0]));
        }
        assertEquals(trained.trainStep(), loaded.trainStep(), 0.0, "the next step's loss"); // optimizer state restored too
        assertBitsEqual(backend, trained, loaded, "after one more step");
    }

    private static <M> void assertBitsEqual(Backend<M> backend, Seq2SeqWorkload.Run<M> a, Seq2SeqWorkload.Run<M> b, String when) {
        for (NamedMatrix<M> p : a.parameters()) {
            long[] x = Arrays.stream(backend.toArray(p.value())).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] y = Arrays.stream(backend.toArray(b.parameters().get(p.name()).value())).mapToLong(Double::doubleToRawLongBits).toArray();
            assertArrayEquals(x, y, backend.name() + " " + when + ": " + p.name());
        }
        for (NamedMatrix<M> m : a.optimizer().memory()) {
            assertArrayEquals(backend.toArray(m.value()), backend.toArray(b.optimizer().memory().get(m.name()).value()), "memory " + m.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void badCheckpointsAreRejectedWithoutHalfLoading(String backend) throws Exception {
        bad(Backends.byName(backend));
    }

    private <M> void bad(Backend<M> backend) throws Exception {
        Seq2SeqWorkload.Run<M> source = new Seq2SeqWorkload().start(backend);
        source.train(3, 3, null);
        Checkpoint good = source.checkpoint();
        Seq2SeqWorkload.Run<M> target = new Seq2SeqWorkload().start(backend);
        Map<String, double[]> before = snapshot(backend, target);

        // truncated and corrupt files
        Path file = dir.resolve("good.npz");
        good.write(file);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        assertRejected(() -> target.restore(Checkpoint.read(truncated)), "truncated.npz");
        Path corrupt = dir.resolve("corrupt.npz");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 3] ^= 0x11;
        Files.write(corrupt, flipped);
        assertRejected(() -> target.restore(Checkpoint.read(corrupt)), "corrupt.npz");

        Checkpoint.Info info = good.info();
        // other vocabulary
        List<String> vocabulary = new java.util.ArrayList<>(info.vocabulary());
        vocabulary.set(5, "#");
        assertRejected(() -> target.restore(Checkpoint.of(new Checkpoint.Info(info.workload(), info.models(), vocabulary,
                info.optimizer(), info.hyperparameters(), info.step(), info.smoothedLoss()), good.parameters(), good.optimizerState())),
                "vocabulary differs: entry 5");
        // other cell
        Map<String, ModelConfig> lstm = new LinkedHashMap<>();
        info.models().forEach((k, c) -> lstm.put(k, new ModelConfig(CellType.LSTM, c.inputSize(), c.hiddenSize(), c.layers(),
                c.outputSize(), c.head())));
        assertRejected(() -> target.restore(Checkpoint.of(new Checkpoint.Info(info.workload(), lstm, info.vocabulary(),
                info.optimizer(), info.hyperparameters(), info.step(), info.smoothedLoss()), good.parameters(), good.optimizerState())),
                "has cell LSTM, expected RNN");
        // other shape (the last array, so that every earlier one would fit: nothing may be copied)
        Map<String, Tensor> reshaped = new LinkedHashMap<>(good.parameters());
        reshaped.put("decoder.head.bY", new Tensor(1, 3, new double[3]));
        assertRejected(() -> target.restore(Checkpoint.of(info, reshaped, good.optimizerState())),
                "decoder.head.bY.npy: shape [1, 3], the model needs [1, 29]");
        // a missing optimizer state array
        Map<String, Tensor> state = new LinkedHashMap<>(good.optimizerState());
        state.remove(state.keySet().iterator().next());
        assertRejected(() -> target.restore(Checkpoint.of(info, good.parameters(), state)), "missing");
        // a value that is not finite (the last array, so that every earlier one would be copied first)
        Map<String, Tensor> nan = new LinkedHashMap<>(good.parameters());
        double[] bY = nan.get("decoder.head.bY").data().clone();
        bY[7] = Double.NaN;
        nan.put("decoder.head.bY", new Tensor(1, bY.length, bY));
        assertRejected(() -> target.restore(Checkpoint.of(info, nan, good.optimizerState())),
                "entry decoder.head.bY.npy: value NaN at index 7 (values must be finite)");
        // Adagrad memory below zero: √(m + ε) would be NaN
        Map<String, Tensor> negative = new LinkedHashMap<>(good.optimizerState());
        String memory = negative.keySet().iterator().next();
        double[] m = negative.get(memory).data().clone();
        m[0] = -1e-3;
        negative.put(memory, new Tensor(negative.get(memory).rows(), negative.get(memory).cols(), m));
        assertRejected(() -> target.restore(Checkpoint.of(info, good.parameters(), negative)),
                "entry " + memory + ".npy: value -0.001 at index 0 (this state must be finite and ≥ 0)");

        Map<String, double[]> after = snapshot(backend, target);
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), backend.name() + ": " + name + " changed by a rejected checkpoint");
        }
        assertEquals(0, target.steps());
    }

    private static <M> Map<String, double[]> snapshot(Backend<M> backend, Seq2SeqWorkload.Run<M> run) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (NamedMatrix<M> p : run.parameters()) {
            values.put(p.name(), backend.toArray(p.value()));
        }
        for (NamedMatrix<M> m : run.optimizer().memory()) {
            values.put("m " + m.name(), backend.toArray(m.value()));
        }
        return values;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void assertRejected(Action action, String messagePart) {
        CheckpointException e = assertThrows(CheckpointException.class, action::run);
        assertTrue(e.getMessage().contains(messagePart), "message '" + e.getMessage() + "' should contain '" + messagePart + "'");
    }
}
