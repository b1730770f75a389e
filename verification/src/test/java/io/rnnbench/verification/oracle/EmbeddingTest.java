package io.rnnbench.verification.oracle;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.verification.Seeds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An embedding is a factorised input weight, on {@code raw}: a network with E [X, D] and layer-0 W_x [D, G] reads
 * index x_t as the row E[x_t]·W_x, so its loss is that of the same network without an embedding whose W_x [X, G] is
 * the product E·W_x, computed here in plain loops (other parameters copied). Tolerance 1e−12 on a loss of order 10:
 * the two sum D = 3 products in different places; an input row left at zero or read from the wrong index moves the
 * loss by far more.
 */
class EmbeddingTest {
    @Test
    void embeddingNetworkIsTheNetworkWithTheProductWeight() {
        check(Backends.byName("raw"));
    }

    private <M> void check(Backend<M> backend) {
        int x = 6;
        int d = 3;
        int h = 4;
        ModelConfig embedded = new ModelConfig(CellType.LSTM, x, h, 2, x, HeadType.PER_STEP_SOFTMAX).withEmbedding(d);
        ModelConfig plain = new ModelConfig(CellType.LSTM, x, h, 2, x, HeadType.PER_STEP_SOFTMAX);
        Network<M> network = Network.create(backend, embedded, new NumpyRandomState(Seeds.MODEL), 0.5);
        Network<M> product = Network.zeros(backend, plain);
        for (NamedMatrix<M> p : product.parameters()) {
            if (!p.name().equals("layer0.wX")) {
                product.parameters().load(backend, p.name(), network.parameters().toArray(backend, p.name()));
            }
        }
        double[] e = network.parameters().toArray(backend, Network.EMBEDDING); // [X, D]
        double[] w = network.parameters().toArray(backend, "layer0.wX"); //       [D, G]
        int g = embedded.gateWidth();
        double[] ew = new double[x * g]; //                                           [X, G] = E·W_x
        for (int i = 0; i < x; i++) {
            for (int j = 0; j < g; j++) {
                for (int p = 0; p < d; p++) {
                    ew[i * g + j] += e[i * d + p] * w[p * g + j];
                }
            }
        }
        product.parameters().load(backend, "layer0.wX", ew);
        SequenceBatch batch = SequenceBatch.ofClasses(3, 2, new int[] {5, 0, 2, 2, 4, 1}, new int[] {1, 3, 0, 5, 2, 4});
        assertEquals(product.forward(batch, RecurrentState.zeros(backend, plain, 2)),
                network.forward(batch, RecurrentState.zeros(backend, embedded, 2)), 1e-12, "loss with E against loss with E·W_x");
    }
}
