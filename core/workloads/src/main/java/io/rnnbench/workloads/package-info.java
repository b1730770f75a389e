/**
 * Named workloads from the seeds, each runnable unchanged on every backend: {@code dinos}, {@code shakespeare},
 * {@code shakespeare-deep}, {@code shakespeare-lstm}, {@code binary-addition}, {@code seq2seq}, {@code words},
 * {@code srn-by-hand}. {@link io.rnnbench.workloads.Workloads#byName} finds one;
 * {@link io.rnnbench.workloads.Workload#start} builds it on a backend; the returned
 * {@link io.rnnbench.workloads.WorkloadRun} trains with progress reports, measures quality and samples. Data
 * files are class-path resources of this package (UTF-8).
 */
package io.rnnbench.workloads;
