"""The reference point of the `char` workloads: one training step of the seeds' NumPy char-RNN, timed on this machine.

The step is seed 003's `lossFun` (forward over 25 one-hot characters, softmax, cross-entropy, BPTT, clipping of the
gradients) and its Adagrad update, as the seed writes them, with min-char-rnn's sizes: vocabulary 65
(tinyshakespeare), hidden 100, sequence 25, batch 1. The same model in rnnbench is the custom shape
X65-H100-B1-T25-L1-onehot of the RNN training-step benchmark (benchmarks/README.md, "The seeds' NumPy step").

Run with one BLAS thread, as the JMH forks use one thread:
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 benchmarks/numpy/seed_char_rnn_step.py [corpus] [rounds]
It prints the median, minimum and maximum time per step over `rounds` (default 15) rounds of 200 steps, after 300
warm-up steps. Needs NumPy only.
"""
import os
import statistics
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "core", "src", "main", "resources", "io", "rnnbench", "core", "workload",
                      "tinyshakespeare.txt")

data = open(sys.argv[1] if len(sys.argv) > 1 else CORPUS, encoding="utf-8").read()
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 15
hidden_size, seq_length, lr = 100, 25, 0.1
chars = sorted(set(data))
vocab_size = len(chars)
char_to_index = {c: i for i, c in enumerate(chars)}
np.random.seed(0)
w_ih = np.random.randn(vocab_size, hidden_size) * 0.01
w_hh = np.random.randn(hidden_size, hidden_size) * 0.01
w_ho = np.random.randn(hidden_size, vocab_size) * 0.01
b_hh = np.zeros((1, hidden_size))
b_ho = np.zeros((1, vocab_size))


def lossFun(inputs, targets, prev_hidden):
    """Seed 003's lossFun, statement for statement."""
    input_states, hidden_states, output_states = {}, {}, {}
    hidden_states[-1] = np.copy(prev_hidden)
    loss = 0
    for t in range(len(inputs)):
        input_states[t] = np.zeros((1, vocab_size))
        input_states[t][0, inputs[t]] = 1
        hidden_states[t] = np.tanh(np.dot(input_states[t], w_ih) + (np.dot(hidden_states[t-1], w_hh) + b_hh))
        logits = np.dot(hidden_states[t], w_ho) + b_ho
        output_states[t] = np.exp(logits) / np.sum(np.exp(logits))
        loss += -np.log(output_states[t][0, targets[t]])
    grad_w_ih, grad_w_hh, grad_w_ho = np.zeros_like(w_ih), np.zeros_like(w_hh), np.zeros_like(w_ho)
    grad_b_hh, grad_b_ho = np.zeros_like(b_hh), np.zeros_like(b_ho)
    grad_hidden_next = np.zeros_like(hidden_states[0])
    for t in reversed(range(len(inputs))):
        delta_output = np.copy(output_states[t])
        delta_output[0, targets[t]] -= 1
        grad_w_ho += np.dot(hidden_states[t].T, delta_output)
        grad_b_ho += delta_output
        grad_hidden = np.dot(delta_output, w_ho.T) + grad_hidden_next
        delta_hidden = (1 - hidden_states[t] * hidden_states[t]) * grad_hidden
        grad_b_hh += delta_hidden
        grad_w_ih += np.dot(input_states[t].T, delta_hidden)
        grad_w_hh += np.dot(hidden_states[t-1].T, delta_hidden)
        grad_hidden_next = np.dot(delta_hidden, w_hh.T)
    for grad_param in [grad_w_ih, grad_w_hh, grad_w_ho, grad_b_hh, grad_b_ho]:
        np.clip(grad_param, -2, 2, out=grad_param)
    return loss, grad_w_ih, grad_w_hh, grad_w_ho, grad_b_hh, grad_b_ho, hidden_states[len(inputs)-1]


params = [w_ih, w_hh, w_ho, b_hh, b_ho]
memories = [np.zeros_like(p) for p in params]
seq_num = (len(data) - 1) // seq_length
prev_hidden = np.zeros((1, hidden_size))


def step(i):
    """One training step on the i-th window of the corpus: lossFun, then seed 003's Adagrad update."""
    global prev_hidden
    start, end = i * seq_length, (i + 1) * seq_length
    inputs = [char_to_index[ch] for ch in data[start:end]]
    targets = [char_to_index[ch] for ch in data[start + 1:end + 1]]
    _, *grads, prev_hidden = lossFun(inputs, targets, prev_hidden)
    for p, g, m in zip(params, grads, memories):
        m += g * g
        p += -lr * g / np.sqrt(m + 1e-8)


window, per_round, times = 0, 200, []
for _ in range(300):
    step(window % seq_num)
    window += 1
for _ in range(rounds):
    t0 = time.perf_counter()
    for _ in range(per_round):
        step(window % seq_num)
        window += 1
    times.append((time.perf_counter() - t0) / per_round * 1e3)
print(f"NumPy {np.__version__}: {statistics.median(times):.3f} ms per step (median of {rounds} rounds of {per_round}; "
      f"min {min(times):.3f}, max {max(times):.3f})")
