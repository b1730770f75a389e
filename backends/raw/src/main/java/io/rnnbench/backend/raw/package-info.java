/** The raw backend: our own row-major {@code double[]} kernels, registered as {@code raw}. */
package io.rnnbench.backend.raw;
