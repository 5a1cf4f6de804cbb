"""Slide 10's formula term by term (rnn_lib.analysis.jacobians), against bptt and central differences."""

import numpy as np
import pytest

import rnn_lib
from rnn_lib import Params, bptt, forward, numerical_gradient, numerical_grads, worked_example
from rnn_lib.analysis import jacobians
from rnn_lib.analysis.jacobians import (
    immediate_dh_dW_hh,
    jacobian_product,
    step_jacobians,
    truncated_bptt_whh,
    truncation_errors,
    whh_gradient_terms,
)

LOSS_ON = ["last", "all"]


def random_document(seed, T=6, E=3, H=3, scale=0.9, biases=True):
    rng = np.random.default_rng(seed)
    params = Params(
        W_eh=rng.normal(0, scale, (E, H)),
        W_hh=rng.normal(0, scale, (H, H)),
        W_hy=rng.normal(0, scale, (H, 1)),
        b_h=rng.normal(0, scale, H) if biases else None,
        b_y=rng.normal(0, scale, 1) if biases else None,
    )
    return params, rng.normal(0, 1, (T, E)), int(rng.integers(0, 2)), rng.normal(0, 0.5, H)


def problems():
    example = worked_example()
    yield example.params, example.X, example.y, None
    for seed in range(4):
        yield random_document(seed, biases=seed % 2 == 0)


@pytest.mark.parametrize("loss_on", LOSS_ON)
@pytest.mark.parametrize("problem", list(problems()), ids=["worked", "r0", "r1", "r2", "r3"])
def test_sum_of_terms_is_bptt_and_finite_differences(problem, loss_on):
    params, X, y, h0 = problem
    terms, total = whh_gradient_terms(params, X, y, h0, loss_on)
    T, H = X.shape[0], params.H
    assert terms.shape == (T, T, H, H)
    np.testing.assert_allclose(terms.sum(axis=(0, 1)), total, rtol=0, atol=1e-15)
    np.testing.assert_allclose(total, bptt(params, X, y, h0, loss_on)[1].W_hh, rtol=1e-10, atol=1e-13)
    numeric = numerical_grads(params, X, y, h0, loss_on).W_hh
    assert rnn_lib.relative_error(total, numeric) < 1e-7


@pytest.mark.parametrize("problem", list(problems()), ids=["worked", "r0", "r1", "r2", "r3"])
def test_terms_are_zero_where_slide_10_has_none(problem):
    params, X, y, h0 = problem
    T = X.shape[0]
    for loss_on in LOSS_ON:
        terms, _ = whh_gradient_terms(params, X, y, h0, loss_on)
        assert not np.any(terms[np.triu_indices(T, 1)])  # k > t: h_k cannot change L_t
    last, _ = whh_gradient_terms(params, X, y, h0, "last")
    assert not np.any(last[:-1])  # many-to-one: only L_T is scored


def h_after(params, X, h_k, k, t):
    """h_t as a function of h_k: rerun the steps k+1 … t starting from h_k."""
    return forward(params, X[k:t], h0=h_k).h[-1]


@pytest.mark.parametrize("problem", list(problems())[:3], ids=["worked", "r0", "r1"])
def test_jacobian_products_match_finite_differences(problem):
    params, X, _, h0 = problem
    trace = forward(params, X, h0)
    steps = step_jacobians(params, trace)
    h_all = np.vstack([trace.h0[None], trace.h])  # h_0 … h_T
    T, H = trace.h.shape
    assert steps.shape == (T, H, H)
    for t in range(1, T + 1):
        for k in range(t):
            numeric = np.stack(
                [numerical_gradient(lambda h: h_after(params, X, h, k, t)[i], h_all[k]) for i in range(H)]
            )
            np.testing.assert_allclose(jacobian_product(steps, t, k), numeric, atol=1e-8)
    np.testing.assert_array_equal(jacobian_product(steps, 2, 2), np.eye(H))


def test_one_step_jacobian_is_diag_times_W_hh_transposed():
    example = worked_example()
    trace = forward(example.params, example.X)
    steps = step_jacobians(example.params, trace)
    expected = np.diag(1 - trace.h[3] ** 2) @ example.params.W_hh.T
    np.testing.assert_allclose(steps[3], expected, rtol=1e-15)
    # the saturated .99 of step 2 lets almost nothing through
    assert np.linalg.norm(steps[1], 2) < 0.1


