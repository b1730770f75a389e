/** File output shared by every module: {@link io.rnnbench.core.io.AtomicFiles} (write whole or not at all). */
package io.rnnbench.core.io;
