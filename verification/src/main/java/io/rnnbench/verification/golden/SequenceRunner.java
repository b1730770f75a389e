package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.Network;

import java.util.List;

/**
 * The sequence family: {@code rnn_forward}, {@code rnn_backward}, {@code lstm_forward}, {@code lstm_backward}. A
 * sequence x {@code [n_x, m, T_x]} from a0 (the LSTM from c = 0, as the seed does); the backward from {@code da}
 * over its own T (the seed's lstm_backward takes T from da: the published case runs 4 of 7 steps).
 */
final class SequenceRunner {
    private SequenceRunner() {
    }

    /** The expected keys of each function of the family. */
    static List<String> keys(String function) {
        return switch (function) {
            case "rnn_forward" -> List.of("a", "y_pred");
            case "lstm_forward" -> List.of("a", "y", "c");
            case "rnn_backward" -> List.of("a", "y_pred", "dx", "da0", "dWax", "dWaa", "dba", "db");
            case "lstm_backward" -> List.of("a", "y", "c", "dx", "da0", "dWf", "dbf", "dWi", "dbi", "dWc", "dbc", "dWo", "dbo");
            default -> throw new IllegalArgumentException(function);
        };
    }

    /** rnn_forward / lstm_forward: a, (c), y of every step. */
    static <M> void forward(CaseRun<M> run, CellType cell) {
        Network<M> network = run.network(cell, run.weights(cell));
        NdArray a0 = run.c.input("a0");
        CaseRun.Forward f = run.forward(network, run.c.input("x"), a0, cell == CellType.LSTM ? CaseRun.zerosLike(a0) : null);
        run.compare("a", f.a());
        if (cell == CellType.LSTM) {
            run.compare("c", f.c());
        }
        run.compare(cell == CellType.RNN ? "y_pred" : "y", f.y());
    }

    /** rnn_backward / lstm_backward: the forward keys if expected, then BPTT from da. */
    static <M> void backward(CaseRun<M> run, CellType cell) {
        forward(run, cell);
        Network<M> network = run.network(cell, run.weights(cell));
        NdArray x = run.c.input("x");
        NdArray a0 = run.c.input("a0");
        NdArray c0 = cell == CellType.LSTM ? CaseRun.zerosLike(a0) : null;
        NdArray da = run.c.input("da");
        NdArray xUsed = SeedArrays.firstSteps(x, da.dim(2));
        run.backward(network, xUsed, a0, c0, da, null);
        run.compareGradients(SeedArrays.read(network, network.gradients()), cell);
        run.compare("dx", run.inputGradient(network, xUsed));
        run.compare("da0", SeedArrays.readState(run.backend, network.initialStateGradient().h(0)));
    }
}
