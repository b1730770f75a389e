package io.rnnbench.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The registry: backends found on the class path through {@link ServiceLoader}, by name. A backend whose
 * provider reports a {@linkplain BackendProvider#unavailableReason() reason it cannot run} in this JVM is
 * listed apart ({@link #unavailable()}), never among {@link #names()}.
 */
public final class Backends {
    private Backends() {
    }

    /**
     * A new backend registered under {@code name}.
     *
     * @throws IllegalArgumentException when no provider has that name (the message lists the names found), or
     *                                  when that backend cannot run in this JVM (the message says why)
     * @throws IllegalStateException    when two providers claim the same name
     */
    public static Backend<?> byName(String name) {
        TreeMap<String, BackendProvider> providers = providers(); // one scan of the class path, error path included
        BackendProvider provider = providers.get(name);
        if (provider == null) {
            throw unknown(name, providers);
        }
        String reason = provider.unavailableReason().orElse(null);
        if (reason != null) {
            throw new IllegalArgumentException("backend '" + name + "' is on the class path but cannot run in this JVM: " + reason);
        }
        return provider.create();
    }

    /**
     * The {@linkplain BackendProvider#precision() precision} of the backend registered under {@code name}, whether or
     * not it can run in this JVM.
     *
     * @throws IllegalArgumentException when no provider has that name (the message lists the names found)
     */
    public static Precision precision(String name) {
        TreeMap<String, BackendProvider> providers = providers();
        BackendProvider provider = providers.get(name);
        if (provider == null) {
            throw unknown(name, providers);
        }
        return provider.precision();
    }

    /** The error for a name no provider has: it lists the names found, those that cannot run here apart. */
    private static IllegalArgumentException unknown(String name, SortedMap<String, BackendProvider> providers) {
        List<String> names = runnable(providers, p -> true);
        SortedMap<String, String> unavailable = unavailable(providers);
        return new IllegalArgumentException("unknown backend '" + name + "'; backends on the class path: "
                + (names.isEmpty() ? "none (add a backend module, e.g. rnnbench-backend-raw)" : String.join(", ", names))
                + (unavailable.isEmpty() ? "" : " (registered but unable to run here: "
                        + String.join(", ", unavailable.keySet()) + ")"));
    }

    /** The names of the registered backends that can run in this JVM, sorted. */
    public static List<String> names() {
        return runnable(providers(), p -> true);
    }

    /** The names of the backends of {@link #names()} whose provider says they are {@linkplain BackendProvider#allocationFree() allocation-free}. */
    public static List<String> allocationFree() {
        return runnable(providers(), BackendProvider::allocationFree);
    }

    /**
     * What each backend of {@link #names()} needs beyond the class path ({@link BackendProvider#requirements()}), by
     * name.
     */
    public static SortedMap<String, String> requirements() {
        SortedMap<String, String> requirements = new TreeMap<>();
        providers().forEach((name, provider) -> {
            if (provider.unavailableReason().isEmpty()) {
                requirements.put(name, provider.requirements());
            }
        });
        return requirements;
    }

    /** What the backends of {@link #names()} that name one compute with ({@link BackendProvider#library()}), by name. */
    public static SortedMap<String, String> libraries() {
        SortedMap<String, String> libraries = new TreeMap<>();
        providers().forEach((name, provider) -> {
            if (provider.unavailableReason().isEmpty() && !provider.library().isEmpty()) {
                libraries.put(name, provider.library());
            }
        });
        return libraries;
    }

    /** The registered backends that cannot run in this JVM, by name, with the reason each gives. */
    public static SortedMap<String, String> unavailable() {
        return unavailable(providers());
    }

    /** The names of the providers that can run in this JVM and pass {@code filter}, sorted. */
    private static List<String> runnable(SortedMap<String, BackendProvider> providers, Predicate<BackendProvider> filter) {
        List<String> names = new ArrayList<>();
        providers.forEach((name, provider) -> {
            if (provider.unavailableReason().isEmpty() && filter.test(provider)) {
                names.add(name);
            }
        });
        return names;
    }

    private static SortedMap<String, String> unavailable(SortedMap<String, BackendProvider> providers) {
        SortedMap<String, String> reasons = new TreeMap<>();
        providers.forEach((name, provider) -> provider.unavailableReason().ifPresent(reason -> reasons.put(name, reason)));
        return reasons;
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
