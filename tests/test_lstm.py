"""The LSTM: its forward pass against the equations, BPTT against central finite differences
(with nonzero h0 and c0), its limits, training through the shared code, and bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rnn_lib
from problems import examples
from rnn_lib import data, gru, lstm
from rnn_lib.activations import sigmoid
from rnn_lib.lstm import LSTMParams


def random_lstm(seed, N, T, E, H, Y, scale=0.8):
    """Random LSTM weights (both biases non-zero), inputs, labels, h0 and c0; N = None: one document."""
    rng = np.random.default_rng(seed)
    shapes = {"W_e": (E, 4 * H), "W_h": (H, 4 * H), "b": (4 * H,), "W_hy": (H, Y), "b_y": (Y,)}
    params = LSTMParams(**{name: rng.normal(0, scale, shape) for name, shape in shapes.items()})
    lead = () if N is None else (N,)
    X = rng.normal(0, 1, lead + (T, E))
    y = rng.integers(0, 2, lead + (Y,))
    return params, X, y, rng.normal(0, 0.5, lead + (H,)), rng.normal(0, 1.0, lead + (H,))


def numerical_lstm_grads(params, X, y, h0, c0, loss_on):
    """Central differences of lstm.evaluate_loss, weight by weight, with c0 (which the
    Cell-generic ``numerical_grads`` does not pass)."""
    def loss_with(name):
        return lambda value: lstm.evaluate_loss(params.replace(**{name: value}), X, y, h0, c0, loss_on)

    return {name: rnn_lib.numerical_gradient(loss_with(name), array) for name, array in params.items()}


def reference_forward(params, X, h0, c0):
    """One document, one step at a time, straight from the module's equations: (h, c) of shape (T, H)."""
    H = params.H
    h, c, hs, cs = h0, c0, [], []
    for x in X:
        z = x @ params.W_e + h @ params.W_h + params.b
        i, f, q = sigmoid(z[:H]), sigmoid(z[H:2 * H]), sigmoid(z[3 * H:])
        g = np.tanh(z[2 * H:3 * H])
        c = f * c + i * g
        h = q * np.tanh(c)
        hs.append(h)
        cs.append(c)
    return np.array(hs), np.array(cs)


# ---------------------------------------------------------------- forward


def test_forward_follows_the_equations():
    params, X, _, h0, c0 = random_lstm(0, None, 6, 3, 4, 2)
    trace = lstm.forward(params, X, h0, c0)
    h, c = reference_forward(params, X, h0, c0)
    np.testing.assert_allclose(trace.h, h, rtol=0, atol=1e-14)
    np.testing.assert_allclose(trace.c, c, rtol=0, atol=1e-14)
    np.testing.assert_allclose(trace.o, h @ params.W_hy + params.b_y, rtol=0, atol=1e-14)
    np.testing.assert_allclose(trace.y_hat, sigmoid(trace.o), rtol=0, atol=0)
    np.testing.assert_allclose(trace.h, trace.q * np.tanh(trace.c), rtol=0, atol=1e-15)


def test_single_document_trace_shapes_and_shared_initial_state():
    params, X, _, h0, c0 = random_lstm(1, 3, 5, 2, 4, 2)
    trace = lstm.forward(params, X[0])
    for name in ("i", "f", "g", "q", "c", "h"):
        assert getattr(trace, name).shape == (5, 4), name
    assert trace.o.shape == trace.y_hat.shape == (5, 2)
    assert trace.h0.shape == trace.c0.shape == (4,)
    np.testing.assert_array_equal(trace.c0, 0.0)
    # one (H,) state for a batch serves every document
    batch = lstm.forward(params, X, h0[0], c0[0])
    one = lstm.forward(params, X[1], h0[0], c0[0])
    np.testing.assert_allclose(batch.h[1], one.h, rtol=0, atol=1e-15)
    assert batch.c0.shape == (3, 4)


def test_top_level_names_and_methods_are_the_modules_functions():
    params, X, y, h0, c0 = random_lstm(2, 2, 4, 3, 2, 1)
    assert rnn_lib.LSTMParams is LSTMParams
    assert rnn_lib.lstm_forward is lstm.forward and rnn_lib.lstm_bptt is lstm.bptt
    loss, grads = lstm.bptt(params, X, y, h0, c0, "all")
    method_loss, method_grads = params.bptt(X, y, h0, "all", c0=c0)
    assert method_loss == loss == params.evaluate_loss(X, y, h0, "all", c0=c0)
    for name, array in grads.items():
        np.testing.assert_array_equal(getattr(method_grads, name), array)
    np.testing.assert_array_equal(params.forward(X, h0, c0=c0).h, lstm.forward(params, X, h0, c0).h)