@pytest.mark.parametrize("problem", list(problems())[:3], ids=["worked", "r0", "r1"])
def test_immediate_partial_matches_finite_differences(problem):
    """∂⁺h_k/∂W_hh: perturb W_hh in step k only, h_{k−1} held fixed."""
    params, X, _, h0 = problem
    trace = forward(params, X, h0)
    h_all = np.vstack([trace.h0[None], trace.h])
    for k in range(1, X.shape[0] + 1):

        def h_k(W_hh, i):
            return np.tanh(X[k - 1] @ params.W_eh + h_all[k - 1] @ W_hh + params.b_h)[i]

        tensor = immediate_dh_dW_hh(trace, k)
        numeric = np.stack([numerical_gradient(lambda W: h_k(W, i), params.W_hh) for i in range(params.H)])
        np.testing.assert_allclose(tensor, numeric, atol=1e-9)
        g = np.arange(1.0, params.H + 1)  # any row vector dL/dh_k
        contracted = np.einsum("i,iab->ab", g, tensor)
        np.testing.assert_allclose(contracted, np.outer(h_all[k - 1], g * (1 - trace.h[k - 1] ** 2)))


def loss_with_late_copy(params, X, y, h0, t, first_late, W_late):
    """L_t when the steps first_late … t use W_late and the earlier steps the real W_hh."""
    h = np.zeros(params.H) if h0 is None else h0
    for s in range(1, t + 1):
        W = W_late if s >= first_late else params.W_hh
        h = np.tanh(X[s - 1] @ params.W_eh + h @ W + params.b_h)
    o = h @ params.W_hy + params.b_y
    return float(rnn_lib.log_loss_from_logit(np.atleast_1d(y), o))


@pytest.mark.parametrize("loss_on", LOSS_ON)
@pytest.mark.parametrize("problem", list(problems())[:3], ids=["worked", "r0", "r1"])
def test_truncated_gradient_is_that_of_the_last_K_copies(problem, loss_on):
    """Independent witness: keeping t − k < K is differentiating only the copies of W_hh in the
    last K steps before each scored loss, the earlier steps' copies held fixed."""
    params, X, y, h0 = problem
    T = X.shape[0]
    scored = [T] if loss_on == "last" else range(1, T + 1)
    for K in (1, 2, T - 1):
        numeric = sum(
            numerical_gradient(
                lambda W: loss_with_late_copy(params, X, y, h0, t, max(1, t - K + 1), W), params.W_hh
            )
            for t in scored
        )
        truncated = truncated_bptt_whh(params, X, y, K, h0, loss_on)
        assert rnn_lib.relative_error(truncated, numeric) < 1e-7, K


@pytest.mark.parametrize("loss_on", LOSS_ON)
def test_truncation_extremes(loss_on):
    params, X, y, h0 = random_document(5, T=7)
    terms, full = whh_gradient_terms(params, X, y, h0, loss_on)
    for K in (7, 8, 100):
        np.testing.assert_allclose(truncated_bptt_whh(params, X, y, K, h0, loss_on), full, atol=1e-14)
    immediate = sum(terms[t, t] for t in range(7))
    np.testing.assert_allclose(truncated_bptt_whh(params, X, y, 1, h0, loss_on), immediate)
    errors = truncation_errors(params, X, y, [1, 3, 7], h0, loss_on)
    expected = [
        np.linalg.norm(truncated_bptt_whh(params, X, y, K, h0, loss_on) - full) / np.linalg.norm(full)
        for K in (1, 3, 7)
    ]
    np.testing.assert_allclose(errors, expected, atol=1e-14)
    assert errors[-1] < 1e-14


def test_worked_example_truncation():
    """h_0 = 0 makes the k = 1 term zero, so K = 3 is exact; K = 1 points uphill."""
    example = worked_example()
    p, X, y = example.params, example.X, example.y
    terms, full = whh_gradient_terms(p, X, y)
    assert not np.any(terms[:, 0])
    assert truncation_errors(p, X, y, [3])[0] < 1e-15
    g_1 = truncated_bptt_whh(p, X, y, 1)
    assert np.sum(g_1 * full) < 0


