"""The forward pass step by step (slides 2–5): step_contributions and the batch axis."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from problems import examples, random_problem
from rnn_lib import Params, forward, step_contributions, worked_example


@pytest.fixture(scope="module")
def example():
    return worked_example()


def loop_by_hand(params, X, h0):
    """One document, one step and one entry at a time: no matrix products at all."""
    T, E = X.shape
    H = params.H
    x_W_eh, h_prev_W_hh, h_prevs = np.zeros((T, H)), np.zeros((T, H)), np.zeros((T, H))
    h_prev = list(h0)
    for t in range(T):
        h_prevs[t] = h_prev
        for j in range(H):
            x_W_eh[t, j] = sum(X[t, e] * params.W_eh[e, j] for e in range(E))
            h_prev_W_hh[t, j] = sum(h_prev[i] * params.W_hh[i, j] for i in range(H))
        h_prev = [np.tanh(x_W_eh[t, j] + h_prev_W_hh[t, j] + params.b_h[j]) for j in range(H)]
    return x_W_eh, h_prevs, h_prev_W_hh


@settings(max_examples=examples(100), deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    N=st.one_of(st.none(), st.integers(1, 4)),
    T=st.integers(1, 6),
    E=st.integers(1, 4),
    H=st.integers(1, 4),
    with_h0=st.booleans(),
)
def test_contributions_add_up_to_the_proposed_states(seed, N, T, E, H, with_h0):
    params, X, _, h0 = random_problem(seed, N, T, E, H, 1, biases=True)
    h0 = h0 if with_h0 else None
    parts = step_contributions(params, X, h0)
    trace = forward(params, X, h0)
    shape = X.shape[:-1] + (H,)
    assert parts.x_W_eh.shape == parts.h_prev.shape == parts.h_prev_W_hh.shape == shape
    np.testing.assert_allclose(parts.x_W_eh + parts.h_prev_W_hh + parts.b_h, trace.z, atol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_contributions_match_a_loop_by_hand(seed):
    params, X, _, h0 = random_problem(seed, None, 5, 3, 2, 1, biases=True)
    parts = step_contributions(params, X, h0)
    expected = loop_by_hand(params, X, h0)
    for got, want in zip((parts.x_W_eh, parts.h_prev, parts.h_prev_W_hh), expected):
        np.testing.assert_allclose(got, want, atol=1e-12)


def test_previous_states_are_h0_then_the_trace_shifted_by_one():
    params, X, _, h0 = random_problem(7, 3, 4, 3, 2, 1, biases=True)
    parts = step_contributions(params, X, h0)
    trace = forward(params, X, h0)
    np.testing.assert_array_equal(parts.h_prev[:, 0], h0)
    np.testing.assert_array_equal(parts.h_prev[:, 1:], trace.h[:, :-1])


def test_a_batch_gives_each_document_its_own_contributions():
    params, X, _, _ = random_problem(3, 4, 5, 3, 2, 1, biases=True)
    batch = step_contributions(params, X)
    for n in range(4):
        single = step_contributions(params, X[n])
        np.testing.assert_allclose(batch.x_W_eh[n], single.x_W_eh, atol=1e-12)
        np.testing.assert_allclose(batch.h_prev_W_hh[n], single.h_prev_W_hh, atol=1e-12)


def test_worked_example_step_by_step(example):
    parts = step_contributions(example.params, example.X)
    # step 1 starts from h_0 = 0: nothing comes from a previous state
    np.testing.assert_array_equal(parts.h_prev_W_hh[0], [0.0, 0.0])
    # the words are unit vectors, so each word's contribution is a row of W_eh
    np.testing.assert_array_equal(parts.x_W_eh[:3], example.params.W_eh)
    # step 4 (slide 5): the two arrows add up to the proposed state [-1, -2]
    np.testing.assert_allclose(parts.x_W_eh[3] + parts.h_prev_W_hh[3], [-1.0, -2.0], atol=1e-12)
    np.testing.assert_array_equal(parts.b_h, [0.0, 0.0])


def test_without_recurrence_each_state_forgets_the_past(example):
    """W_hh = 0: h_t depends on x_t alone, so the last state is the same for any document."""
    params = example.params.replace(W_hh=np.zeros((2, 2)))
    X_other = example.X[[2, 1, 0, 3]]  # "cats love I <eos>"
    h_last = [forward(params, X).h[-1] for X in (example.X, X_other)]
    np.testing.assert_array_equal(h_last[0], h_last[1])
    assert not np.allclose(forward(example.params, X_other).h[-1], forward(example.params, example.X).h[-1])


@pytest.mark.parametrize(
    "args, error, message",
    [
        ((np.ones((4, 5)),), ValueError, r"X has shape \(4, 5\) but W_eh expects embeddings of size E = 3"),
        ((np.ones((4, 3)), np.ones(3)), ValueError, r"h0 has shape \(3,\) but the hidden size is H = 2"),
        ((np.ones((0, 3)),), ValueError, r"X is an empty sequence"),
        ((np.full((4, 3), np.nan),), ValueError, r"X must be finite"),
    ],
)
def test_bad_input_names_the_argument(example, args, error, message):
    with pytest.raises(error, match=message):
        step_contributions(example.params, *args)


def test_params_must_be_params(example):
    with pytest.raises(TypeError, match=r"params must be an rnn_lib.Params"):
        step_contributions(dict(example.params.items()), example.X)


def test_overflow_is_reported():
    params = Params(W_eh=np.full((1, 1), 1e308), W_hh=np.ones((1, 1)), W_hy=np.ones((1, 1)))
    with pytest.raises(FloatingPointError, match=r"z is not finite"):
        step_contributions(params, np.full((2, 1), 1e308))
