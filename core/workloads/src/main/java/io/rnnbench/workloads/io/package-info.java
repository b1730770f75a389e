/** File output shared by every module: {@link io.rnnbench.workloads.io.AtomicFiles} (write whole or not at all). */
package io.rnnbench.workloads.io;
