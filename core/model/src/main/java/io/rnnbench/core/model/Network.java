package io.rnnbench.core.model;

import io.rnnbench.core.random.RandomSource;
import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of recurrent layers and an output head over one backend: forward, backpropagation through time and
 * the gradient of every parameter and of the initial state.
 *
 * <p>Order of use: {@link #forward} a batch from an initial state; then optionally {@link #backward} (gradients of
 * that forward's loss, overwriting {@link #gradients()}), {@link #copyFinalState} (to carry the state to the next
 * chunk), {@link #logits()}. The first pass with a new (T, B) allocates that shape's workspaces; later passes
 * with the same shape allocate nothing in the per-timestep path.
 *
 * <p>Layer l reads layer l−1's output sequence (layer 0 reads the input), and backward sends each layer's input
 * gradient to the layer below. Not thread-safe.
 *
 * <p>With an embedding ({@link ModelConfig#embeddingSize()} D &gt; 0) the one-hot input indices gather rows of the
 * table E [X, D] into layer 0's dense input, and backward scatter-adds layer 0's input gradient into dE at the
 * same rows:
 * <pre>
 * Xe = E[index]              [T·B, D]   gatherRows, no one-hot GEMM
 * dE[index] += dXe           [X, D]     scatterAddRows: only the rows of the indices seen are written
 * </pre>
 * dE is held dense (same name and shape as E, so clipping, finiteness checks and gradient checks treat it like any
 * gradient) but {@link #backward} writes only the rows in {@link #embeddingRows()}; an optimizer that honours
 * sparsity ({@link io.rnnbench.core.train.RowSparseOptimizer}) updates only those rows.
 */
public final class Network<M> implements Model<M> {
    private final Backend<M> backend;
    private final ModelConfig config;
    private final Parameters<M> parameters;
    private final Parameters<M> gradients;
    private final List<LayerWeights<M>> layerWeights = new ArrayList<>();
    /** The unrolled network of every (T, B) seen so far; few shapes, searched linearly (no boxing per pass). */
    private final List<Unrolled<M>> unrolled = new ArrayList<>();
    private Unrolled<M> current;
    /** Sorted distinct input indices of the last forward (embedding only). */
    private int[] embeddingRows = new int[0];

    private Network(Backend<M> backend, ModelConfig config) {
        this.backend = backend;
        this.config = config;
        this.parameters = new Parameters<>();
        for (ParameterShape p : config.parameterShapes()) {
            parameters.add(backend, p.name(), p.rows(), p.cols());
        }
        this.gradients = parameters.zerosLike(backend);
        for (int l = 0; l < config.layers(); l++) {
            layerWeights.add(new LayerWeights<>(value(parameters, l, "wX"), value(parameters, l, "wH"),
                    value(parameters, l, "b"), value(gradients, l, "wX"), value(gradients, l, "wH"), value(gradients, l, "b")));
        }
    }

    /** The name of the embedding table E [X, D] (present only when the config has an embedding). */
    public static final String EMBEDDING = "embedding.E";

    /**
     * A network with weights drawn from N(0, 1)·{@code initScale} and zero biases. Draw order: the embedding table E
     * (if any), then for each layer bottom-up W_x then W_h, then W_y; each matrix filled row-major from
     * {@code random.nextGaussian()}.
     */
    public static <M> Network<M> create(Backend<M> backend, ModelConfig config, RandomSource random, double initScale) {
        if (!(Double.isFinite(initScale) && initScale >= 0)) {
            throw new IllegalArgumentException("initScale must be finite and ≥ 0, got " + initScale);
        }
        Network<M> network = new Network<>(backend, config);
        for (NamedMatrix<M> p : network.parameters) {
            if (p.name().endsWith(".b") || p.name().endsWith(".bY")) {
                continue;
            }
            double[] values = new double[p.rows() * p.cols()];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian() * initScale;
            }
            network.parameters.load(backend, p.name(), values);
        }
        return network;
    }

    /** A network whose parameters are all zero, to be {@link Parameters#load loaded} (e.g. from a seed's weights). */
    public static <M> Network<M> zeros(Backend<M> backend, ModelConfig config) {
        return new Network<>(backend, config);
    }

    /**
     * Runs the batch through every layer and the head.
     *
     * @param initialState h (and c) of every layer before step 0, for the batch. Not modified.
     * @return the loss: summed over steps, averaged over the batch; 0 without targets
     * @throws IllegalArgumentException when the batch or state does not fit the network (input width, indices
     *                                  outside [0, X), state of another batch size or depth)
     */
    public double forward(SequenceBatch batch, RecurrentState<M> initialState) {
        requireFits(batch, initialState);
        current = unrolledFor(batch.steps(), batch.batch());
        if (config.hasEmbedding()) {
            embeddingRows = java.util.Arrays.stream(((Inputs.OneHot) batch.inputs()).index()).distinct().sorted().toArray();
        }
        return current.forward(batch, initialState);
    }

    /**
     * BPTT of the last {@link #forward}: overwrites {@link #gradients()} with dL/dθ, and
     * {@link #initialStateGradient()} with dL/d(initial state). No gradient enters from beyond the last step.
     */
    @Override
    public void backward() {
        requireForward();
        gradients.zero(backend);
        current.backward();
    }

    /**
     * BPTT of the last {@link #forward} from given upstream gradients instead of from the loss (the head is
     * skipped; its gradients are zero). This is the seeds' {@code rnn_backward(da, caches)} and, with a final-state
     * gradient, {@code lstm_cell_backward(da_next, dc_next, cache)}.
     *
     * @param dHidden     [T·B, H] dL/dh_t of the top layer for every step, time-major. Not modified.
     * @param dFinalState dL/d(state after the last step) of every layer, h and c; null for none. Not modified.
     */
    public void backwardFromHidden(M dHidden, RecurrentState<M> dFinalState) {
        requireForward();
        Shapes.requireShape("backwardFromHidden", "dHidden", backend.rows(dHidden), backend.cols(dHidden),
                backend.rows(current.top().hs), config.hiddenSize());
        if (dFinalState != null) {
            requireState(dFinalState, current.batch);
        }
        gradients.zero(backend);
        current.backwardFromHidden(dHidden, dFinalState);
    }

    /**
     * The activated LSTM gates of layer l for every step of the last forward, blocks i | f | g | o: a new
     * [T·B, 4H] matrix (an inspection copy, e.g. for the seeds' {@code lstm_cell_forward} outputs).
     */
    public M gateActivations(int layer) {
        requireForward();
        if (config.cell() != CellType.LSTM) {
            throw new IllegalArgumentException("gate activations exist for an LSTM, the network is " + config.cell());
        }
        if (layer < 0 || layer >= config.layers()) {
            throw new IllegalArgumentException("layer " + layer + " is outside [0, " + config.layers() + ")");
        }
        LstmLayer<M> lstm = (LstmLayer<M>) current.layers.get(layer);
        M gates = backend.zeros(backend.rows(lstm.hs), config.gateWidth());
        lstm.copyGates(gates);
        return gates;
    }

    /** The outputs h_t of layer l for every step of the last forward, [T·B, H], owned by the network. */
    public M hiddenSequence(int layer) {
        requireForward();
        if (layer < 0 || layer >= config.layers()) {
            throw new IllegalArgumentException("layer " + layer + " is outside [0, " + config.layers() + ")");
        }
        return current.layers.get(layer).hs;
    }

    /**
     * dL/dX of the last backward for the network's input, [T·B, X], owned by the network. Computed on request
     * (dX = dZ·W_xᵀ of layer 0, one GEMM) because training never needs it. With an embedding this is the gradient
     * w.r.t. the embedded input Xe, [T·B, D].
     */
    public M inputGradient() {
        requireForward();
        return current.inputGradient();
    }

    /**
     * The sorted distinct input indices of the last forward: the rows of E that its backward writes in dE (and the
     * only rows a sparse optimizer updates). Empty without an embedding.
     */
    public int[] embeddingRows() {
        return embeddingRows.clone();
    }

    /** Copies the state after the last step of the last forward into {@code state} (same batch and depth). */
    public void copyFinalState(RecurrentState<M> state) {
        requireForward();
        requireState(state, current.batch);
        current.copyFinalState(state);
    }

    /** dL/d(initial state) of the last backward, owned by the network (overwritten by the next one). */
    public RecurrentState<M> initialStateGradient() {
        requireForward();
        return current.initialStateGradient;
    }

    /** The logits of the last forward: [T·B, V] for a per-step head, [B, V] for a last-step head. Owned by the network. */
    public M logits() {
        requireForward();
        return current.head.logits();
    }

    /** The parameters, in a fixed order: per layer wX, wH, b; then head.wY, head.bY. */
    @Override
    public Parameters<M> parameters() {
        return parameters;
    }

    /** The gradients of the last backward, with the parameters' names and shapes. */
    @Override
    public Parameters<M> gradients() {
        return gradients;
    }

    /** The backend the network runs on. */
    @Override
    public Backend<M> backend() {
        return backend;
    }

    /** The network's shape. */
    public ModelConfig config() {
        return config;
    }

    private Unrolled<M> unrolledFor(int steps, int batch) {
        if (current != null && current.steps == steps && current.batch == batch) {
            return current;
        }
        for (Unrolled<M> u : unrolled) {
            if (u.steps == steps && u.batch == batch) {
                return u;
            }
        }
        Unrolled<M> u = new Unrolled<>(backend, config, layerWeights, parameters, gradients, steps, batch);
        unrolled.add(u);
        return u;
    }

    private void requireForward() {
        if (current == null) {
            throw new IllegalStateException("no forward pass yet");
        }
    }

    private void requireFits(SequenceBatch batch, RecurrentState<M> state) {
        if (batch == null) {
            throw new IllegalArgumentException("forward: no batch given");
        }
        if (config.hasEmbedding() && !(batch.inputs() instanceof Inputs.OneHot)) {
            throw new IllegalArgumentException("forward: a network with an embedding table reads indices (one-hot input), got "
                    + batch.inputs().getClass().getSimpleName() + " input");
        }
        if (batch.inputs() instanceof Inputs.OneHot oneHot) {
            Shapes.requireIndices("forward: one-hot input", oneHot.index(), config.inputSize()); // X = vocabulary size
        } else {
            Inputs.Dense dense = (Inputs.Dense) batch.inputs();
            if (dense.width() != config.inputSize()) {
                throw new IllegalArgumentException("forward: input is " + Shapes.shape(dense.rows(), dense.width())
                        + " but the network expects [T·B, X] = " + Shapes.shape(dense.rows(), config.inputSize()));
            }
        }
        requireState(state, batch.batch());
    }

    private void requireState(RecurrentState<M> state, int batch) {
        if (state == null) {
            throw new IllegalArgumentException("no state given; use RecurrentState.zeros for a fresh start");
        }
        if (state.layers() != config.layers() || state.batch() != batch
                || state.hasCellState() != config.cell().hasCellState()) {
            throw new IllegalArgumentException("state has " + state.layers() + " layers of " + Shapes.shape(state.batch(),
                    config.hiddenSize()) + (state.hasCellState() ? " with c" : "") + ", the network needs " + config.layers()
                    + " layers of [B, H] = " + Shapes.shape(batch, config.hiddenSize())
                    + (config.cell().hasCellState() ? " with c" : ""));
        }
    }

    private static <M> M value(Parameters<M> set, int layer, String name) {
        return set.get("layer" + layer + "." + name).value();
    }

    /** Every layer and the head unrolled for one (T, B), with their workspaces. */
    private static final class Unrolled<M> {
        final int steps;
        final int batch;
        final List<Layer<M>> layers = new ArrayList<>();
        final OutputHead<M> head;
        final RecurrentState<M> initialStateGradient;
        private final Backend<M> backend;
        /** [T·B, X] dense input, allocated at the first dense batch. */
        private M denseInput;
        /** [T·B, X] dL/dX, allocated at the first request. */
        private M dInput;
        /** Embedding only: E [X, D], dE [X, D], the gathered input Xe [T·B, D] and its gradient dXe [T·B, D]. */
        private final M embedding;
        private final M dEmbedding;
        private final M embedded;
        private final M dEmbedded;
        private int[] inputIndex;

        Unrolled(Backend<M> backend, ModelConfig config, List<LayerWeights<M>> weights, Parameters<M> parameters,
                 Parameters<M> gradients, int steps, int batch) {
            this.backend = backend;
            this.steps = steps;
            this.batch = batch;
            for (LayerWeights<M> w : weights) {
                layers.add(config.cell() == CellType.LSTM
                        ? new LstmLayer<>(backend, w, steps, batch, config.hiddenSize())
                        : new RnnLayer<>(backend, w, steps, batch, config.hiddenSize(), config.activation()));
            }
            if (config.hasEmbedding()) {
                embedding = parameters.get(EMBEDDING).value();
                dEmbedding = gradients.get(EMBEDDING).value();
                embedded = backend.zeros(steps * batch, config.embeddingSize()); //  [T·B, D]
                dEmbedded = backend.zeros(steps * batch, config.embeddingSize()); // [T·B, D]
            } else {
                embedding = null;
                dEmbedding = null;
                embedded = null;
                dEmbedded = null;
            }
            head = new OutputHead<>(backend, config.head(), parameters.get("head.wY").value(), parameters.get("head.bY").value(),
                    gradients.get("head.wY").value(), gradients.get("head.bY").value(), steps, batch);
            initialStateGradient = RecurrentState.zeros(backend, config, batch);
        }

        double forward(SequenceBatch batch, RecurrentState<M> initialState) {
            for (int l = 0; l < layers.size(); l++) {
                Layer<M> layer = layers.get(l);
                layer.setInitialState(initialState, l);
                if (l > 0) {
                    layer.forward(layers.get(l - 1).hs); //      layer l reads layer l−1's outputs
                } else if (embedding != null) {
                    inputIndex = ((Inputs.OneHot) batch.inputs()).index();
                    backend.gatherRows(embedding, inputIndex, embedded); //  Xe = E[index]   [T·B, D]
                    layer.forward(embedded);
                } else if (batch.inputs() instanceof Inputs.OneHot oneHot) {
                    layer.forward(oneHot);
                } else {
                    if (denseInput == null) {
                        denseInput = backend.zeros(backend.rows(layer.hs), backend.rows(layer.w.wX()));
                    }
                    backend.load(((Inputs.Dense) batch.inputs()).values(), denseInput); //  X [T·B, X], the array boundary
                    layer.forward(denseInput);
                }
            }
            return head.forward(top(), batch.targets());
        }

        void backward() {
            head.backward(top());
            backwardThroughLayers(null);
        }

        void backwardFromHidden(M dHidden, RecurrentState<M> dFinalState) {
            RecurrentState.copy(backend, dHidden, top().dhs);
            backwardThroughLayers(dFinalState);
        }

        private void backwardThroughLayers(RecurrentState<M> dFinalState) {
            for (int l = layers.size() - 1; l >= 0; l--) {
                M dLayerInput = l > 0 ? layers.get(l - 1).dhs : dEmbedded; // dInput of l is dh of l−1 (or dXe)
                layers.get(l).backward(dLayerInput, dFinalState, l);
                layers.get(l).copyInitialStateGradient(initialStateGradient, l);
            }
            if (embedding != null) {
                backend.scatterAddRows(dEmbedded, inputIndex, dEmbedding); //  dE[index] += dXe   [X, D]
            }
        }

        M inputGradient() {
            if (dInput == null) {
                dInput = backend.zeros(backend.rows(layers.get(0).hs), backend.rows(layers.get(0).w.wX()));
            }
            layers.get(0).inputGradient(dInput);
            return dInput;
        }

        void copyFinalState(RecurrentState<M> state) {
            for (int l = 0; l < layers.size(); l++) {
                layers.get(l).copyFinalState(state, l);
            }
        }

        Layer<M> top() {
            return layers.get(layers.size() - 1);
        }
    }
}
