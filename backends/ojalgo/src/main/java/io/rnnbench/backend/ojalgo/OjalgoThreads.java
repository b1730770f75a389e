package io.rnnbench.backend.ojalgo;

import org.ojalgo.OjAlgoUtils;
import org.ojalgo.machine.VirtualMachine;

/**
 * How many threads ojAlgo may use. ojAlgo divides large operations (products, and elementwise operations on stores
 * wider than its thresholds) among as many threads as {@link OjAlgoUtils#ENVIRONMENT} has; that field is its one
 * setting for this, and it is global to the JVM. Each backend therefore installs its own environment before every
 * operation ({@link #install}: a reference comparison, and a write only when another backend changed it), so that
 * {@code ojalgo} stays on one thread even after an {@code ojalgo-mt} ran in the same JVM.
 */
enum OjalgoThreads {
    /** One thread: the detected environment {@linkplain VirtualMachine#limitBy limited} to one thread, core and unit. */
    ONE(Detected.ENVIRONMENT.limitBy(1.0 / Detected.ENVIRONMENT.threads)),
    /** Every hardware thread ojAlgo detected (its default). */
    ALL(Detected.ENVIRONMENT);

    private final VirtualMachine environment;

    OjalgoThreads(VirtualMachine environment) {
        this.environment = environment;
    }

    /** Makes ojAlgo's environment this one. */
    void install() {
        if (OjAlgoUtils.ENVIRONMENT != environment) {
            OjAlgoUtils.ENVIRONMENT = environment;
        }
    }

    /** The number of threads ojAlgo may use under this setting. */
    int threads() {
        return environment.threads;
    }

    /** The environment ojAlgo detected (or a user set) before any backend changed it. */
    private static final class Detected {
        static final VirtualMachine ENVIRONMENT = OjAlgoUtils.ENVIRONMENT;
    }
}
