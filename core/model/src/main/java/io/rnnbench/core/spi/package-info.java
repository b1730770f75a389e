/**
 * The backend SPI: {@link io.rnnbench.core.spi.Backend} (the primitive operations, one implementation per
 * linear-algebra library), {@link io.rnnbench.core.spi.BackendProvider} and the
 * {@link io.rnnbench.core.spi.Backends} registry that finds providers by name through
 * {@link java.util.ServiceLoader}, and {@link io.rnnbench.core.spi.Precision}, the number format a provider declares.
 */
package io.rnnbench.core.spi;
