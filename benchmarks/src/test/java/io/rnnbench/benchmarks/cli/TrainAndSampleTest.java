package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.BinaryAdditionWorkload;
import io.rnnbench.workloads.ShakespeareWorkload;
import io.rnnbench.workloads.WorkloadRun;
import io.rnnbench.workloads.Workloads;
import io.rnnbench.workloads.checkpoint.Checkpoint;
import io.rnnbench.workloads.text.TextSampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainAndSampleTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static CommandRun train(String... args) {
        return CommandRun.of(prepend("train", args));
    }

    private static CommandRun sample(String... args) {
        return CommandRun.of(prepend("sample", args));
    }

    private static String[] prepend(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    private static void assertUsageError(CommandRun r, String expected) {
        assertEquals(ExitStatus.USAGE, r.status(), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertEquals("", r.out(), "nothing is trained or printed on a bad command line");
    }

    @Test
    void badTrainArgumentsSayWhatIsWrong() {
        assertUsageError(train("--steps", "10"), "Missing required option: '--workload=NAME'");
        assertUsageError(train("--workload", "dinos"), "Missing required option: '--steps=N'");
        assertUsageError(train("--workload", "dinos", "--steps", "ten"), "Invalid value for option '--steps': 'ten' is not a long");
        assertUsageError(train("--workload", "dinos", "--steps", "0"), "--steps must be ≥ 1, got 0");
        assertUsageError(train("--workload", "dinos", "--steps", "5", "--speed", "9"), "Unknown options: '--speed', '9'; known: --workload");
        assertUsageError(train("--workload", "dinos", "--steps"), "Missing required parameter for option '--steps' (N)");
        assertUsageError(train("--workload", "dinos", "--steps", "5", "--every", "2"), "give --checkpoint F too");
        assertUsageError(train("--workload", "dino", "--steps", "5"),
                "unknown workload 'dino'; known workloads: " + String.join(", ", Workloads.names()));
        assertUsageError(train("--workload", "dinos", "--steps", "5", "--backend", "blas"),
                "unknown backend 'blas'; backends on the class path: " + String.join(", ", Backends.names()));
        assertTrue(train("--steps", "10").err().contains("Usage: rnnbench train [-h] [--backend=NAME]"));
    }

    @Test
    void aWorkloadWithoutCheckpointIsRefusedBeforeTraining() {
        CommandRun r = train("--workload", "srn-by-hand", "--steps", "3", "--checkpoint", dir.resolve("x.npz").toString());
        assertUsageError(r, "srn-by-hand has no checkpoint; run without --checkpoint");
        assertFalse(Files.exists(dir.resolve("x.npz")));
    }

    @Test
    void aWorkloadThatDoesNotSamplePrintsItsQuality() {
        CommandRun r = train("--workload", "srn-by-hand", "--steps", "4", "--sample-every", "2", "--chart", "none");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("---- step 2: linear y_2[0] 32.0 ----"), r.out());
        assertTrue(r.out().contains("quality: linear y_2[0] 32.0"), r.out());
    }

    @Test
    void trainWritesACheckpointWhoseRestoreReproducesTheRunBitForBit() throws IOException {
        Path checkpoint = dir.resolve("add.npz");
        Path chart = dir.resolve("charts/add.png");
        CommandRun r = train("--workload", "binary-addition", "--steps", "20", "--checkpoint", checkpoint.toString(),
                "--every", "5", "--sample-every", "10", "--chart", chart.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("checkpoint: " + checkpoint + " (step 5)"), r.out());
        assertTrue(r.out().contains("done: 20 steps in "), r.out());
        assertTrue(r.out().contains("quality: accuracy over all 128×128 pairs "), r.out());
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(chart), 4));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("add.npz", "charts"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }

        Backend<?> raw = Backends.byName("raw");
        BinaryAdditionWorkload.Run<?> trained = new BinaryAdditionWorkload().start(raw); // the same run, in memory
        trained.train(20, 20, null);
        BinaryAdditionWorkload.Run<?> restored = new BinaryAdditionWorkload().start(raw);
        restored.restore(Checkpoint.read(checkpoint));

        assertEquals(20, restored.steps());
        assertEquals(trained.smoothedLoss(), restored.smoothedLoss());
        assertBitIdentical(trained, restored);
        int[] a = {0, 1, 57, 127, 64};
        int[] b = {0, 1, 70, 127, 63};
        assertArrayEquals(bits(logits(trained, a, b)), bits(logits(restored, a, b)), "outputs after restore");
        assertEquals(trained.accuracy(), restored.accuracy());
    }

    @Test
    void sampleRestoresATrainCheckpointAndDrawsWhatTheTrainedModelDraws() throws IOException {
        Path checkpoint = dir.resolve("shakespeare.npz");
        CommandRun r = train("--workload", "shakespeare", "--steps", "20", "--checkpoint", checkpoint.toString(),
                "--sample-every", "0", "--chart", "none");
        assertEquals(0, r.status(), r.err());

        CommandRun s = sample("--checkpoint", checkpoint.toString(), "--prime", "ROMEO:", "--length", "60",
                "--temperature", "0.7", "--seed", "3");
        assertEquals(0, s.status(), s.err());

        ShakespeareWorkload.Run<?> trained = ShakespeareWorkload.standard().start(Backends.byName("raw"));
        trained.train(20, 20, null);
        String expected = "ROMEO:" + draw(trained.network(), "ROMEO:", 60, 0.7, 3);
        assertEquals(expected + System.lineSeparator(), s.out());
    }

    @Test
    void badSampleArgumentsSayWhatIsWrong() throws IOException {
        assertUsageError(sample(), "Missing required option: '--checkpoint=F'");
        assertUsageError(sample("--checkpoint", dir.resolve("none.npz").toString()), "no such checkpoint file");
        Path garbage = Files.writeString(dir.resolve("garbage.npz"), "not a zip");
        assertUsageError(sample("--checkpoint", garbage.toString()), "not a readable .npz");
        assertUsageError(sample("--checkpoint", garbage.toString(), "--temperature", "0"), "--temperature must be a finite number > 0");

        Path adder = dir.resolve("add.npz");
        assertEquals(0, train("--workload", "binary-addition", "--steps", "2", "--checkpoint", adder.toString(),
                "--chart", "none").status());
        assertUsageError(sample("--checkpoint", adder.toString()), "this workload does not generate text; its quality: accuracy");
        assertUsageError(sample("--checkpoint", adder.toString(), "--prime", "1"),
                "--prime applies to character models (shakespeare*); this checkpoint is of binary-addition");
    }

    @Test
    void dinosCheckpointsSampleNames() {
        Path checkpoint = dir.resolve("dinos.npz");
        assertEquals(0, train("--workload", "dinos", "--steps", "50", "--checkpoint", checkpoint.toString(),
                "--chart", "none").status());
        CommandRun s = sample("--checkpoint", checkpoint.toString(), "--length", "40");
        assertEquals(0, s.status(), s.err());
        assertTrue(s.out().strip().length() >= 40 - 1 && s.out().strip().matches("[a-z\\n]+"), s.out());
    }

    private static <M> String draw(Network<M> network, String prime, int length, double temperature, long seed) {
        return TextSampler.sample(network, ShakespeareWorkload.corpus().vocabulary(), prime, length, temperature,
                new NumpyRandomState(seed));
    }

    private static <M> double[] logits(BinaryAdditionWorkload.Run<M> run, int[] a, int[] b) {
        Backend<M> backend = run.backend();
        Network<M> network = run.network();
        network.forward(BinaryAdditionWorkload.batch(a, b), RecurrentState.zeros(backend, network.config(), a.length));
        return backend.toArray(network.logits());
    }

    private static <M> void assertBitIdentical(WorkloadRun<M> expected, WorkloadRun<?> actual) {
        for (NamedMatrix<M> p : expected.parameters()) {
            assertArrayEquals(bits(expected.parameters().toArray(expected.backend(), p.name())),
                    bits(toArray(actual, p.name())), p.name() + " after restore");
        }
    }

    private static <M> double[] toArray(WorkloadRun<M> run, String name) {
        return run.parameters().toArray(run.backend(), name);
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
