package io.rnnbench.workloads;

import io.rnnbench.core.spi.Backend;

/**
 * A named training task from the seeds, runnable unchanged on every backend: a default configuration, a way to
 * build its model and trainer on a backend ({@link #start}), and through the returned {@link WorkloadRun} training
 * steps with progress, a quality metric and, where it applies, sampling. Found by name in {@link Workloads}.
 */
public interface Workload {

    /** The registry name, e.g. {@code dinos}, {@code shakespeare-lstm}. */
    String name();

    /** One line: the data, the model and the optimizer. */
    String description();

    /** Builds the model, optimizer and data on {@code backend}, initialised as the workload's seed does. */
    <M> WorkloadRun<M> start(Backend<M> backend);
}
