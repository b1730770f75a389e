package io.rnnbench.workloads;

import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.train.SmoothedLoss;
import io.rnnbench.workloads.checkpoint.Checkpoint;
import io.rnnbench.workloads.checkpoint.CheckpointException;

import java.util.List;
import java.util.Map;

/**
 * A workload being trained on one backend: {@link #trainStep()} runs one optimizer update, {@link #train} runs
 * many while reporting progress, {@link #quality()} measures the task's own figure of merit. Not thread-safe.
 */
public abstract class WorkloadRun<M> {
    /** A figure of merit, e.g. {@code accuracy 1.0} or {@code smoothed loss 47.3}. */
    public record Quality(String metric, double value, boolean higherIsBetter) {
        @Override
        public String toString() {
            return metric + " " + value;
        }
    }

    /** One progress report: after {@code step} updates, the last loss, the smoothed loss and the rate so far. */
    public record Progress(long step, double loss, double smoothedLoss, double stepsPerSecond) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "step %d  loss %.4f  smoothed %.4f  %.1f steps/s", step, loss,
                    smoothedLoss, stepsPerSecond);
        }
    }

    /** Receives progress reports. */
    @FunctionalInterface
    public interface ProgressListener {
        void report(Progress progress);
    }

    protected final Backend<M> backend;
    private SmoothedLoss smoothed;
    private long steps;
    private double lastLoss = Double.NaN;

    protected WorkloadRun(Backend<M> backend, SmoothedLoss smoothed) {
        this.backend = backend;
        this.smoothed = smoothed;
    }

    /** One update on the next training example(s); returns its loss. */
    public final double trainStep() {
        lastLoss = step();
        steps++;
        smoothed.update(lastLoss);
        return lastLoss;
    }

    /** The workload's update, without the bookkeeping. */
    protected abstract double step();

    /**
     * Runs {@code count} training steps, reporting every {@code every} steps (and after the last) to {@code listener}
     * (may be null).
     *
     * @return the last progress
     */
    public Progress train(int count, int every, ProgressListener listener) {
        if (count < 0 || every < 1) {
            throw new IllegalArgumentException("train: need count ≥ 0 and every ≥ 1, got " + count + ", " + every);
        }
        long start = System.nanoTime();
        Progress progress = progress(start, 0);
        for (int i = 1; i <= count; i++) {
            trainStep();
            if (i % every == 0 || i == count) {
                progress = progress(start, i);
                if (listener != null) {
                    listener.report(progress);
                }
            }
        }
        return progress;
    }

    private Progress progress(long startNanos, int done) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Progress(steps, lastLoss, smoothed.value(), seconds > 0 ? done / seconds : 0);
    }

    /** Updates done so far. */
    public long steps() {
        return steps;
    }

    /** The seeds' smoothed loss, L ← 0.999·L + 0.001·l per step. */
    public double smoothedLoss() {
        return smoothed.value();
    }

    /** The task's figure of merit now. */
    public abstract Quality quality();

    /**
     * A sample from the model (a name, a text, …), drawn with {@code random}.
     *
     * @throws UnsupportedOperationException for workloads that do not generate
     */
    public String sample(NumpyRandomState random) {
        throw new UnsupportedOperationException("this workload does not sample");
    }

    /** The trained parameters. */
    public abstract Parameters<M> parameters();

    /** The backend. */
    public Backend<M> backend() {
        return backend;
    }

    /**
     * What a checkpoint of this run holds: models, vocabulary, optimizer (name, hyperparameters, state) and the
     * parameters.
     *
     * @param stateName the optimizer's state name (Adagrad: {@code m}), null for a stateless optimizer
     * @param state     the optimizer's live state by parameter name, null for none
     */
    protected record CheckpointSpec<M>(Map<String, ModelConfig> models, List<String> vocabulary, String optimizer,
                                       Map<String, Double> hyperparameters, Parameters<M> parameters, String stateName,
                                       Parameters<M> state) {
    }

    /** This run's checkpoint contents; workloads that cannot be checkpointed keep the default. */
    protected CheckpointSpec<M> checkpointSpec() {
        throw new UnsupportedOperationException(workloadName() + " has no checkpoint");
    }

    /** The registry name of the workload. */
    protected abstract String workloadName();

    private Checkpoint.Info info(CheckpointSpec<M> spec) {
        return new Checkpoint.Info(workloadName(), spec.models(), spec.vocabulary(), spec.optimizer(), spec.hyperparameters(),
                steps, smoothed.value());
    }

    /**
     * The parameters, optimizer state, vocabulary and configuration now. The carried recurrent state and the data
     * generator's position are not saved: the data position follows from the step count; the recurrent state
     * restarts at zero after a restore.
     */
    public Checkpoint checkpoint() {
        CheckpointSpec<M> spec = checkpointSpec();
        return Checkpoint.capture(info(spec), backend, spec.parameters(), spec.stateName(), spec.state());
    }

    /**
     * Loads a checkpoint of the same workload and configuration, all or nothing (see {@link Checkpoint#restore}),
     * and its step count and smoothed loss.
     */
    public void restore(Checkpoint checkpoint) throws CheckpointException {
        CheckpointSpec<M> spec = checkpointSpec();
        checkpoint.restore(info(spec), backend, spec.parameters(), spec.stateName(), spec.state());
        restoreSteps(checkpoint.info().step(), checkpoint.info().smoothedLoss());
        afterRestore();
    }

    /** Called after a restore (e.g. to zero the carried state). */
    protected void afterRestore() {
    }

    /** The characters of a character vocabulary as one-character strings, in index order. */
    protected static List<String> characters(io.rnnbench.workloads.text.Vocabulary vocabulary) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            out.add(Character.toString(vocabulary.codePoint(i)));
        }
        return out;
    }

    /** Restores the update count (after loading a checkpoint). */
    protected void restoreSteps(long steps, double smoothedLoss) {
        this.steps = steps;
        this.smoothed = new SmoothedLoss(smoothedLoss);
    }
}
