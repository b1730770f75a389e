package io.rnnbench.backend.raw;

/** {@link Activations} with {@code java.lang.Math}, one entry at a time. */
final class PlainActivations implements Activations {
    @Override
    public void tanh(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.tanh(x[i]);
        }
    }

    @Override
    public void sigmoid(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = 1.0 / (1.0 + Math.exp(-x[i]));
        }
    }
}
