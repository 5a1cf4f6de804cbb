"""Hidden tests of the exercises of *Long-range memory*."""

import numpy as np

from grading.cases import case, close
from rnn_lib import data, gru
from rnn_lib.analysis import memory
from rnn_lib.train import init_params

#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL = {"ex-long-bias": 1, "ex-long-clip-entries": 1}


def reach(bias, distance, n_documents):
    documents = data.long_range_corpus(distance, n_train=1, n_test=n_documents).test
    gru = init_params("gru", 21, H=16, seed=0, update_bias=bias)
    return memory.deciding_word_gradients(gru, documents, distance).mean()


def draw(rng):
    """An update bias, a distance n and a number of documents, at random."""
    return float(rng.uniform(-4, 4)), int(rng.integers(1, 17)), int(rng.integers(2, 17))


@case("ex-long-bias")
def measures_other_biases_distances_and_sizes(mean_reach, rng):
    """mean_reach measures the gradient for other update biases, distances n and numbers of documents."""
    for _ in range(2):
        bias, n, count = draw(rng)
        assert close(mean_reach(bias, distance=n, n_documents=count), reach(bias, n, count),
                     rtol=1e-9, atol=0), (bias, n, count)


@case("ex-long-bias")
def uses_the_chapters_defaults(mean_reach, rng):
    """mean_reach's defaults are a distance of n = 32 steps and 32 documents."""
    bias = float(rng.uniform(-4, 4))
    assert close(mean_reach(bias), reach(bias, 32, 32), rtol=1e-9, atol=0)


@case("ex-long-bias")
def takes_its_arguments_by_name(mean_reach, rng):
    """mean_reach takes update_bias, distance and n_documents by name, in any order."""
    bias, n, count = draw(rng)
    assert close(mean_reach(n_documents=count, update_bias=bias, distance=n), reach(bias, n, count),
                 rtol=1e-9, atol=0)


def angle(a, b):
    cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
    return np.degrees(np.arctan2(np.sqrt(max(0.0, 1 - cos**2)), cos))


@case("ex-long-clip-entries")
def clipping_the_norm_never_turns_the_step(clipped_angles, rng):
    """Clipping the norm gives angle 0; clipping entries turns the step unless no entry is over c."""
    for size in (2, int(rng.integers(3, 60))):
        g = rng.normal(size=size)
        for c in (float(rng.uniform(0.001, 0.1)), float(np.abs(g).max() * rng.uniform(1, 10))):
            assert close(clipped_angles(g, c), [0.0, angle(g, np.clip(g, -c, c))], atol=1e-4), (size, c)


@case("ex-long-clip-entries")
def gives_the_angle_of_entry_clipping(clipped_angles, rng):
    """clipped_angles gives the angle between g and g clipped entry by entry."""
    for size in (2, 3, int(rng.integers(4, 20))):
        g = rng.normal(size=size) * rng.uniform(1, 50)
        c = float(np.abs(g).max() * rng.uniform(0.05, 0.9))
        assert close(clipped_angles(g, c), [0.0, angle(g, np.clip(g, -c, c))], atol=1e-4), (size, c)


@case("ex-long-clip-entries")
def gives_the_angle_for_one_huge_entry(clipped_angles, rng):
    """clipped_angles is right for one huge entry among many small ones."""
    g = np.concatenate([[rng.uniform(20, 100)], rng.normal(size=int(rng.integers(10, 200)))])
    c = float(rng.uniform(0.1, 1))
    assert close(clipped_angles(g, c), [0.0, angle(g, np.clip(g, -c, c))], atol=1e-4)


#: The cores that compute a GRU step or a plain RNN's: a step must be written, not borrowed.
GRU_STEP = ("rnn_lib.gru:_forward", "rnn_lib.gru:_backward", "rnn_lib.rnn:_forward_steps")


def random_gru(rng, E, H):
    """A GRU with every weight and bias drawn at random (non-symmetric matrices, gates neither open nor shut)."""
    return gru.GRUParams(**{name: rng.normal(size=shape) for name, shape in (
        ("W_eh", (E, H)), ("W_hh", (H, H)), ("W_hy", (H, 1)), ("b_h", (H,)), ("b_y", (1,)),
        ("W_er", (E, H)), ("W_hr", (H, H)), ("b_r", (H,)), ("W_eu", (E, H)), ("W_hu", (H, H)), ("b_u", (H,)))})


@case("ex-long-gru-step", refuse=GRU_STEP)
def is_one_step_of_the_gru(gru_step, rng):
    """gru_step gives the state of one step of rnn_lib.gru.forward, for any sizes, input and previous state."""
    E, H = int(rng.integers(2, 6)), int(rng.integers(2, 6))
    params, x_t, h_prev = random_gru(rng, E, H), rng.normal(size=E), rng.normal(size=H) * 0.8
    want = gru.forward(params, x_t[None], h0=h_prev).h[-1]
    assert close(gru_step(params, x_t, h_prev), want, rtol=1e-9, atol=1e-12)


@case("ex-long-gru-step")
def runs_a_document_step_by_step(gru_step, rng):
    """gru_step, applied step after step from h_0 = 0, gives every state of rnn_lib.gru.forward."""
    E, H, T = (int(n) for n in rng.integers(2, 6, size=3))
    params, X = random_gru(rng, E, H), rng.normal(size=(T, E))
    h = np.zeros(H)
    for t, want in enumerate(gru.forward(params, X).h):
        h = gru_step(params, X[t], h)
        assert close(h, want, rtol=1e-9, atol=1e-12), t


@case("ex-long-gru-step")
def uses_each_gate_as_the_book_defines_it(gru_step, rng):
    """gru_step writes with u_t and keeps with 1 − u_t, and resets the state before W_hh (not after)."""
    E, H = int(rng.integers(2, 6)), int(rng.integers(2, 6))
    params = random_gru(rng, E, H).replace(b_u=np.full(H, 2.0), b_r=np.full(H, -1.0))
    x_t, h_prev = rng.normal(size=E), rng.normal(size=H)
    assert close(gru_step(params, x_t, h_prev), gru.forward(params, x_t[None], h0=h_prev).h[-1],
                 rtol=1e-9, atol=1e-12)
