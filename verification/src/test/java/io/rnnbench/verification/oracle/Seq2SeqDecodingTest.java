package io.rnnbench.verification.oracle;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.Seq2Seq;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.core.train.Trainer;
import io.rnnbench.verification.Seeds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The encoder–decoder's greedy decoding on a network built by hand, and its training step and backward over
 * sources of different lengths, on {@code raw} (its gradients are checked by the conformance suite's
 * encoder–decoder gradient check).
 *
 * <p>The hand-built network: symbols 0 = start, 1 = a, 2 = b, 3 = end; one tanh RNN layer of H = 4 in each
 * network; weights ±10 saturate tanh, so every unit is ±1 up to tanh(10) − 1 ≈ −4e−9 (written ±1 below).
 * <pre>
 * encoder:  W_x[a] = [10, −10, 0, 0], W_x[b] = [−10, 10, 0, 0], W_h = 0, b = [0, 0, −10, −10]
 *           final state s = [1, −1, −1, −1] when the source ends in a, [−1, 1, −1, −1] when it ends in b
 * decoder:  u0, u1 = the encoded symbol, carried (W_h[0][0] = W_h[1][1] = 10)
 *           u2 = "the input is not start"            (W_x[start][2] = −10, W_x[a, b, end][2] = 10)
 *           u3 = "u2 was already 1 one step earlier"  (u3 = tanh(W_x[·][3] + 10·u2_prev − 10), W_x as for u2)
 * head:     logit(start) = −10, logit(a) = u0 − u1, logit(b) = u1 − u0, logit(end) = 5·u3
 * </pre>
 * Step 0 reads start from s: u3 = −1, so the encoded symbol wins (2 against −5 and −2); step 1 reads it:
 * u2_prev = −1, so u3 = tanh(−10) = −1 and it wins again; step 2: u2_prev = 1, u3 = 1, logit(end) = 5 &gt; 2.
 * So a source ending in a decodes to [a, a], one ending in b to [b, b]; with another end symbol (0, which never
 * wins) and at most 5 symbols, to [a, a, 3, 3, 3]. The state must be carried: without the encoder's state the
 * decoder sees u0 = u1 = 0 (a and b tie at 0: a, the first, is taken, whatever the source); without the decoder's
 * own state u2_prev stays the encoder's −1 and end never comes. A source of start alone gives u0 = u1 = 0 exactly,
 * a tie of a and b at logit 0, which the lower index wins: [a, a].
 */
class Seq2SeqDecodingTest {
    private static final int START = 0;
    private static final int A = 1;
    private static final int B = 2;
    private static final int END = 3;

    @Test
    void greedyDecodingOfAHandBuiltNetwork() {
        decode(Backends.byName("raw"));
    }

    private <M> void decode(Backend<M> backend) {
        Seq2Seq<M> model = Seq2Seq.zeros(backend, CellType.RNN, 4, 4, 1);
        Parameters<M> p = model.parameters();
        p.load(backend, "encoder.layer0.wX", new double[] {
                0, 0, 0, 0,
                10, -10, 0, 0,
                -10, 10, 0, 0,
                0, 0, 0, 0});
        p.load(backend, "encoder.layer0.b", new double[] {0, 0, -10, -10});
        p.load(backend, "decoder.layer0.wX", new double[] {
                0, 0, -10, -10,
                0, 0, 10, 10,
                0, 0, 10, 10,
                0, 0, 10, 10});
        p.load(backend, "decoder.layer0.wH", new double[] {
                10, 0, 0, 0,
                0, 10, 0, 0,
                0, 0, 0, 10,
                0, 0, 0, 0});
        p.load(backend, "decoder.layer0.b", new double[] {0, 0, 0, -10});
        p.load(backend, "decoder.head.wY", new double[] {
                0, 1, -1, 0,
                0, -1, 1, 0,
                0, 0, 0, 0,
                0, 0, 0, 5});
        p.load(backend, "decoder.head.bY", new double[] {-10, 0, 0, 0});

        assertArrayEquals(new int[] {A, A}, model.translate(new int[] {A}, START, END, 10), "a");
        assertArrayEquals(new int[] {B, B}, model.translate(new int[] {A, B}, START, END, 10), "a b");
        assertArrayEquals(new int[] {A, A}, model.translate(new int[] {B, B, A}, START, END, 10), "b b a");
        assertArrayEquals(new int[] {A, A, END, END, END}, model.translate(new int[] {A}, START, START, 5), "a, end = start, ≤ 5");
        assertArrayEquals(new int[] {B}, model.translate(new int[] {B}, START, END, 1), "b, ≤ 1 symbol");
        assertArrayEquals(new int[0], model.translate(new int[] {B}, START, B, 10), "b, end = b");
        // a source of start alone encodes u0 = u1 = tanh(0) = 0: a and b tie at logit 0 exactly; the lower index, a, wins
        assertArrayEquals(new int[] {A, A}, model.translate(new int[] {START}, START, END, 10), "a tie");
    }

