"""BPTT against central finite differences, over random shapes, seeds, modes and biases."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rnn_lib
from problems import examples, random_problem
from rnn_lib import Params, bptt, check_gradients, forward


@settings(max_examples=examples(200), deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    N=st.one_of(st.none(), st.integers(1, 4)),
    T=st.integers(1, 6),
    E=st.integers(1, 4),
    H=st.integers(1, 4),
    Y=st.integers(1, 2),
    biases=st.booleans(),
    loss_on=st.sampled_from(["last", "all"]),
    with_h0=st.booleans(),
)
def test_bptt_matches_central_differences(seed, N, T, E, H, Y, biases, loss_on, with_h0):
    params, X, y, h0 = random_problem(seed, N, T, E, H, Y, biases)
    errors = check_gradients(params, X, y, h0 if with_h0 else None, loss_on=loss_on)
    assert errors["all"] < 1e-6, errors


def test_gradient_check_catches_a_wrong_gradient(monkeypatch):
    """The checker must be able to fail: break one line of BPTT and it reports it."""
    params, X, y, _ = random_problem(0, 3, 5, 3, 2, 1, biases=True)
    real_backward = rnn_lib.rnn._backward_steps

    def wrong_backward(*args):
        grads = real_backward(*args)
        return grads.replace(W_hh=grads.W_hh * 1.001)

    monkeypatch.setattr(rnn_lib.rnn, "_backward_steps", wrong_backward)
    errors = check_gradients(params, X, y)
    assert errors["W_hh"] > 1e-4
    assert errors["W_eh"] < 1e-6


@settings(max_examples=examples(100), deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    N=st.integers(1, 5),
    T=st.integers(1, 7),
    E=st.integers(1, 4),
    H=st.integers(1, 5),
    Y=st.integers(1, 3),
    loss_on=st.sampled_from(["last", "all"]),
)
def test_the_fast_backward_pass_is_the_one_the_book_shows(seed, N, T, E, H, Y, loss_on):
    """bptt runs _backward_steps; the chapter shows _backward. They must give the same gradients."""
    params, X, y, h0 = random_problem(seed, N, T, E, H, Y, biases=True)
    X3, h0, y = rnn_lib.rnn._check_training_inputs(params, X, y, h0, loss_on)
    _, h, o = rnn_lib.rnn._forward(params, X3, h0)
    _, d_o = rnn_lib.cell.loss_and_dlogits(o, y, loss_on)
    shown = rnn_lib.rnn._backward(params, X3, h0, h, d_o)
    run = rnn_lib.rnn._backward_steps(params, X3, h0, h, d_o, loss_on)
    for name, expected in shown.items():
        np.testing.assert_allclose(getattr(run, name), expected, rtol=1e-12, atol=1e-15, err_msg=name)


@pytest.mark.parametrize("loss_on", ["last", "all"])
def test_batch_equals_mean_of_single_documents(loss_on):
    params, X, y, h0 = random_problem(7, 5, 4, 3, 3, 1, biases=True)
    loss, grads = bptt(params, X, y, h0, loss_on)
    singles = [bptt(params, X[n], y[n], h0[n], loss_on) for n in range(5)]
    assert loss == pytest.approx(np.mean([s[0] for s in singles]), rel=1e-12)
    for name in Params.names():
        expected = np.mean([getattr(s[1], name) for s in singles], axis=0)
        np.testing.assert_allclose(getattr(grads, name), expected, rtol=1e-10, atol=1e-14)
    trace = forward(params, X, h0)
    for n in range(5):
        single = forward(params, X[n], h0[n])
        for field in ("z", "h", "o", "y_hat"):  # to rounding: BLAS may sum a batch in another order
            np.testing.assert_allclose(getattr(trace, field)[n], getattr(single, field), rtol=1e-14, atol=1e-15)


def test_loss_on_all_sums_the_per_step_losses():
    """loss_on="all" is Σ_t L^(t) (slide 10): the sum of the last-step losses of every prefix."""
    params, X, y, _ = random_problem(3, None, 5, 2, 3, 1, biases=False)
    total, _ = bptt(params, X, y, loss_on="all")
    prefixes = sum(bptt(params, X[: t + 1], y, loss_on="last")[0] for t in range(5))
    assert total == pytest.approx(prefixes, rel=1e-12)


def test_forward_follows_the_equations_step_by_step():
    params, X, _, h0 = random_problem(11, None, 4, 3, 2, 1, biases=True)
    trace = forward(params, X, h0)
    h_prev = h0
    for t in range(4):
        z = X[t] @ params.W_eh + h_prev @ params.W_hh + params.b_h
        np.testing.assert_allclose(trace.z[t], z, rtol=1e-14)
        h_prev = np.tanh(z)
        np.testing.assert_allclose(trace.h[t], h_prev, rtol=1e-14)
        p = 1 / (1 + np.exp(-(h_prev @ params.W_hy + params.b_y)))
        np.testing.assert_allclose(trace.y_hat[t], p, rtol=1e-14)


@pytest.mark.parametrize("scale", [1e3, 1e8, 1e150])
def test_saturated_weights_stay_finite(scale):
    params, X, y, _ = random_problem(5, 3, 6, 3, 4, 1, biases=True, scale=scale)
    loss, grads = bptt(params, X, y, loss_on="all")
    assert np.isfinite(loss)
    for name, grad in grads.items():
        assert np.all(np.isfinite(grad)), name
    assert np.all((forward(params, X).y_hat >= 0) & (forward(params, X).y_hat <= 1))


def test_overflow_is_an_error_not_nan():
    params, X, y, _ = random_problem(5, 2, 3, 3, 2, 1, biases=False, scale=1e300)
    with pytest.raises(FloatingPointError, match="too large"):
        bptt(params, X * 1e10, y)
