"""The GRU: BPTT against central finite differences, its two limits, and bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rnn_lib
from problems import examples
from rnn_lib import gru
from rnn_lib.gru import GRUParams


def random_gru(seed, N, T, E, H, Y, scale=0.8):
    """Random GRU weights (every bias non-zero), inputs, labels and h0; N = None: one document."""
    rng = np.random.default_rng(seed)
    shapes = {
        "W_eh": (E, H), "W_hh": (H, H), "W_hy": (H, Y), "W_er": (E, H), "W_hr": (H, H),
        "W_eu": (E, H), "W_hu": (H, H), "b_h": (H,), "b_y": (Y,), "b_r": (H,), "b_u": (H,),
    }
    params = GRUParams(**{name: rng.normal(0, scale, shape) for name, shape in shapes.items()})
    lead = () if N is None else (N,)
    return params, rng.normal(0, 1, lead + (T, E)), rng.integers(0, 2, lead + (Y,)), rng.normal(0, 0.5, lead + (H,))


@settings(max_examples=examples(60), deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    N=st.one_of(st.none(), st.integers(1, 3)),
    T=st.integers(1, 5),
    E=st.integers(1, 3),
    H=st.integers(1, 3),
    Y=st.integers(1, 2),
    loss_on=st.sampled_from(["last", "all"]),
    with_h0=st.booleans(),
)
def test_gru_bptt_matches_central_differences(seed, N, T, E, H, Y, loss_on, with_h0):
    params, X, y, h0 = random_gru(seed, N, T, E, H, Y)
    errors = rnn_lib.check_gradients(params, X, y, h0 if with_h0 else None, loss_on=loss_on)
    assert errors["all"] < 1e-6, errors


def test_every_gru_weight_is_checked_on_its_own():
    params, X, y, h0 = random_gru(11, 4, 6, 3, 4, 1)
    errors = rnn_lib.check_gradients(params, X, y, h0, loss_on="all")
    assert set(errors) == set(GRUParams.names()) | {"all"}
    assert all(error < 1e-6 for error in errors.values()), errors


def test_gradient_check_catches_a_wrong_gru_gradient(monkeypatch):
    """The checker can fail: give the backward pass gates 1 % off and it reports it."""
    params, X, y, h0 = random_gru(1, 3, 5, 2, 3, 1)
    real_backward = gru._backward

    def wrong_backward(p, X, h0, r, u, z, h, d_o):
        return real_backward(p, X, h0, r, np.clip(u * 1.01, 0, 1), z, h, d_o)

    monkeypatch.setattr(gru, "_backward", wrong_backward)
    assert rnn_lib.check_gradients(params, X, y, h0)["all"] > 1e-4


def test_open_gates_give_the_plain_rnn():
    """r = u = 1 (gate biases +40, gate weights 0): the GRU is the RNN of rnn.py."""
    params, X, y, h0 = random_gru(2, 3, 6, 3, 4, 1)
    zeros = {name: np.zeros_like(getattr(params, name)) for name in ("W_er", "W_hr", "W_eu", "W_hu")}
    opened = params.replace(**zeros, b_r=np.full(4, 40.0), b_u=np.full(4, 40.0))
    np.testing.assert_array_equal(gru.forward(opened, X, h0).u, 1.0)
    trace, plain = gru.forward(opened, X, h0), rnn_lib.forward(params.plain(), X, h0)
    np.testing.assert_allclose(trace.h, plain.h, rtol=0, atol=1e-14)
    np.testing.assert_allclose(trace.y_hat, plain.y_hat, rtol=0, atol=1e-14)
    loss, grads = gru.bptt(opened, X, y[:, 0], h0)
    plain_loss, plain_grads = rnn_lib.bptt(params.plain(), X, y[:, 0], h0)
    assert loss == pytest.approx(plain_loss, rel=1e-13)
    for name, array in plain_grads.items():
        np.testing.assert_allclose(getattr(grads, name), array, rtol=1e-11, atol=1e-14)


def test_a_shut_update_gate_copies_the_state():
    """u = 0 (update bias −40): h_t = h_{t−1} = h_0 at every step, whatever the input."""
    params, X, _, h0 = random_gru(3, 2, 7, 3, 4, 1)
    zeros = {name: np.zeros_like(getattr(params, name)) for name in ("W_eu", "W_hu")}
    shut = params.replace(**zeros, b_u=np.full(4, -40.0))
    h = gru.forward(shut, X, h0).h
    np.testing.assert_array_equal(h, np.broadcast_to(h0[:, None], h.shape))


def test_batch_equals_mean_of_single_documents():
    params, X, y, h0 = random_gru(4, 5, 4, 3, 3, 1)
    loss, grads = gru.bptt(params, X, y, h0)
    singles = [gru.bptt(params, X[n], y[n], h0[n]) for n in range(5)]
    assert loss == pytest.approx(np.mean([s[0] for s in singles]), rel=1e-12)
    for name in GRUParams.names():
        expected = np.mean([getattr(s[1], name) for s in singles], axis=0)
        np.testing.assert_allclose(getattr(grads, name), expected, rtol=1e-10, atol=1e-14)


def test_single_document_trace_shapes():
    params, X, _, _ = random_gru(5, None, 6, 3, 4, 2)
    trace = gru.forward(params, X)
    for name in ("r", "u", "z", "h"):
        assert getattr(trace, name).shape == (6, 4)
    assert trace.o.shape == trace.y_hat.shape == (6, 2)
    assert trace.h0.shape == (4,)


def test_init_params_is_seeded_and_sets_the_update_bias():
    a, b = gru.init_params(5, 3, seed=1, update_bias=-2), gru.init_params(5, 3, seed=1, update_bias=-2)
    for name, array in a.items():
        np.testing.assert_array_equal(array, getattr(b, name))
    np.testing.assert_array_equal(a.b_u, -2.0)
    assert a.W_er.shape == (5, 3) and a.W_hu.shape == (3, 3) and a.W_hy.shape == (3, 1)


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("W_er", np.ones((2, 3)), r"W_er must have shape \(E × H\) = \(3, 4\) for E = 3, H = 4; got \(2, 3\)"),
        ("W_hu", np.ones((4, 3)), r"W_hu must have shape \(H × H\) = \(4, 4\)"),
        ("b_u", np.ones(3), r"b_u must have shape \(H\) = \(4,\)"),
        ("b_r", [[1.0] * 4], r"b_r must have 1 dimensions"),
        ("W_eu", np.full((3, 4), np.nan), r"W_eu must be finite"),
        ("W_hr", "weights", r"W_hr must be numeric"),
        ("W_hh", np.ones((3, 3)), r"W_hh has shape \(3, 3\) but W_eh"),
    ],
)
def test_bad_gru_params(name, value, message):
    params, *_ = random_gru(6, None, 2, 3, 4, 1)
    with pytest.raises((ValueError, TypeError), match=message):
        params.replace(**{name: value})


def test_bad_gru_inputs():
    params, X, y, _ = random_gru(7, 2, 3, 3, 4, 1)
    with pytest.raises(TypeError, match=r"params must be an rnn_lib.GRUParams, got Params"):
        gru.forward(params.plain(), X)
    with pytest.raises(ValueError, match=r"X has shape \(2, 3, 5\) but W_eh expects embeddings of size E = 3"):
        gru.forward(params, np.ones((2, 3, 5)))
    with pytest.raises(ValueError, match=r"y has shape \(3,\)"):
        gru.bptt(params, X, [1, 0, 1])
    with pytest.raises(ValueError, match=r"y must hold labels 0 or 1"):
        gru.bptt(params, X, [1, 2])
    with pytest.raises(ValueError, match=r"loss_on must be one of"):
        gru.bptt(params, X, y, loss_on="first")
    with pytest.raises(ValueError, match=r"h0 has shape \(3,\) but the hidden size is H = 4"):
        gru.forward(params, X, np.zeros(3))


def test_overflow_is_a_clear_error():
    params, X, y, _ = random_gru(8, 2, 3, 3, 4, 1)
    with pytest.raises(FloatingPointError, match=r"The forward pass overflowed"):
        gru.bptt(params.replace(W_hy=np.full((4, 1), 1e308)), X * 1e3, y)
