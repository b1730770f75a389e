package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.Network;

import java.util.List;

/**
 * The cell family: {@code rnn_cell_forward}, {@code rnn_cell_backward}, {@code lstm_cell_forward},
 * {@code lstm_cell_backward}. One step of a batch x_t {@code [n_x, m]} from a_prev (and c_prev), through a one-layer
 * network built from the case's weights; the backward from {@code da_next} (and {@code dc_next}).
 */
final class CellRunner {
    private CellRunner() {
    }

    /** The expected keys of each function of the family. */
    static List<String> keys(String function) {
        return switch (function) {
            case "rnn_cell_forward" -> List.of("a_next", "yt_pred");
            case "lstm_cell_forward" -> List.of("a_next", "c_next", "yt", "ft", "it", "cct", "ot");
            case "rnn_cell_backward" -> List.of("a_next", "dxt", "da_prev", "dWax", "dWaa", "dba", "db");
            case "lstm_cell_backward" -> List.of("a_next", "c_next", "dxt", "da_prev", "dc_prev", "dWf", "dbf", "dWi", "dbi",
                    "dWc", "dbc", "dWo", "dbo");
            default -> throw new IllegalArgumentException(function);
        };
    }

    /** rnn_cell_forward / lstm_cell_forward: a_next, (c_next), y and, for the LSTM, the gates ft, it, cct, ot. */
    static <M> void forward(CaseRun<M> run, CellType cell) {
        Network<M> network = run.network(cell, run.weights(cell));
        NdArray c0 = cell == CellType.LSTM ? run.c.input("c_prev") : null;
        CaseRun.Forward f = run.forward(network, SeedArrays.asOneStep(run.c.input("xt")), run.c.input("a_prev"), c0);
        run.compare("a_next", SeedArrays.step(f.a(), 0));
        if (cell == CellType.LSTM) {
            run.compare("c_next", SeedArrays.step(f.c(), 0));
        }
        run.compare(cell == CellType.RNN ? "yt_pred" : "yt", SeedArrays.step(f.y(), 0));
        if (cell == CellType.LSTM) {
            compareGates(run, network);
        }
    }

    /** The seed's ft, it, cct, ot ([n_a, m] each) from the core's activated gates [B, 4H], blocks i | f | g | o. */
    private static <M> void compareGates(CaseRun<M> run, Network<M> network) {
        M gates = network.gateActivations(0);
        int batch = run.backend.rows(gates);
        int hidden = run.backend.cols(gates) / 4;
        String[] seedNames = {"it", "ft", "cct", "ot"}; // core gate order i, f, g (= c̃), o
        for (int gate = 0; gate < 4; gate++) {
            M block = run.backend.zeros(batch, hidden);
            run.backend.copyBlock(gates, 0, gate * hidden, block, 0, 0, batch, hidden);
            run.compare(seedNames[gate], SeedArrays.readState(run.backend, block));
        }
    }

    /** rnn_cell_backward / lstm_cell_backward: one step forward, then backward from da_next (and dc_next). */
    static <M> void backward(CaseRun<M> run, CellType cell) {
        Network<M> network = run.network(cell, run.weights(cell));
        NdArray c0 = cell == CellType.LSTM ? run.c.input("c_prev") : null;
        NdArray x = SeedArrays.asOneStep(run.c.input("xt"));
        CaseRun.Forward f = run.forward(network, x, run.c.input("a_prev"), c0);
        run.compare("a_next", SeedArrays.step(f.a(), 0));
        if (cell == CellType.LSTM) {
            run.compare("c_next", SeedArrays.step(f.c(), 0));
        }
        NdArray dcNext = cell == CellType.LSTM ? run.c.input("dc_next") : null; // upstream gradient on c_next
        run.backward(network, x, run.c.input("a_prev"), c0, SeedArrays.asOneStep(run.c.input("da_next")), dcNext);
        run.compareGradients(SeedArrays.read(network, network.gradients()), cell);
        run.compare("dxt", SeedArrays.step(run.inputGradient(network, x), 0));
        run.compare("da_prev", SeedArrays.readState(run.backend, network.initialStateGradient().h(0)));
        if (cell == CellType.LSTM) {
            run.compare("dc_prev", SeedArrays.readState(run.backend, network.initialStateGradient().c(0)));
        }
    }
}
