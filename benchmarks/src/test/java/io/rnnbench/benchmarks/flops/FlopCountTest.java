package io.rnnbench.benchmarks.flops;

import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The formulas against counts derived by hand, term by term, for tiny shapes. */
class FlopCountTest {
    /** RNN, dense input X = 2, H = 3 (G = 3), B = 1, T = 2, L = 1, V = X = 2; R = T·B = 2. */
    private static final Shape TINY_RNN = new Shape("tiny", 2, 3, 1, 2, 1, false);
    /** LSTM, one-hot X = 3, H = 2 (G = 8), B = 1, T = 1, L = 2, V = 3; R = 1. */
    private static final Shape TINY_LSTM = new Shape("tiny-deep", 3, 2, 1, 1, 2, true);

    @Test
    void rnnForward() {
        long input = 2 * 2 * 1 * 2 * 3; //           Zx = X·W_x: 2·T·B·X·G              24
        long bias = 2 * 1 * 3; //                    T·B·G                                6
        long steps = 2 * (2 * 1 * 3 * 3 + 1 * 3); // T·(2·B·H·G + tanh B·H)             42
        long head = 2 * 2 * 3 * 2 + 2 * 2; //        2·R·H·V + R·V                       28
        long loss = 2 * (5 * 2 + 4) + 1; //          R·(5V + 4) + 1                      29
        assertEquals(input + bias + steps + head + loss, FlopCount.of(Suite.FORWARD, CellType.RNN, TINY_RNN));
        assertEquals(129, FlopCount.of(Suite.FORWARD, CellType.RNN, TINY_RNN));
    }

    @Test
    void rnnBackward() {
        long head = 2 * 3 * 2 * 2 + 2 * 2 + 2 * 2 * 2 * 3; // dW_y, db_y, dHs             52
        long steps = 2 * ((1 + 3) * 1 * 3 + 4 * 1 * 3 * 3); // T·(dh + dz, dW_h + dh_{t−1}) 96
        long db = 2 * 1 * 3; //                                                             6
        long dWx = 2 * 2 * 1 * 2 * 3; //                                                   24
        assertEquals(head + steps + db + dWx, FlopCount.of(Suite.BACKWARD, CellType.RNN, TINY_RNN));
        assertEquals(178, FlopCount.of(Suite.BACKWARD, CellType.RNN, TINY_RNN));
    }

    @Test
    void rnnTrainingStepAddsTheUpdateOfEveryParameter() {
        long parameters = 2 * 3 + 3 * 3 + 3 + 3 * 2 + 2; // W_x, W_h, b, W_y, b_y = 26
        assertEquals(parameters, FlopCount.parameters(CellType.RNN, TINY_RNN, 2));
        assertEquals(129 + 178 + 9 * parameters, FlopCount.of(Suite.TRAINING_STEP, CellType.RNN, TINY_RNN));
    }

    @Test
    void cellStepIsOneStepOfOneLayerWithAOneClassHeadAndNoLoss() {
        long input = 2 * 1 * 2 * 3; //   12
        long bias = 3;
        long step = 2 * 3 * 3 + 3; //    21
        long head = 2 * 3 * 1 + 1; //    7
        assertEquals(input + bias + step + head, FlopCount.of(Suite.CELL_STEP, CellType.RNN, TINY_RNN));
        assertEquals(FlopCount.of(Suite.CELL_STEP, CellType.RNN, TINY_RNN),
                FlopCount.of(Suite.CELL_STEP, CellType.RNN, new Shape("deeper", 2, 3, 1, 50, 4, false)),
                "T and L do not matter to one step of one layer");
    }

    @Test
    void lstmForwardGathersOneHotInputAndFeedsLayerOneDensely() {
        long layer0 = 0 + 8 + (2 * 2 * 8 + 9 * 2); //          gather (free), bias, step: 0 + 8 + 50
        long layer1 = 2 * 2 * 8 + 8 + (2 * 2 * 8 + 9 * 2); //  dense input from layer 0: 32 + 8 + 50
        long head = 2 * 2 * 3 + 3; //                          15
        long loss = 5 * 3 + 4 + 1; //                          20
        assertEquals(layer0 + layer1 + head + loss, FlopCount.of(Suite.FORWARD, CellType.LSTM, TINY_LSTM));
        assertEquals(183, FlopCount.of(Suite.FORWARD, CellType.LSTM, TINY_LSTM));
    }

    @Test
    void lstmBackwardScattersIntoLayerZeroAndSendsDxOnlyBelowLayerOne() {
        long head = 2 * 2 * 3 + 3 + 2 * 3 * 2; //             27
        long step = (1 + 22) * 2 + 4 * 2 * 8; //              110 per layer
        long layer0 = step + 8 + 8; //                        db, scatter-add dW_x
        long layer1 = step + 8 + 2 * 2 * 8 + 2 * 8 * 2; //    db, dW_x GEMM, dX for layer 0
        assertEquals(head + layer0 + layer1, FlopCount.of(Suite.BACKWARD, CellType.LSTM, TINY_LSTM));
        assertEquals(335, FlopCount.of(Suite.BACKWARD, CellType.LSTM, TINY_LSTM));
    }

    @Test
    void largePresetIsDominatedByItsGemms() {
        // LSTM `large` forward: 50 steps of [64, 768]·[768, 2048] plus the [3200, 512]·[512, 256] head.
        long gemms = 2L * 50 * 64 * (256 + 512) * 2048 + 2L * 3200 * 512 * 256;
        long all = FlopCount.of(Suite.FORWARD, CellType.LSTM, Shape.LARGE);
        assertEquals(1.0, (double) gemms / all, 0.01);
    }

    @Test
    void aGemmIsTwoFlopsPerMultiplyAccumulate() {
        assertEquals(33_554_432L, FlopCount.of(GemmShape.SQUARE_256)); //             2·256³
        assertEquals(268_435_456L, FlopCount.of(GemmShape.SQUARE_512)); //            2·512³
        assertEquals(16_777_216L, FlopCount.of(GemmShape.MEDIUM_RECURRENT)); //       2·32·256·1024
        assertEquals(16_777_216L, FlopCount.of(GemmShape.MEDIUM_BACKWARD)); //        2·32·1024·256
        assertEquals(838_860_800L, FlopCount.of(GemmShape.MEDIUM_WEIGHT_GRADIENT)); // 2·256·1600·1024
        assertEquals(134_217_728L, FlopCount.of(GemmShape.LARGE_RECURRENT)); //       2·64·512·2048
        assertEquals(131_072L, FlopCount.of(GemmShape.CHAR_RECURRENT)); //            2·1·128·512
    }
}