def test_an_open_forget_gate_and_a_shut_input_gate_keep_the_memory():
    """f = 1, i = 0 (biases ±40, their weights 0): c_t = c_0 at every step, whatever the input."""
    params, X, _, h0, c0 = random_lstm(3, 2, 7, 3, 4, 1)
    H = 4
    W_e, W_h, b = params.W_e.copy(), params.W_h.copy(), params.b.copy()
    W_e[:, :2 * H] = W_h[:, :2 * H] = 0.0
    b[:H], b[H:2 * H] = -40.0, 40.0
    trace = lstm.forward(params.replace(W_e=W_e, W_h=W_h, b=b), X, h0, c0)
    np.testing.assert_array_equal(trace.c, np.broadcast_to(c0[:, None], trace.c.shape))


# ---------------------------------------------------------------- gradients


@settings(max_examples=examples(60), deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    N=st.one_of(st.none(), st.integers(1, 3)),
    T=st.integers(1, 5),
    E=st.integers(1, 3),
    H=st.integers(1, 3),
    Y=st.integers(1, 2),
    loss_on=st.sampled_from(["last", "all"]),
)
def test_lstm_bptt_matches_central_differences(seed, N, T, E, H, Y, loss_on):
    params, X, y, h0, c0 = random_lstm(seed, N, T, E, H, Y)
    _, grads = lstm.bptt(params, X, y, h0, c0, loss_on)
    numeric = numerical_lstm_grads(params, X, y, h0, c0, loss_on)
    flat = np.concatenate([array.ravel() for _, array in grads.items()])
    error = rnn_lib.relative_error(flat, np.concatenate([numeric[name].ravel() for name in LSTMParams.names()]))
    assert error < 1e-7, {name: rnn_lib.relative_error(getattr(grads, name), numeric[name]) for name in numeric}


@settings(max_examples=examples(20), deadline=None)
@given(seed=st.integers(0, 2**32 - 1), N=st.one_of(st.none(), st.integers(1, 3)), T=st.integers(1, 5),
       with_h0=st.booleans(), loss_on=st.sampled_from(["last", "all"]))
def test_the_shared_gradient_check_works_for_the_lstm(seed, N, T, with_h0, loss_on):
    """check_gradients and numerical_grads, written once for every Cell (c0 = 0 there)."""
    params, X, y, h0, _ = random_lstm(seed, N, T, 2, 3, 1)
    errors = rnn_lib.check_gradients(params, X, y, h0 if with_h0 else None, loss_on=loss_on)
    assert set(errors) == set(LSTMParams.names()) | {"all"}
    assert errors["all"] < 1e-7, errors


def test_every_lstm_weight_is_checked_on_its_own():
    params, X, y, h0, c0 = random_lstm(11, 4, 6, 3, 4, 2)
    _, grads = lstm.bptt(params, X, y, h0, c0, "all")
    numeric = numerical_lstm_grads(params, X, y, h0, c0, "all")
    for name in LSTMParams.names():
        assert rnn_lib.relative_error(getattr(grads, name), numeric[name]) < 1e-7, name


def test_gradient_check_catches_a_wrong_lstm_gradient(monkeypatch):
    """The checker can fail: give the backward pass forget gates 1 % off and it reports it."""
    params, X, y, h0, _ = random_lstm(1, 3, 5, 2, 3, 1)
    real_backward = lstm._backward

    def wrong_backward(p, X, h0, c0, i, f, g, q, c, h, d_o):
        return real_backward(p, X, h0, c0, i, np.clip(f * 1.01, 0, 1), g, q, c, h, d_o)

    monkeypatch.setattr(lstm, "_backward", wrong_backward)
    assert rnn_lib.check_gradients(params, X, y, h0)["all"] > 1e-4


def test_batch_equals_mean_of_single_documents():
    params, X, y, h0, c0 = random_lstm(4, 5, 4, 3, 3, 1)
    loss, grads = lstm.bptt(params, X, y, h0, c0)
    singles = [lstm.bptt(params, X[n], y[n], h0[n], c0[n]) for n in range(5)]
    assert loss == pytest.approx(np.mean([s[0] for s in singles]), rel=1e-12)
    for name in LSTMParams.names():
        expected = np.mean([getattr(s[1], name) for s in singles], axis=0)
        np.testing.assert_allclose(getattr(grads, name), expected, rtol=1e-10, atol=1e-14)