    /**
     * One {@link Trainer} step with SGD and no clipping moves every parameter of both networks by −lr times the
     * gradient of a backward run just before it (from the same parameters), and reports that gradient's norm; the
     * gradients of a backward over a 5-step source after one over a 3-step source are those of a fresh model's, and
     * so is the loss of a batch of 1 after batches of 2.
     */
    @Test
    void trainingStepAndSourcesOfAnotherLength() {
        train(Backends.byName("raw"));
    }

    private <M> void train(Backend<M> backend) {
        Seq2Seq<M> model = Seq2Seq.create(backend, CellType.LSTM, 5, 3, 2, new NumpyRandomState(Seeds.MODEL), 0.5);
        SequenceBatch shortSource = SequenceBatch.ofClasses(3, 2, new int[] {1, 2, 3, 4, 0, 1}, new int[6]);
        SequenceBatch longSource = SequenceBatch.ofClasses(5, 2, new int[] {4, 3, 2, 1, 0, 1, 2, 3, 4, 0}, new int[10]);
        SequenceBatch target = SequenceBatch.ofClasses(2, 2, new int[] {0, 0, 2, 3}, new int[] {2, 3, 4, 4});

        Seq2Seq<M> fresh = Seq2Seq.create(backend, CellType.LSTM, 5, 3, 2, new NumpyRandomState(Seeds.MODEL), 0.5);
        fresh.forward(longSource, target);
        fresh.backward();
        model.forward(shortSource, target);
        model.backward();
        model.forward(longSource, target);
        model.backward();
        for (NamedMatrix<M> g : fresh.gradients()) {
            assertArrayEquals(backend.toArray(g.value()), backend.toArray(model.gradients().get(g.name()).value()),
                    "gradient " + g.name() + " over a 5-step source after a 3-step one");
        }

        SequenceBatch single = SequenceBatch.ofClasses(2, 1, new int[] {3, 1}, new int[2]); //        B = 1 after B = 2
        SequenceBatch singleTarget = SequenceBatch.ofClasses(2, 1, new int[] {0, 2}, new int[] {2, 4});
        assertEquals(fresh.forward(single, singleTarget), model.forward(single, singleTarget), 0.0, "a batch of 1 after batches of 2");

        double lr = 0.25;
        Parameters<M> before = snapshot(backend, model.parameters());
        Parameters<M> gradient = snapshot(backend, model.gradients());
        double loss = model.forward(longSource, target);
        Trainer<M> trainer = new Trainer<>(model, new Sgd<>(backend, lr), GradientClipping.none());
        assertEquals(loss, trainer.step(() -> model.forward(longSource, target)), 0.0, "the step returns the loss before it");
        double sumOfSquares = 0;
        for (NamedMatrix<M> g : gradient) {
            sumOfSquares += java.util.Arrays.stream(backend.toArray(g.value())).map(v -> v * v).sum();
        }
        assertEquals(Math.sqrt(sumOfSquares), trainer.lastGradientNorm(), 1e-12 * Math.sqrt(sumOfSquares), "‖g‖ of the step");
        for (NamedMatrix<M> p : model.parameters()) {
            double[] theta = backend.toArray(before.get(p.name()).value());
            double[] g = backend.toArray(gradient.get(p.name()).value());
            double[] after = backend.toArray(p.value());
            for (int i = 0; i < theta.length; i++) {
                assertEquals(theta[i] - lr * g[i], after[i], 1e-14, p.name() + "[" + i + "] after one SGD step");
            }
        }
    }

    private static <M> Parameters<M> snapshot(Backend<M> backend, Parameters<M> source) {
        Parameters<M> copy = source.zerosLike(backend);
        copy.copyFrom(backend, source);
        return copy;
    }
}
