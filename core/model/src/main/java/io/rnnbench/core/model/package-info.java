/**
 * The network: {@link io.rnnbench.core.model.Network} stacks RNN or LSTM layers ({@link io.rnnbench.core.model.CellType})
 * under an output head ({@link io.rnnbench.core.model.HeadType}), runs a {@link io.rnnbench.core.model.SequenceBatch}
 * forward and backpropagates through time. Shapes use the legend of {@link io.rnnbench.core}.
 */
package io.rnnbench.core.model;
