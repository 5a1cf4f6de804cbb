"""Random RNN problems shared by the tests."""

import os

import numpy as np

from rnn_lib import Params


def random_problem(seed, N, T, E, H, Y, biases, scale=0.8):
    """Random weights, inputs, labels and h0; N = None means a single document."""
    rng = np.random.default_rng(seed)
    params = Params(
        W_eh=rng.normal(0, scale, (E, H)),
        W_hh=rng.normal(0, scale, (H, H)),
        W_hy=rng.normal(0, scale, (H, Y)),
        b_h=rng.normal(0, scale, H) if biases else None,
        b_y=rng.normal(0, scale, Y) if biases else None,
    )
    lead = () if N is None else (N,)
    X = rng.normal(0, 1, lead + (T, E))
    y = rng.integers(0, 2, lead + (Y,))
    h0 = rng.normal(0, 0.5, lead + (H,))
    return params, X, y, h0


def examples(n):
    """Hypothesis examples for a property: n in the fixed "book" profile, ten times as many new
    random ones in the scheduled "explore" profile (tests/conftest.py)."""
    return n * 10 if os.environ.get("HYPOTHESIS_PROFILE") == "explore" else n
