#!/usr/bin/env python3
"""Regenerates dinos_numpy_trajectory.json's checkpoints: seed 002's dinosaur-name model (model()/optimize(),
cllm_utils' rnn_forward/rnn_backward/update_parameters) trained with NumPy on the core's copy of dinos.txt
(core/workloads/src/main/resources/io/rnnbench/workloads/dinos.txt).

    python3 generate_dinos_trajectory.py [n_a] [learning_rate] [steps]   # defaults 50 0.01 20001

Prints the checkpoints (every 2,000th step) as JSON on stdout; compare with the fixture's "checkpoints".
Written from the fixture's "format" key and the seed document (../../../../../../shared/seeds/002_*.txt, lines
940-1260); the seed's sampling every 2,000 steps is left out because it does not touch the training stream.
"""
import json
import sys

import numpy as np

n_a = int(sys.argv[1]) if len(sys.argv) > 1 else 50
learning_rate = float(sys.argv[2]) if len(sys.argv) > 2 else 0.01
steps = int(sys.argv[3]) if len(sys.argv) > 3 else 20001
clip_value = 5.0

DINOS = "../../../../../core/workloads/src/main/resources/io/rnnbench/workloads/dinos.txt"  # from this folder
data = open(DINOS).read().lower()
chars = sorted(set(data))
char_to_ix = {ch: i for i, ch in enumerate(chars)}
vocab_size = len(chars)

np.random.seed(1)
Wax = np.random.randn(n_a, vocab_size) * 0.01
Waa = np.random.randn(n_a, n_a) * 0.01
Wya = np.random.randn(vocab_size, n_a) * 0.01
b = np.zeros((n_a, 1))
by = np.zeros((vocab_size, 1))

examples = [x.lower().strip() for x in open(DINOS).readlines()]
np.random.seed(0)
np.random.shuffle(examples)


def softmax(x):
    e_x = np.exp(x - np.max(x))
    return e_x / e_x.sum(axis=0)


loss_smooth = -np.log(1.0 / vocab_size) * 7
a_prev = np.zeros((n_a, 1))
checkpoints = []
for j in range(steps):
    name = examples[j % len(examples)]
    X = [None] + [char_to_ix[ch] for ch in name]
    Y = X[1:] + [char_to_ix["\n"]]
    x, a, y_hat = {}, {-1: np.copy(a_prev)}, {}
    loss = 0
    for t in range(len(X)):
        x[t] = np.zeros((vocab_size, 1))
        if X[t] is not None:
            x[t][X[t]] = 1
        a[t] = np.tanh(np.dot(Wax, x[t]) + np.dot(Waa, a[t - 1]) + b)
        y_hat[t] = softmax(np.dot(Wya, a[t]) + by)
        loss -= np.log(y_hat[t][Y[t], 0])
    dWax, dWaa, dWya = np.zeros_like(Wax), np.zeros_like(Waa), np.zeros_like(Wya)
    db, dby, da_next = np.zeros_like(b), np.zeros_like(by), np.zeros_like(a[0])
    for t in reversed(range(len(X))):
        dy = np.copy(y_hat[t])
        dy[Y[t]] -= 1
        dWya += np.dot(dy, a[t].T)
        dby += dy
        da = np.dot(Wya.T, dy) + da_next
        daraw = (1 - a[t] * a[t]) * da
        db += daraw
        dWax += np.dot(daraw, x[t].T)
        dWaa += np.dot(daraw, a[t - 1].T)
        da_next = np.dot(Waa.T, daraw)
    for g in (dWax, dWaa, dWya, db, dby):
        np.clip(g, -clip_value, clip_value, out=g)
    Wax += -learning_rate * dWax
    Waa += -learning_rate * dWaa
    Wya += -learning_rate * dWya
    b += -learning_rate * db
    by += -learning_rate * dby
    a_prev = a[len(X) - 1]
    loss_smooth = loss_smooth * 0.999 + loss * 0.001
    if j % 2000 == 0:
        checkpoints.append({"step": j, "smoothed_loss": float(loss_smooth)})

print(json.dumps(checkpoints, indent=1))
