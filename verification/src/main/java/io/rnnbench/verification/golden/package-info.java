/**
 * Golden values: seed document 002's NumPy outputs and its dinosaur-name training trajectory reproduced through the
 * core on every backend. Fixtures are JSON files (read by the strict {@link io.rnnbench.verification.golden.Json}
 * parser) in {@code verification/src/test/resources/golden/}; {@link io.rnnbench.verification.golden.SeedArrays}
 * is the one converter between the seeds' column-vector notation and the core's batch-major layout;
 * {@link io.rnnbench.verification.golden.GoldenValuesSuite} is the abstract suite a backend's test extends.
 */
package io.rnnbench.verification.golden;
