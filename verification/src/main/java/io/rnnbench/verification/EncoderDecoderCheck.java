package io.rnnbench.verification;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.Seq2Seq;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gradient check of the encoder–decoder ({@link Seq2Seq}): every parameter of both networks (the encoder's
 * head aside, which no loss reads), against central differences of the decoder's loss. The encoder receives its
 * gradient only through its final state (the decoder's initial state), so its rows of the report check exactly
 * that path; the check also fails if the encoder's gradients are all zero (a path that carries nothing).
 */
public final class EncoderDecoderCheck {
    private EncoderDecoderCheck() {
    }

    /** Vocabulary V, hidden size H, source length, target length, batch: small, distinct, not powers of two. */
    static final int V = 6;
    static final int H = 4;
    static final int SOURCE_STEPS = 4;
    static final int TARGET_STEPS = 5;
    static final int BATCH = 2;

    /** Builds a seeded encoder–decoder of {@code layers} layers on {@code backend} and checks its gradients. */
    public static <M> GradientCheck.Report check(Backend<M> backend, CellType cell, int layers, int maxEntries) {
        Built<M> built = build(backend, cell, layers);
        return GradientCheck.check(backend, built.model.parameters(), built.analytic, () -> built.model.forward(built.source,
                built.target), maxEntries, GradientCheck.Resolution.DEFAULT);
    }

    /** The analytic gradients of the same seeded encoder–decoder on {@code backend}, for a float32 backend's check. */
    public static <M> List<AnalyticGradients.Tensor> analyticGradients(Backend<M> backend, CellType cell, int layers) {
        Built<M> built = build(backend, cell, layers);
        List<AnalyticGradients.Tensor> tensors = new ArrayList<>();
        AnalyticGradients.add(backend, built.analytic, tensors);
        return tensors;
    }

    /** A seeded model, its batch, and the gradients of one forward/backward. */
    private record Built<M>(Seq2Seq<M> model, SequenceBatch source, SequenceBatch target, Parameters<M> analytic) {
    }

    /**
     * The model, one forward/backward, and its structural checks: every trained matrix of both networks is in the
     * parameter set once (the encoder's head aside), and some encoder gradient is not zero.
     */
    private static <M> Built<M> build(Backend<M> backend, CellType cell, int layers) {
        NumpyRandomState random = new NumpyRandomState(Seeds.MODEL);
        Seq2Seq<M> model = Seq2Seq.create(backend, cell, V, H, layers, random, 0.5);
        SequenceBatch source = SequenceBatch.ofClasses(SOURCE_STEPS, BATCH, draws(random, SOURCE_STEPS * BATCH),
                new int[SOURCE_STEPS * BATCH]); //                                  the encoder's targets are ignored
        SequenceBatch target = SequenceBatch.ofClasses(TARGET_STEPS, BATCH, draws(random, TARGET_STEPS * BATCH),
                draws(random, TARGET_STEPS * BATCH));
        model.forward(source, target);
        model.backward();
        Parameters<M> analytic = model.gradients().zerosLike(backend);
        analytic.copyFrom(backend, model.gradients());
        int expected = model.encoder().parameters().size() - 2 + model.decoder().parameters().size(); // minus head.wY, head.bY
        if (model.parameters().size() != expected || model.gradients().size() != expected) {
            throw new AssertionError(backend.name() + ", encoder–decoder " + cell + " L=" + layers + ": " + model.parameters().size()
                    + " parameters and " + model.gradients().size() + " gradients, expected " + expected + ": "
                    + model.parameters().names());
        }
        boolean encoderReached = false;
        for (NamedMatrix<M> g : analytic) {
            if (g.name().startsWith("encoder.")) {
                encoderReached |= Arrays.stream(backend.toArray(g.value())).anyMatch(v -> v != 0);
            }
        }
        if (!encoderReached) {
            throw new AssertionError(backend.name() + ", encoder–decoder " + cell + " L=" + layers
                    + ": every encoder gradient is zero; no gradient crossed the encoder's final state");
        }
        return new Built<>(model, source, target, analytic);
    }

    private static int[] draws(NumpyRandomState random, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(V);
        }
        return out;
    }
}
