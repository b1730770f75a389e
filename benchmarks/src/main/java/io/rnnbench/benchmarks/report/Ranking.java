package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.benchmarks.stats.GroupVerdicts;
import io.rnnbench.core.model.CellType;

import java.util.List;

/**
 * The backends of one (suite, cell, shape), fastest first, each with the pairwise verdict of the fastest against it
 * ({@link Standings}), and what to choose.
 *
 * @param suite    the benchmark
 * @param cell     the cell
 * @param shape    the shape
 * @param entries  fastest first
 * @param verdicts every pair's verdict
 */
public record Ranking(Suite suite, CellType cell, Shape shape, List<Standing<Measurement>> entries, GroupVerdicts verdicts) {

    /**
     * Ranks measurements of one (suite, cell, shape).
     *
     * @throws IllegalArgumentException when they are empty or mix suites, cells or shapes
     */
    public static Ranking of(List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("nothing to rank");
        }
        Measurement first = measurements.get(0);
        for (Measurement m : measurements) {
            if (m.suite() != first.suite() || m.cell() != first.cell() || !m.shape().equals(first.shape())) {
                throw new IllegalArgumentException("a ranking compares one suite, cell and shape; got " + first.describe()
                        + " and " + m.describe());
            }
        }
        GroupVerdicts verdicts = Standings.verdicts(measurements);
        return new Ranking(first.suite(), first.cell(), first.shape(), Standings.rank(measurements, verdicts), verdicts);
    }

    /** The fastest backend's entry. */
    public Standing<Measurement> fastest() {
        return entries.get(0);
    }

    /** What the ranking is about: "`char` LSTM training step". */
    public String title() {
        return "`" + shape.name() + "` " + cell.name() + " " + suite.title();
    }

    /**
     * The advice in one sentence, e.g. "for `char` LSTM training step use raw-simd: 1.18× faster than raw [1.12,
     * 1.25], …", naming the backends the run could not tell from the fastest.
     */
    public String recommendation() {
        return Standings.recommendation("for " + title(), entries);
    }

    /** The backends the recommendation names: the fastest and those not decided slower, fastest first. */
    public List<String> recommended() {
        return Standings.recommended(entries);
    }
}
