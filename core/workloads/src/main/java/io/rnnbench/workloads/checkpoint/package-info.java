/**
 * Checkpoints in NumPy's {@code .npz} format with a {@code config.json} inside the same zip: see
 * {@link io.rnnbench.workloads.checkpoint.Checkpoint}. Written atomically; read and validated whole before anything is
 * copied into a model.
 */
package io.rnnbench.workloads.checkpoint;
