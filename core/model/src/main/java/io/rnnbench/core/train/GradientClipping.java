package io.rnnbench.core.train;

import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

/**
 * Gradient clipping: none, by value (each entry into [−limit, limit], as the seeds' {@code np.clip(g, −5, 5)}), or
 * by global norm (all gradients scaled by maxNorm/‖g‖ when ‖g‖ = √Σ g² exceeds maxNorm; Pascanu et al. 2013).
 */
public final class GradientClipping {
    private enum Kind { NONE, VALUE, GLOBAL_NORM }

    private final Kind kind;
    private final double limit;

    private GradientClipping(Kind kind, double limit) {
        this.kind = kind;
        this.limit = limit;
    }

    /** No clipping. */
    public static GradientClipping none() {
        return new GradientClipping(Kind.NONE, Double.POSITIVE_INFINITY);
    }

    /** g = min(max(g, −limit), limit) entrywise. */
    public static GradientClipping byValue(double limit) {
        return new GradientClipping(Kind.VALUE, Hyperparameters.requirePositive("clipping limit", limit));
    }

    /** g = g · maxNorm/‖g‖ when ‖g‖ > maxNorm, over all gradients together. */
    public static GradientClipping byGlobalNorm(double maxNorm) {
        return new GradientClipping(Kind.GLOBAL_NORM, Hyperparameters.requirePositive("clipping max norm", maxNorm));
    }

    /**
     * Clips the gradients in place.
     *
     * @param gradients Modified.
     * @param norm      ‖g‖ before clipping (see {@link FiniteCheck#requireFinite}), used by global-norm clipping
     */
    public <M> void apply(Backend<M> backend, Parameters<M> gradients, double norm) {
        switch (kind) {
            case NONE -> {
            }
            case VALUE -> {
                for (int i = 0; i < gradients.size(); i++) {
                    backend.clamp(gradients.at(i).value(), -limit, limit);
                }
            }
            case GLOBAL_NORM -> {
                if (norm > limit) {
                    for (int i = 0; i < gradients.size(); i++) {
                        backend.scale(limit / norm, gradients.at(i).value());
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "no clipping";
            case VALUE -> "clip by value ±" + limit;
            case GLOBAL_NORM -> "clip by global norm " + limit;
        };
    }
}
