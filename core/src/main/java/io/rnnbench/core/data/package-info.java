/**
 * Data: the sorted character {@link io.rnnbench.core.data.Vocabulary}, a UTF-8 {@link io.rnnbench.core.data.TextCorpus}
 * cut into the seeds' input/target chunks, and {@link io.rnnbench.core.data.TextSampler} for generation with a
 * temperature and a priming text.
 */
package io.rnnbench.core.data;
