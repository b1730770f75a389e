package io.rnnbench.verification.mutation;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Transpose;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A backend with one small, deliberate bug, made by wrapping a correct one (as {@code CountingBackend} wraps one to
 * count calls): the checks must notice each of these.
 */
public enum MutatedBackend {
    /**
     * σ′ scaled by 1 + 1e−5: {@code sigmoidBackward}'s dx, and the σ gate blocks i, f, o of {@code lstmBackward}'s dz
     * (which are dz = upstream ⊙ σ′, so scaling them scales σ′ exactly).
     */
    SIGMOID_DERIVATIVE("σ′×(1+1e-5)") {
        @Override
        Object call(Backend<Object> target, Method method, Object[] args) throws Throwable {
            Object result = invoke(target, method, args);
            if (method.getName().equals("sigmoidBackward")) {
                target.scale(1 + 1e-5, args[2]);
            } else if (method.getName().equals("lstmBackward")) {
                Object dz = args[5]; //                                          [B, 4H]: i | f | g | o
                int batch = target.rows(dz);
                int hidden = target.cols(dz) / 4;
                for (int block : new int[] {0, 1, 3}) {
                    Object part = target.zeros(batch, hidden);
                    target.copyBlock(dz, 0, block * hidden, part, 0, 0, batch, hidden);
                    target.scale(1 + 1e-5, part);
                    target.copyBlock(part, 0, 0, dz, 0, block * hidden, batch, hidden);
                }
            }
            return result;
        }
    },
    /** The first entry of every bias gradient (column sums) off by 1e−7 relative. */
    BIAS_GRADIENT("db[0]×(1+1e-7)") {
        @Override
        Object call(Backend<Object> target, Method method, Object[] args) throws Throwable {
            if (!method.getName().equals("addColumnSums")) {
                return invoke(target, method, args);
            }
            Object sums = target.zeros(1, target.cols(args[1]));
            target.addColumnSums(args[0], sums);
            double[] s = target.toArray(sums);
            s[0] *= 1 + 1e-7;
            target.axpy(1.0, target.fromArray(1, s.length, s), args[1]);
            return null;
        }
    },
    /** GEMM with the transpose flag of a square B flipped (op(B) = Bᵀ where B was meant): W_h of a tanh RNN. */
    TRANSPOSED_GEMM_FLAG("gemm opB flipped on square B") {
        @Override
        Object call(Backend<Object> target, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("gemm") && args[4] == Transpose.N && target.rows(args[3]) == target.cols(args[3])
                    && target.rows(args[3]) > 1) {
                Object[] flipped = args.clone();
                flipped[4] = Transpose.T;
                return invoke(target, method, flipped);
            }
            return invoke(target, method, args);
        }
    };

    private final String label;

    MutatedBackend(String label) {
        this.label = label;
    }

    abstract Object call(Backend<Object> target, Method method, Object[] args) throws Throwable;

    /** {@code target} with this bug; its {@code name()} is the target's name with the bug appended. */
    @SuppressWarnings("unchecked")
    public Backend<Object> wrap(Backend<?> target) {
        Backend<Object> t = (Backend<Object>) target;
        String name = target.name() + "+" + label;
        InvocationHandler handler = (proxy, method, args) -> method.getName().equals("name") && method.getParameterCount() == 0
                ? name : call(t, method, args);
        return (Backend<Object>) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, handler);
    }

    static Object invoke(Backend<Object> target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
