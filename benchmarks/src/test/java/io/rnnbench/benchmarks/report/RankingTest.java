package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingTest {

    /** A `large` LSTM training step of {@code ms} ± {@code error} milliseconds. */
    static Measurement training(String backend, double ms, double error) {
        return new Measurement(Suite.TRAINING_STEP, backend, CellType.LSTM, Shape.LARGE, ms, error, ms - error, ms + error,
                "ms/op", 1024, List.of(List.of(ms - error, ms, ms + error)));
    }

    @Test
    void aClearWinnerIsRecommendedWithItsMargins() {
        Ranking r = Ranking.of(List.of(training("commons-math", 4200, 50), training("raw", 1000, 20),
                training("ejml", 1800, 30)));

        assertEquals(List.of("raw", "ejml", "commons-math"), r.entries().stream().map(e -> e.measurement().backend()).toList());
        assertEquals(1.8, r.entries().get(1).ratioToFastest(), 1e-12);
        assertFalse(r.entries().get(1).tiedWithFastest());
        assertEquals("for `large` LSTM training step use raw: 1.80× faster than ejml, 4.20× faster than commons-math",
                r.recommendation());
    }

    @Test
    void overlappingIntervalsAreCalledATie() {
        Ranking r = Ranking.of(List.of(training("raw", 1000, 60), training("ejml", 1050, 60),
                training("commons-math", 4200, 50)));

        assertTrue(r.entries().get(1).tiedWithFastest(), "[940, 1060] and [990, 1110] overlap");
        assertEquals("for `large` LSTM training step: raw and ejml are within noise of each other (1.05×; 99.9% intervals"
                + " overlap), so use either; raw is 4.20× faster than commons-math", r.recommendation());
    }

    @Test
    void touchingIntervalsOverlapButDisjointOnesDoNot() {
        assertTrue(Ranking.overlap(training("a", 100, 10), training("b", 120, 10)), "[90, 110] and [110, 130] touch");
        assertFalse(Ranking.overlap(training("a", 100, 10), training("b", 120.5, 10)));
    }

    @Test
    void aSingleMeasurementIsAPointAndTheAdviceSaysSo() {
        Measurement point = new Measurement(Suite.TRAINING_STEP, "ejml", CellType.LSTM, Shape.LARGE, 1500, Double.NaN,
                Double.NaN, Double.NaN, "ms/op", Double.NaN, List.of(List.of(1500.0)));
        Ranking r = Ranking.of(List.of(training("raw", 1000, 20), point));

        assertFalse(r.entries().get(1).tiedWithFastest());
        assertTrue(r.recommendation().contains("no error estimate"), r.recommendation());
    }

    @Test
    void unitsAreComparedInSeconds() {
        Measurement micros = new Measurement(Suite.TRAINING_STEP, "raw", CellType.LSTM, Shape.LARGE, 900_000, 1000,
                899_000, 901_000, "us/op", 0, List.of());
        Ranking r = Ranking.of(List.of(training("ejml", 1000, 1), micros));

        assertEquals("raw", r.fastest().measurement().backend());
    }

    @Test
    void onlyOneSuiteCellAndShapeAreRankedTogether() {
        Measurement otherShape = new Measurement(Suite.TRAINING_STEP, "raw", CellType.LSTM, Shape.MEDIUM, 1, 0.1, 0.9, 1.1,
                "ms/op", 0, List.of());
        assertThrows(IllegalArgumentException.class, () -> Ranking.of(List.of(training("raw", 1, 0.1), otherShape)));
        assertThrows(IllegalArgumentException.class, () -> Ranking.of(List.of()));
    }
}
