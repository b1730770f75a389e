/**
 * Workload sizes: the named presets ({@code char}, {@code char-deep}, {@code medium}, {@code large}) and the
 * custom-shape syntax {@code X64-H128-B8-T20-L2[-onehot]} accepted wherever a preset name is.
 */
package io.rnnbench.benchmarks.shape;
