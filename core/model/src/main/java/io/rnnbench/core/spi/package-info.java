/**
 * The backend SPI: {@link io.rnnbench.core.spi.Backend} (the primitive operations, one implementation per
 * linear-algebra library), {@link io.rnnbench.core.spi.BackendProvider} and the
 * {@link io.rnnbench.core.spi.Backends} registry that finds providers by name through
 * {@link java.util.ServiceLoader}.
 */
package io.rnnbench.core.spi;
