package io.rnnbench.core.model;

import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered set of named matrices: a network's parameters, its gradients (same names and shapes), or an
 * optimizer's per-parameter state. Names per layer l: {@code layer<l>.wX} [X, G], {@code layer<l>.wH} [H, G],
 * {@code layer<l>.b} [1, G]; head: {@code head.wY} [H, V], {@code head.bY} [1, V].
 */
public final class Parameters<M> implements Iterable<NamedMatrix<M>> {
    private final Map<String, NamedMatrix<M>> byName = new LinkedHashMap<>();
    /** The same matrices in order, for index loops: the per-step optimizer and clipping loops allocate nothing. */
    private final List<NamedMatrix<M>> inOrder = new ArrayList<>();

    /** Adds a new zero matrix; returns it. */
    M add(Backend<M> backend, String name, int rows, int cols) {
        M value = backend.zeros(rows, cols);
        put(new NamedMatrix<>(name, rows, cols, value));
        return value;
    }

    /** Adds an existing matrix under {@code name}, shared (not copied): for views over other sets. */
    public void addShared(String name, NamedMatrix<M> matrix) {
        put(new NamedMatrix<>(name, matrix.rows(), matrix.cols(), matrix.value()));
    }

    private void put(NamedMatrix<M> matrix) {
        if (byName.putIfAbsent(matrix.name(), matrix) != null) {
            throw new IllegalStateException("duplicate parameter name " + matrix.name());
        }
        inOrder.add(matrix);
    }

    /** The matrix at position {@code index} of the fixed order, 0 ≤ index &lt; {@link #size()}. */
    public NamedMatrix<M> at(int index) {
        return inOrder.get(index);
    }

    /**
     * A view of this set without the matrices named in {@code excluded}: the same matrices (not copies), in the same
     * order, e.g. the dense parameters of a network whose embedding table is updated sparsely.
     */
    public Parameters<M> without(String... excluded) {
        java.util.Set<String> skip = java.util.Set.of(excluded);
        Parameters<M> view = new Parameters<>();
        for (NamedMatrix<M> p : this) {
            if (!skip.contains(p.name())) {
                view.addShared(p.name(), p);
            }
        }
        return view;
    }

    /** Whether a matrix is named {@code name}. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The names, in order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** A new set with the same names and shapes, all zeros (for gradients and optimizer state). */
    public Parameters<M> zerosLike(Backend<M> backend) {
        Parameters<M> zeros = new Parameters<>();
        for (NamedMatrix<M> p : this) {
            zeros.add(backend, p.name(), p.rows(), p.cols());
        }
        return zeros;
    }

    /**
     * The matrix named {@code name}.
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public NamedMatrix<M> get(String name) {
        NamedMatrix<M> p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; known: " + String.join(", ", byName.keySet()));
        }
        return p;
    }

    /** All matrices in their fixed order (layers bottom-up, then the head). */
    public List<NamedMatrix<M>> list() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    /** Number of matrices. */
    public int size() {
        return byName.size();
    }

    /** Sets every entry of every matrix to zero. */
    public void zero(Backend<M> backend) {
        for (int i = 0; i < inOrder.size(); i++) {
            backend.fill(inOrder.get(i).value(), 0.0);
        }
    }

    /** Copies every matrix of {@code source} (same names and shapes) into this set. */
    public void copyFrom(Backend<M> backend, Parameters<M> source) {
        for (NamedMatrix<M> p : this) {
            NamedMatrix<M> s = source.get(p.name());
            Shapes.requireSameShape("copyFrom", p.name(), p.rows(), p.cols(), "source " + s.name(), s.rows(), s.cols());
            backend.copyBlock(s.value(), 0, 0, p.value(), 0, 0, p.rows(), p.cols());
        }
    }

    /** Boundary: overwrites the matrix {@code name} with row-major {@code values} (e.g. weights converted from a seed). */
    public void load(Backend<M> backend, String name, double[] values) {
        NamedMatrix<M> p = get(name);
        Shapes.requireLength("load " + name + " " + Shapes.shape(p.rows(), p.cols()), "values", values.length,
                p.rows() * p.cols());
        M loaded = backend.fromArray(p.rows(), p.cols(), values);
        backend.copyBlock(loaded, 0, 0, p.value(), 0, 0, p.rows(), p.cols());
    }

    /** Boundary: the entries of the matrix {@code name}, row-major. */
    public double[] toArray(Backend<M> backend, String name) {
        return backend.toArray(get(name).value());
    }

    @Override
    public Iterator<NamedMatrix<M>> iterator() {
        return Collections.unmodifiableList(inOrder).iterator();
    }
}
