package io.rnnbench.verification;

import io.rnnbench.core.spi.Backend;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Wraps a backend and records which SPI methods were called, so a suite can assert that it exercised every one
 * (EJML's "expected count" trick): a method added to {@link Backend} fails the suite until a check covers it.
 */
final class CountingBackend {
    private final Set<String> called = new TreeSet<>();
    private final Backend<Object> backend;

    @SuppressWarnings("unchecked")
    CountingBackend(Backend<?> target) {
        InvocationHandler handler = (proxy, method, args) -> {
            called.add(signature(method));
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        backend = (Backend<Object>) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, handler);
    }

    /** The wrapped backend; every call is recorded. */
    Backend<Object> backend() {
        return backend;
    }

    /** The SPI methods not called yet. */
    Set<String> notCalled() {
        Set<String> all = Arrays.stream(Backend.class.getMethods())
                .filter(m -> !m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .map(CountingBackend::signature)
                .collect(Collectors.toCollection(TreeSet::new));
        all.removeAll(called);
        return all;
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
