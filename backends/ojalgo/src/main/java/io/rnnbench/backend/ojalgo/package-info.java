/**
 * The ojAlgo backend: {@link org.ojalgo.matrix.store.R064Store} with ojAlgo's operations into stores allocated once
 * and reused, registered as {@code ojalgo} with ojAlgo held to one thread, and as {@code ojalgo-mt} with ojAlgo's own
 * threading over every hardware thread it detects.
 */
package io.rnnbench.backend.ojalgo;
