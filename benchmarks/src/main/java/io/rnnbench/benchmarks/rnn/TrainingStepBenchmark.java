package io.rnnbench.benchmarks.rnn;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * One operation is one training step on the shape's batch, as {@code Trainer.step} does it: forward with loss,
 * BPTT, a finiteness check, clipping by value (±5) and an Adagrad update (lr 0.1), the recurrent state carried
 * to the next step. Weights, state and optimizer are reset before every iteration (not every invocation: a
 * per-invocation fixture would be timed with the step), so iterations measure the same stretch of training.
 * Unit: ms per step (lower is better). FLOPs: {@code FlopCount.of(TRAINING_STEP, …)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TrainingStepBenchmark -p shape=large -p cell=lstm -prof gc}.
 */
public class TrainingStepBenchmark extends RnnFixture {

    /** The optimizer's state, which the steps of {@link CompiledStart} need. */
    @Override
    protected void prepare() {
        network.restartTraining();
    }

    @Setup(Level.Iteration)
    public void restartTraining() {
        network.restartTraining();
    }

    @Override
    protected void operation() {
        trainingStep();
    }

    /** @return the step's loss (before its update) */
    @Benchmark
    public double trainingStep() {
        return network.trainingStep();
    }
}
