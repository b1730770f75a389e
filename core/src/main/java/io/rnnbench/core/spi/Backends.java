package io.rnnbench.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry: backends found on the class path through {@link ServiceLoader}, by name. */
public final class Backends {
    private Backends() {
    }

    /**
     * A new backend registered under {@code name}.
     *
     * @throws IllegalArgumentException when no provider has that name; the message lists the names found
     * @throws IllegalStateException    when two providers claim the same name
     */
    public static Backend<?> byName(String name) {
        BackendProvider provider = providers().get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown backend '" + name + "'; backends on the class path: "
                    + (names().isEmpty() ? "none (add a backend module, e.g. rnnbench-backend-raw)" : String.join(", ", names())));
        }
        return provider.create();
    }

    /** The names of all registered backends, sorted. */
    public static List<String> names() {
        return new ArrayList<>(providers().keySet());
    }

    private static TreeMap<String, BackendProvider> providers() {
        TreeMap<String, BackendProvider> byName = new TreeMap<>();
        try {
            for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
                BackendProvider previous = byName.put(provider.name(), provider);
                if (previous != null) {
                    throw new IllegalStateException("two backends are registered as '" + provider.name() + "': "
                            + previous.getClass().getName() + " and " + provider.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a backend on the class path could not be loaded: " + e.getMessage(), e);
        }
        return byName;
    }
}