def test_wrong_jacobians_are_caught(monkeypatch):
    """The finite-difference check can fail: forget the transpose, or multiply in the wrong
    order, and the sum no longer matches."""
    params, X, y, h0 = random_document(2)
    numeric = numerical_grads(params, X, y, h0).W_hh
    monkeypatch.setattr(jacobians, "_jacobians", lambda W_hh, h: (1 - h**2)[:, :, None] * W_hh[None])
    assert rnn_lib.relative_error(whh_gradient_terms(params, X, y, h0)[1], numeric) > 1e-3
    monkeypatch.undo()

    def reversed_product(steps, t, k):
        result = np.eye(steps.shape[1])
        for i in range(k + 1, t + 1):
            result = result @ steps[i - 1]
        return result

    monkeypatch.setattr(jacobians, "_product", reversed_product)
    assert rnn_lib.relative_error(whh_gradient_terms(params, X, y, h0)[1], numeric) > 1e-3


@pytest.fixture
def example():
    return worked_example()


def test_bad_input(example):
    p, X, y = example.params, example.X, example.y
    trace = forward(p, X)
    steps = step_jacobians(p, trace)
    with pytest.raises(ValueError, match=r"X has shape \(2, 4, 3\): these functions take one document"):
        whh_gradient_terms(p, np.stack([X, X]), [1, 1])
    with pytest.raises(ValueError, match=r"W_eh expects embeddings of size E = 3"):
        whh_gradient_terms(p, np.ones((4, 5)), y)
    with pytest.raises(ValueError, match=r"loss_on must be one of"):
        truncated_bptt_whh(p, X, y, 2, loss_on="every")
    with pytest.raises(ValueError, match=r"y must hold labels 0 or 1"):
        whh_gradient_terms(p, X, 3)
    with pytest.raises(TypeError, match="params must be an rnn_lib.Params"):
        step_jacobians(dict(p.items()), trace)
    with pytest.raises(TypeError, match="trace must be an rnn_lib.Trace"):
        step_jacobians(p, trace.h)
    with pytest.raises(ValueError, match=r"trace.h has shape \(2, 4, 2\): give the Trace of one document"):
        step_jacobians(p, forward(p, np.stack([X, X])))
    with pytest.raises(ValueError, match=r"t must be between 0 and 4, got 5"):
        jacobian_product(steps, 5, 1)
    with pytest.raises(ValueError, match=r"k must be between 0 and 2, got 3"):
        jacobian_product(steps, 2, 3)
    with pytest.raises(TypeError, match=r"k must be a whole number >= 0, got 1.0"):
        jacobian_product(steps, 2, 1.0)
    with pytest.raises(ValueError, match=r"jacobians must have shape \(T, H, H\)"):
        jacobian_product(np.ones((4, 2, 3)), 2, 1)
    with pytest.raises(ValueError, match=r"k must be between 1 and 4, got 0"):
        immediate_dh_dW_hh(trace, 0)
    for K, error in [(0, ValueError), (-1, ValueError), (1.5, TypeError), (True, TypeError)]:
        with pytest.raises(error, match="K must be"):
            truncated_bptt_whh(p, X, y, K)
    with pytest.raises(ValueError, match="Ks is empty"):
        truncation_errors(p, X, y, [])
    with pytest.raises(TypeError, match="Ks must be a list"):
        truncation_errors(p, X, y, 3)
    zero = p.replace(W_hy=np.zeros((2, 1)))
    with pytest.raises(ValueError, match="the true gradient dL/dW_hh is zero"):
        truncation_errors(zero, X, y, [1])


@pytest.mark.parametrize("scale", [0.5, 2.0])
def test_scaled_orthogonal_rnn_has_every_singular_value_at_the_scale(scale):
    params, X = jacobians.scaled_orthogonal_rnn(scale, T=7, E=2, H=5, seed=3)
    np.testing.assert_allclose(np.linalg.svd(params.W_hh, compute_uv=False), scale, rtol=1e-12)
    assert X.shape == (7, 2) and params.W_eh.shape == (2, 5) and params.W_hy.shape == (5, 1)
    again, X_again = jacobians.scaled_orthogonal_rnn(scale, T=7, E=2, H=5, seed=3)
    assert np.array_equal(again.W_hh, params.W_hh) and np.array_equal(X_again, X)


@pytest.mark.parametrize("kwargs, error", [({"scale": 0.0}, ValueError), ({"scale": "1"}, TypeError),
                                           ({"scale": 1.0, "T": 0}, ValueError), ({"scale": 1.0, "H": 2.5}, TypeError)])
def test_scaled_orthogonal_rnn_rejects_bad_arguments(kwargs, error):
    name = [k for k in kwargs if k != "scale"] or ["scale"]
    with pytest.raises(error, match=name[-1]):
        jacobians.scaled_orthogonal_rnn(**kwargs)
