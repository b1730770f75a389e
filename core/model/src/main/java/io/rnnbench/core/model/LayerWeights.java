package io.rnnbench.core.model;

/**
 * One layer's parameters and their gradients, by reference into the network's {@link Parameters}.
 *
 * @param wX  [X, G] input weights (X = H above layer 0)
 * @param wH  [H, G] recurrent weights
 * @param b   [1, G] bias
 * @param dWX [X, G]
 * @param dWH [H, G]
 * @param dB  [1, G]
 */
record LayerWeights<M>(M wX, M wH, M b, M dWX, M dWH, M dB) {
}
