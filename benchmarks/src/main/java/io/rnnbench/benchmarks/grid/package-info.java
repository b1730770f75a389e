/**
 * The grid of a run: its points ({@link io.rnnbench.benchmarks.grid.GridPoint}, one benchmark × parameter combination,
 * grouped into comparison groups), as JMH's benchmark list or another jar's listing and the options give them
 * ({@link io.rnnbench.benchmarks.grid.Grid}) less what {@code --only} rules leave out
 * ({@link io.rnnbench.benchmarks.grid.GridRule}); each fork's estimated time ({@link io.rnnbench.benchmarks.grid.ForkCost});
 * and its split into shards for several runners ({@link io.rnnbench.benchmarks.grid.ShardPlan},
 * {@link io.rnnbench.benchmarks.grid.Shard}).
 */
package io.rnnbench.benchmarks.grid;
