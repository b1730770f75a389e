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
        assertEquals("for `large` LSTM training step: raw and ejml are within noise of each other (1.05×), so use either;"
                + " raw is 4.20× faster than commons-math", r.recommendation());
    }

    @Test
    void touchingIntervalsOverlapButDisjointOnesDoNot() {
        assertTrue(Ranking.overlap(training("a", 100, 10), training("b", 120, 10)), "[90, 110] and [110, 130] touch");
        assertFalse(Ranking.overlap(training("a", 100, 10), training("b", 120.5, 10)));
    }

    @Test
    void oneSlowIterationDoesNotHideAGapThatEveryOtherIterationShows() {
        // As measured for `char` RNN training: Commons Math 6–19 ms with a slow second half, raw 1.6–2.6 ms.
        Measurement commonsMath = new Measurement(Suite.TRAINING_STEP, "commons-math", CellType.RNN, Shape.CHAR, 13.0,
                11.6, 1.4, 24.6, "ms/op", 0, List.of(List.of(9.69, 6.55, 6.12, 7.35, 18.49, 18.4, 18.88, 18.58)));
        Measurement raw = new Measurement(Suite.TRAINING_STEP, "raw", CellType.RNN, Shape.CHAR, 2.03, 0.8, 1.23, 2.83,
                "ms/op", 0, List.of(List.of(1.61, 1.57, 1.62, 2.31, 2.48, 1.82, 2.23, 2.58)));

        assertTrue(Ranking.overlap(commonsMath, raw), "the t-interval alone would call this a tie");
        assertTrue(Ranking.differ(commonsMath, raw), "every Commons Math iteration is slower than every raw one");
        assertFalse(Ranking.of(List.of(commonsMath, raw)).entries().get(1).tiedWithFastest());
    }

    @Test
    void interleavedIterationsStayATie() {
        Measurement a = new Measurement(Suite.TRAINING_STEP, "a", CellType.RNN, Shape.CHAR, 2.0, 0.5, 1.5, 2.5, "ms/op", 0,
                List.of(List.of(1.6, 2.4, 1.8, 2.2, 1.9, 2.1, 1.7, 2.3)));
        Measurement b = new Measurement(Suite.TRAINING_STEP, "b", CellType.RNN, Shape.CHAR, 2050, 500, 1550, 2550, "us/op", 0,
                List.of(List.of(1650.0, 2450.0, 1850.0, 2250.0, 1950.0, 2150.0, 1750.0, 2350.0)));

        assertFalse(Ranking.differ(a, b), "units are converted before ranks are compared");
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
