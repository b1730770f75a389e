/**
 * Golden values: seed document 002's NumPy outputs and its dinosaur-name training trajectory reproduced through the
 * core on every backend. Fixtures are JSON files in {@code verification/src/test/resources/golden/} (or named by
 * {@code -Drnnbench.fixtures}), read with Gson by {@link io.rnnbench.verification.golden.FixtureReader} into
 * {@link io.rnnbench.verification.golden.FixtureValue}s (values with their file and JSON path);
 * {@link io.rnnbench.verification.golden.GoldenFixtures} dispatches a file on its {@code kind};
 * {@link io.rnnbench.verification.golden.Seed002Dispatch} runs a seed-002 case by its {@code functions} list through
 * the runner of each function's family; {@link io.rnnbench.verification.golden.SeedArrays} puts the seeds' arrays
 * on the core's layout (weights through {@code io.rnnbench.workloads.SeedNotation});
 * {@link io.rnnbench.verification.golden.GoldenValuesSuite} is the abstract suite a backend's test extends.
 */
package io.rnnbench.verification.golden;
