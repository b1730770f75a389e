/**
 * Data: the sorted character {@link io.rnnbench.workloads.text.Vocabulary}, a UTF-8 {@link io.rnnbench.workloads.text.TextCorpus}
 * cut into the seeds' input/target chunks, and {@link io.rnnbench.workloads.text.TextSampler} for generation with a
 * temperature and a priming text.
 */
package io.rnnbench.workloads.text;
