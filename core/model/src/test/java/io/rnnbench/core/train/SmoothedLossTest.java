package io.rnnbench.core.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmoothedLossTest {

    @Test
    void startsAtTheUniformGuessAndMovesByOneThousandth() {
        SmoothedLoss loss = SmoothedLoss.fromUniformGuess(65, 25);
        assertEquals(25 * Math.log(65), loss.value(), 1e-12);
        double expected = 0.999 * 25 * Math.log(65) + 0.001 * 10.0;
        assertEquals(expected, loss.update(10.0), 1e-12);
    }
}
