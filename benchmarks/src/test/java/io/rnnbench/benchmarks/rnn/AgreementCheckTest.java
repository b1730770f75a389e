package io.rnnbench.benchmarks.rnn;

import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgreementCheckTest {
    private static final Shape TINY = Shape.parse("X8-H6-B2-T3-L2");

    private static BenchmarkNetwork<?> network(String backend, CellType cell) {
        return BenchmarkNetwork.create(Backends.byName(backend), cell, TINY, TINY.outputSize(), true);
    }

    @Test
    void everyRegisteredBackendAgreesWithRaw() {
        for (String backend : Backends.names()) {
            for (CellType cell : CellType.values()) {
                assertDoesNotThrow(() -> AgreementCheck.requireAgreement(network(backend, cell),
                        network(RnnFixture.REFERENCE_BACKEND, cell)), backend + " " + cell);
            }
        }
    }

    @Test
    void aBackendThatComputesSomethingElseGetsNoNumber() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AgreementCheck.requireAgreement(
                network("raw", CellType.LSTM), network("raw", CellType.RNN)));
        assertTrue(e.getMessage().contains("disagrees with raw") && e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void theWorkloadIsTheSameOnEveryBuild() {
        BenchmarkNetwork<?> a = network("raw", CellType.LSTM);
        BenchmarkNetwork<?> b = network("raw", CellType.LSTM);
        assertTrue(a.forward() == b.forward(), "seeded: bit-identical loss");
    }
}
