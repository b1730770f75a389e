/**
 * Training: {@link io.rnnbench.core.train.Trainer} (forward, BPTT, finiteness check, clipping, update, state
 * carried across chunks), the optimizers {@link io.rnnbench.core.train.Sgd}, {@link io.rnnbench.core.train.Adagrad}
 * and {@link io.rnnbench.core.train.Adam}, {@link io.rnnbench.core.train.GradientClipping}, the truncated-BPTT
 * gradient {@link io.rnnbench.core.train.TruncatedBptt} and the seeds' {@link io.rnnbench.core.train.SmoothedLoss}.
 */
package io.rnnbench.core.train;