def test_the_loss_is_the_plain_rnns():
    """The same loss_and_dlogits: an LSTM whose logits equal the RNN's has the RNN's loss."""
    params, X, y, h0, c0 = random_lstm(5, 3, 4, 2, 2, 1)
    o = lstm.forward(params, X, h0, c0).o
    for loss_on in ("last", "all"):
        scored = o[:, -1:] if loss_on == "last" else o
        expected = rnn_lib.bce_with_logits(np.broadcast_to(y[:, None], scored.shape), scored).sum() / 3
        assert lstm.evaluate_loss(params, X, y, h0, c0, loss_on) == pytest.approx(expected, rel=1e-12)


# ---------------------------------------------------------------- initialisation and training


def test_init_params_is_seeded_pytorch_like_and_sets_the_forget_bias():
    a, b = lstm.init_params(5, 3, 2, seed=1, forget_bias=1.0), lstm.init_params(5, 3, 2, seed=1, forget_bias=1.0)
    for name, array in a.items():
        np.testing.assert_array_equal(array, getattr(b, name))
    assert (a.W_e.shape, a.W_h.shape, a.b.shape, a.W_hy.shape, a.b_y.shape) == ((5, 12), (3, 12), (12,), (3, 2), (2,))
    k = 1 / np.sqrt(3)
    for name in ("W_e", "W_h", "W_hy", "b_y"):
        assert np.abs(getattr(a, name)).max() <= k, name
    plain = lstm.init_params(5, 3, 2, seed=1)
    np.testing.assert_allclose(a.b - plain.b, np.r_[np.zeros(3), np.ones(3), np.zeros(6)], rtol=0, atol=1e-15)
    assert np.abs(plain.b).max() <= 2 * k  # bias_ih + bias_hh: two draws of U(−k, k)
    wide = lstm.init_params(2, 100, seed=0)
    assert np.std(wide.W_h) == pytest.approx(0.1 / np.sqrt(3), rel=0.02)  # U(−k, k) has sd k/√3


@pytest.mark.parametrize("make, name", [(lambda bias: lstm.init_params(3, 2, forget_bias=bias), "forget_bias"),
                                        (lambda bias: gru.init_params(3, 2, update_bias=bias), "update_bias")])
def test_a_gate_bias_must_be_finite(make, name):
    with pytest.raises(ValueError, match=rf"{name} must be a finite number, got inf"):
        make(np.inf)


def test_train_classifier_trains_an_lstm_with_clipping():
    """Through the shared mini-batch code: it learns a tiny task, and clipping limits every step."""
    corpus = data.long_range_corpus(2, n_train=128, n_test=32)
    V = len(corpus.vocabulary)
    test = (corpus.test.ids, corpus.test.y)
    run = rnn_lib.train_classifier(lstm.init_params(V, 8, seed=0, forget_bias=1.0), corpus.train.ids, corpus.train.y,
                                   1.0, 40, batch_size=16, max_norm=1.0, test=test)
    assert isinstance(run.params, LSTMParams)
    assert run.loss[-1] < 0.1 * run.loss[0]  # 0.72 to about 0.002 on this machine
    assert run.test_accuracy[0] < 0.75 and run.test_accuracy[-1] >= 0.95
    assert (run.gradient_norms > 1.0).any()  # clipping was needed, and applied (below)
    # one batch, one update: the step is η · (the gradient clipped to max_norm)
    start = lstm.init_params(V, 6, seed=0)
    documents, y = corpus.train.ids[:8], corpus.train.y[:8]
    one = rnn_lib.train_classifier(start, documents, y, 0.5, 1, batch_size=8, max_norm=0.01)
    assert one.gradient_norms[0] > 0.01
    step = rnn_lib.gradient_norm(start.replace(**{n: a - getattr(one.params, n) for n, a in start.items()}))
    assert step == pytest.approx(0.5 * 0.01, rel=1e-9)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "name, value, error, message",
    [
        ("W_e", np.ones((3, 6)), ValueError, r"W_e has shape \(3, 6\) but must be \(E, 4H\)"),
        ("W_e", np.ones((0, 8)), ValueError, r"W_e has shape \(0, 8\) but must be \(E, 4H\) with E, H >= 1"),
        ("W_e", np.ones(8), ValueError, r"W_e must have 2 dimensions, got 1"),
        ("W_h", np.ones((2, 2)), ValueError, r"W_h must have shape \(H × 4H\) = \(2, 8\) for E = 3, H = 2, Y = 1; got"),
        ("W_h", np.full((2, 8), np.nan), ValueError, r"W_h must be finite"),
        ("b", np.ones(4), ValueError, r"b must have shape \(4H\) = \(8,\)"),
        ("b", [[1.0] * 8], ValueError, r"b must have 1 dimensions"),
        ("W_hy", np.ones((3, 1)), ValueError, r"W_hy has shape \(3, 1\) but W_e \(3, 8\) has 4H = 8 columns, so H = 2"),
        ("W_hy", np.ones((2, 0)), ValueError, r"W_hy must be \(H, Y\) = \(2, Y\) with Y >= 1"),
        ("b_y", np.ones(2), ValueError, r"b_y must have shape \(Y\) = \(1,\)"),
        ("W_h", "weights", TypeError, r"W_h must be numeric"),
        ("W_e", [[1j] * 8] * 3, TypeError, r"W_e must be real"),
    ],
)
def test_bad_lstm_params(name, value, error, message):
    params, *_ = random_lstm(6, None, 2, 3, 2, 1)
    with pytest.raises(error, match=message):
        params.replace(**{name: value})


