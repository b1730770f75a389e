package io.rnnbench.core.spi;

/**
 * The floating-point format a backend stores its matrices in and computes with; scalars and arrays cross the SPI as
 * {@code double} whatever it is. The verification suite picks a backend's tolerance class by it, and the benchmark
 * report says it beside every backend, since a float32 backend does half the bytes of work of a float64 one.
 */
public enum Precision {
    /** IEEE 754 binary64 ({@code double}): unit roundoff u = 2<sup>−53</sup>. */
    FLOAT64(0x1p-53),
    /** IEEE 754 binary32 ({@code float}): unit roundoff u = 2<sup>−24</sup>. */
    FLOAT32(0x1p-24);

    private final double unitRoundoff;

    Precision(double unitRoundoff) {
        this.unitRoundoff = unitRoundoff;
    }

    /** u: the largest relative error of rounding one real number to this format (half an ulp of 1). */
    public double unitRoundoff() {
        return unitRoundoff;
    }
}
