package io.rnnbench.verification.workload;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.text.TextSampler;
import io.rnnbench.workloads.text.Vocabulary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text sampling with priming against a case derived by hand, on every backend (the production dinos sampler,
 * {@code DinosWorkload.sampleName}, is checked against NumPy's indices by the golden {@code sample} cases).
 *
 * <p>The network: vocabulary "abc" (a = 0, b = 1, c = 2), a tanh RNN with W_x = I, W_h = 0, b = 0, so after reading
 * character j the state is h = tanh(1)·e_j whatever came before; the head W_y[j, next(j)] = ln 6 / tanh(1) with
 * next = a→b, b→c, c→a, all else 0, b_y = 0. The logits after j are then ln 6 at next(j) and 0 elsewhere:
 * <pre>
 * temperature 1:  p(next(j)) = 6/8 = 0.75, the two others 0.125
 * temperature 2:  p(next(j)) = √6/(√6 + 2) = 0.550510…, the two others 1/(√6 + 2) = 0.224744…
 * </pre>
 * NumPy's {@code choice} takes the first index whose cumulative probability exceeds u; with
 * {@code np.random.seed(0)} the uniforms are 0.5488135, 0.7151894, 0.6027634, 0.5448832, 0.4236548. Primed with
 * "ab", the first draw is made after b:
 * <pre>
 * T = 1: after b cdf (.125, .25, 1): u .549 → c;  after c cdf (.75, .875, 1): u .715 → a;  after a (.125, .875, 1):
 *        u .603 → b;  after b: u .545 → c;  after c: u .424 → a                                  → "cabca"
 * T = 2: after b cdf (.2247, .4495, 1): u .549 → c;  after c (.5505, .7753, 1): u .715 → b;  after b: u .603 → c;
 *        after c: u .5449 → a (.5449 &lt; .5505);  after a (.2247, .7753, 1): u .424 → b          → "cbcab"
 * </pre>
 * Without the priming the first draw would come from h = 0, uniform logits: u .549 → b, not c.
 */
class SamplerOracleTest {
    static List<String> backends() {
        return Backends.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void primedSamplingMatchesTheHandDerivedDraws(String backend) {
        check(Backends.byName(backend));
    }

    private static <M> void check(Backend<M> backend) {
        Vocabulary vocabulary = Vocabulary.of("abc");
        Network<M> network = Network.zeros(backend, new ModelConfig(CellType.RNN, 3, 3, 1, 3, HeadType.PER_STEP_SOFTMAX));
        network.parameters().load(backend, "layer0.wX", new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        double w = Math.log(6) / Math.tanh(1);
        //                                          to: a  b  c
        network.parameters().load(backend, "head.wY", new double[] {0, w, 0, //   from a → b
                                                                     0, 0, w, //   from b → c
                                                                     w, 0, 0}); // from c → a
        assertEquals("cabca", TextSampler.sample(network, vocabulary, "ab", 5, 1.0, new NumpyRandomState(0)),
                backend.name() + ", temperature 1");
        assertEquals("cbcab", TextSampler.sample(network, vocabulary, "ab", 5, 2.0, new NumpyRandomState(0)),
                backend.name() + ", temperature 2");
        assertEquals("a", TextSampler.sample(network, vocabulary, "bc", 1, 1.0, new NumpyRandomState(0)),
                backend.name() + ", primed with bc: after c cdf (.75, .875, 1), u .549 → a");
    }
}