def test_biases_may_be_none_for_zeros():
    params, *_ = random_lstm(6, None, 2, 3, 2, 1)
    zeros = LSTMParams(params.W_e, params.W_h, None, params.W_hy)
    np.testing.assert_array_equal(zeros.b, np.zeros(8))
    np.testing.assert_array_equal(zeros.b_y, np.zeros(1))


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda p, X, y: lstm.forward(gru.init_params(3, 4), X), TypeError,
         r"params must be an rnn_lib.LSTMParams, got GRUParams"),
        (lambda p, X, y: lstm.forward(p, np.ones((2, 3, 5))), ValueError,
         r"X has shape \(2, 3, 5\) but W_e expects embeddings of size E = 3"),
        (lambda p, X, y: lstm.forward(p, np.ones((2, 0, 3))), ValueError, r"empty sequence \(T = 0\)"),
        (lambda p, X, y: lstm.forward(p, X * np.nan), ValueError, r"X must be finite"),
        (lambda p, X, y: lstm.forward(p, X, np.zeros(3)), ValueError, r"h0 has shape \(3,\) but the hidden size"),
        (lambda p, X, y: lstm.forward(p, X, c0=np.zeros(3)), ValueError, r"c0 has shape \(3,\) but the hidden size"),
        (lambda p, X, y: lstm.forward(p, X, c0=np.zeros((3, 4))), ValueError, r"c0 has 3 rows but X holds N = 2"),
        (lambda p, X, y: lstm.forward(p, X[0], c0=np.zeros((1, 4))), ValueError, r"c0 must have 1 dimensions"),
        (lambda p, X, y: lstm.forward(p, X, c0=[0, 0, np.inf, 0]), ValueError, r"c0 must be finite"),
        (lambda p, X, y: lstm.forward(p, X, c0="zeros"), TypeError, r"c0 must be numeric"),
        (lambda p, X, y: lstm.bptt(p, X, [1, 0, 1]), ValueError, r"y has shape \(3,\)"),
        (lambda p, X, y: lstm.bptt(p, X, [1, 2]), ValueError, r"y must hold labels 0 or 1"),
        (lambda p, X, y: lstm.bptt(p, X, y, loss_on="first"), ValueError, r"loss_on must be one of"),
        (lambda p, X, y: lstm.bptt(p, X, y, None, None, None), TypeError, r"loss_on must be one of"),
        (lambda p, X, y: lstm.bptt(p, X, y, c0=np.ones(5)), ValueError, r"c0 has shape \(5,\)"),
        (lambda p, X, y: lstm.evaluate_loss(p, X, y, h0=np.ones((2, 3))), ValueError, r"h0 has shape \(2, 3\)"),
        (lambda p, X, y: p.bptt(X, y, c0=np.ones(5)), ValueError, r"c0 has shape \(5,\)"),
    ],
)
def test_bad_lstm_inputs(call, error, message):
    params, X, y, _, _ = random_lstm(7, 2, 3, 3, 4, 1)
    with pytest.raises(error, match=message):
        call(params, X, y[:, 0])


def test_overflow_is_a_clear_error():
    params, X, y, _, _ = random_lstm(8, 2, 3, 3, 4, 1)
    huge = params.replace(W_e=np.full((3, 16), 1e308))
    for call in (lambda: lstm.forward(huge, np.ones((4, 3))), lambda: lstm.bptt(huge, X ** 2 + 1, y),
                 lambda: lstm.evaluate_loss(huge, X ** 2 + 1, y)):
        with pytest.raises(FloatingPointError, match=r"The forward pass overflowed: z is not finite"):
            call()
