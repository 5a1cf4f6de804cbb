"""rnn_lib.analysis.vanishing: products of one-step derivatives, checked against finite differences."""

import numpy as np
import pytest

from rnn_lib import numerical_gradient, sigmoid, sigmoid_prime, tanh
from rnn_lib.analysis import vanishing as v


def h_after(w, h_start, n, activation):
    """h_{t+n} as a function of h_t = h_start, by running the RNN: the finite-difference witness."""
    f = sigmoid if activation == "sigmoid" else tanh
    h = h_start
    for _ in range(n):
        h = f(w * h)
    return float(h)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
@pytest.mark.parametrize("w", [-9.0, -3.0, -0.7, 0.5, 2.0, 6.0])
@pytest.mark.parametrize("h_start", [0.05, 0.3, 0.5, 0.9])
def test_gradient_product_matches_finite_differences(activation, w, h_start):
    products = v.scalar_gradient_product(w, h_start, 6, activation)
    for n in range(7):
        numeric = numerical_gradient(lambda x: h_after(w, x, n, activation), np.array(h_start), eps=1e-6)
        assert products[n] == pytest.approx(float(numeric), rel=1e-5, abs=1e-9)


def test_product_is_slide_11s_formula():
    w, h0, n = -7.0, 0.3, 5
    h = v.scalar_rnn_states(w, h0, n)
    # slide 11: w^(t'−t) · Π_{k=1}^{t'−t} σ′(w h_{t'−k}) with t = 0, t' = n
    slide = w**n * np.prod([sigmoid_prime(w * h[n - k]) for k in range(1, n + 1)])
    assert v.scalar_gradient_product(w, h0, n)[n] == pytest.approx(slide, rel=1e-12)


def test_states_follow_the_recurrence_and_broadcast():
    w = np.array([[-2.0], [3.0]])
    h0 = np.array([0.1, 0.6, 0.9])
    h = v.scalar_rnn_states(w, h0, 4)
    assert h.shape == (5, 2, 3)
    np.testing.assert_array_equal(h[0], np.broadcast_to(h0, (2, 3)))
    np.testing.assert_allclose(h[1:], sigmoid(w * h[:-1]))
    factors = v.scalar_step_factors(w, h0, 4)
    np.testing.assert_allclose(factors, w * h[1:] * (1 - h[1:]))  # w σ'(w h_{t−1}) = w h_t (1 − h_t)


@pytest.mark.parametrize("activation, gamma", [("sigmoid", 0.25), ("tanh", 1.0)])
def test_bound_holds_over_a_grid(activation, gamma):
    W, H0 = np.meshgrid(np.linspace(-20, 20, 81), np.linspace(-1, 1, 41), indexing="ij")
    products = np.abs(v.scalar_gradient_product(W, H0, 30, activation))
    bound = v.gradient_bound(W, 30, activation)
    assert np.all(products <= bound * (1 + 1e-12))
    assert bound[1] == pytest.approx(np.abs(W) * gamma)


def test_bound_is_reached_where_the_derivative_peaks():
    # tanh at h = 0 stays at 0, where tanh′ = 1: the product is exactly w^n (slide 11's "!!!")
    np.testing.assert_allclose(v.scalar_gradient_product(1.5, 0.0, 10, "tanh"), 1.5 ** np.arange(11))
    # the sigmoid reaches |w|/4 only at w·h = 0, i.e. for the first step from h = 0
    assert v.scalar_gradient_product(8.0, 0.0, 1)[1] == pytest.approx(2.0)


def test_tanh_is_a_rescaled_and_shifted_sigmoid_rnn():
    # g = (h + 1)/2 turns h_t = tanh(w h_{t−1}) into g_t = σ(4w g_{t−1} − 2w)
    w, h = 1.7, v.scalar_rnn_states(1.7, -0.4, 12, "tanh")
    g = (h + 1) / 2
    np.testing.assert_allclose(g[1:], sigmoid(4 * w * g[:-1] - 2 * w), atol=1e-15)


def test_magnitudes_agree_with_the_product_and_do_not_warn():
    W, H0 = np.meshgrid([-12.0, -3.0, 0.0, 5.0], [0.2, 0.7], indexing="ij")
    products = v.scalar_gradient_product(W, H0, 20)
    with np.errstate(all="raise"):
        magnitudes = v.gradient_magnitudes(W, H0, [1, 5, 20])
    np.testing.assert_allclose(magnitudes, np.abs(products[[1, 5, 20]]), rtol=1e-10)
    settled = v.gradient_magnitudes(-3.0, 0.2, [4], start=10)
    assert settled[0] == pytest.approx(abs(products[14, 1, 0] / products[10, 1, 0]))


def test_largest_gradients_finds_the_maximum():
    W, H0 = np.meshgrid(np.linspace(-20, 20, 41), np.linspace(0.05, 0.95, 19), indexing="ij")
    rows = v.largest_gradients(W, H0, [1, 3])
    for n, largest, w, h0 in rows:
        assert largest == pytest.approx(abs(v.scalar_gradient_product(w, h0, n)[n]))
        assert largest >= np.abs(v.scalar_gradient_product(W, H0, n)[n]).max() * (1 - 1e-12)
    # at n = 1 the winner is the steepest first step: |w| = 20 from the smallest h0
    assert rows[0][0] == 1 and abs(rows[0][2]) == 20 and rows[0][3] == pytest.approx(0.05)
    assert rows[0][1] == pytest.approx(20 * sigmoid_prime(1.0))


def test_largest_gradients_reads_an_iterator_once():
    W, H0 = np.meshgrid(np.linspace(-5, 5, 11), np.linspace(0.1, 0.9, 5), indexing="ij")
    expected = v.largest_gradients(W, H0, [1, 3])
    assert len(expected) == 2
    assert v.largest_gradients(W, H0, iter([1, 3])) == expected
    assert v.largest_gradients(W, H0, (n for n in (1, 3))) == expected


@pytest.mark.parametrize("w", [-20.0, -8.0, -5.0, -1.0, 0.0, 0.5, 3.0, 12.0])
def test_fixed_point_is_fixed_and_where_the_chapter_says(w):
    h = v.fixed_point(w)
    assert sigmoid(w * h) == pytest.approx(h, abs=1e-14)
    assert (0.5 < h < 1) if w > 0 else (0 < h < 0.5) if w < 0 else h == 0.5
    assert v.fixed_point_factor(w) == pytest.approx(w * sigmoid_prime(w * h), abs=1e-14)


def test_period_doubling_weight():
    w_c = v.period_doubling_weight()
    assert -5.9 < w_c < -5.85
    assert v.fixed_point_factor(w_c) == pytest.approx(-1.0, abs=1e-9)
    assert abs(v.fixed_point_factor(w_c + 0.05)) < 1 < abs(v.fixed_point_factor(w_c - 0.05))


def test_long_run_factor():
    # stable fixed point: the settled factor is the fixed point's |w σ'(w h*)|
    for w in [-5.0, -1.0, 2.0, 4.0]:
        assert v.long_run_factor(w) == pytest.approx(abs(v.fixed_point_factor(w)), rel=1e-9)
    # tanh with |w| < 1 settles at h = 0, where the factor is |w|
    assert v.long_run_factor(0.9, 0.3, "tanh") == pytest.approx(0.9, rel=1e-9)
    # below w_c the fixed point is unstable, but the period-2 orbit still contracts
    assert abs(v.fixed_point_factor(-10.0)) > 1 > v.long_run_factor(-10.0, 0.3)
    factors = v.long_run_factor(np.array([-10.0, 3.0]), 0.3)
    assert factors.shape == (2,)


def test_after_one_step_a_positive_weight_always_contracts():
    # for w > 0 every h_t with t ≥ 1 is above 1/2, so w σ′(w h_t) ≤ w σ′(w/2) ≤ 0.448
    W, H0 = np.meshgrid(np.linspace(0.1, 40, 400), np.linspace(0, 1, 21), indexing="ij")
    assert np.abs(v.scalar_step_factors(W, H0, 30)[1:]).max() < 0.448


# ---------------------------------------------------------------- the matrix RNN


def test_scale_to_spectral_radius():
    W = np.random.default_rng(3).normal(size=(6, 6))
    for rho in [0.5, 1.0, 3.0]:
        assert v.spectral_radius(v.scale_to_spectral_radius(W, rho)) == pytest.approx(rho)


def test_jacobian_chain_matches_finite_differences():
    rng = np.random.default_rng(7)
    H, n = 4, 5
    W_hh = v.scale_to_spectral_radius(rng.normal(size=(H, H)), 1.3)
    drive = rng.normal(size=(n, H))
    h_t = rng.normal(size=H) * 0.5
    h = v.tanh_rnn_states(W_hh, h_t, n, drive)
    chain = v.jacobian_chain(W_hh, h)
    assert chain.shape == (n + 1, H, H)
    for m in range(1, n + 1):
        numeric = np.array(
            [numerical_gradient(lambda x: v.tanh_rnn_states(W_hh, x, m, drive[:m])[-1, a], h_t)
             for a in range(H)]
        )  # row a = ∂h_{t+m}[a]/∂h_t
        np.testing.assert_allclose(chain[m], numeric, rtol=1e-6, atol=1e-9)


def test_linear_chain_is_powers_and_norms_follow():
    W = np.array([[0.5, 2.0], [0.0, 0.9]])
    chain = v.jacobian_chain(W, distance=4)
    for n in range(5):
        np.testing.assert_allclose(chain[n], np.linalg.matrix_power(W.T, n))
    norms = v.jacobian_product_norms(W, distance=4)
    np.testing.assert_allclose(norms, [np.linalg.norm(c, 2) for c in chain])
    assert norms[0] == 1.0


def test_saturation_never_increases_the_one_step_norm():
    rng = np.random.default_rng(0)
    W = v.scale_to_spectral_radius(rng.normal(size=(8, 8)), 3.0)
    h = v.tanh_rnn_states(W, rng.normal(size=8), 1)
    assert v.jacobian_product_norms(W, h)[1] <= np.linalg.norm(W, 2)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: v.scalar_gradient_product(2.0, 0.5, 3, "relu"), ValueError, r"activation must be one of"),
        (lambda: v.scalar_gradient_product(np.nan, 0.5, 3), ValueError, r"w must be finite"),
        (lambda: v.scalar_gradient_product(2.0, "h", 3), TypeError, r"h0 must be numeric"),
        (lambda: v.scalar_gradient_product(2.0, 0.5, -1), ValueError, r"distance must be a whole number >= 0, got -1"),
        (lambda: v.scalar_gradient_product(2.0, 0.5, 2.5), TypeError, r"distance must be a whole number"),
        (lambda: v.scalar_rnn_states([1.0, 2.0], [0.1, 0.2, 0.3], 3), ValueError, r"do not broadcast"),
        (lambda: v.gradient_magnitudes(2.0, 0.5, [0, 3]), ValueError,
         r"each distance must be a whole number >= 1, got 0"),
        (lambda: v.gradient_magnitudes(2.0, 0.5, []), ValueError, r"distances is empty"),
        (lambda: v.gradient_magnitudes(2.0, 0.5, 3), TypeError, r"distances must be a list"),
        (lambda: v.largest_gradients(2.0, 0.5, iter([])), ValueError, r"distances is empty"),
        (lambda: v.largest_gradients(2.0, 0.5, iter([2, 1.5])), TypeError, r"each distance must be a whole number"),
        (lambda: v.long_run_factor(2.0, steps=0), ValueError, r"steps must be a whole number >= 1, got 0"),
        (lambda: v.scale_to_spectral_radius(np.ones((2, 3)), 1.0), ValueError, r"W must be a square"),
        (lambda: v.scale_to_spectral_radius(np.eye(2), -1.0), ValueError, r"rho must be a finite number > 0"),
        (lambda: v.scale_to_spectral_radius(np.zeros((2, 2)), 1.0), ValueError, r"spectral radius 0"),
        (lambda: v.tanh_rnn_states(np.eye(2), np.zeros(3), 4), ValueError, r"h0 has shape \(3,\)"),
        (lambda: v.tanh_rnn_states(np.eye(2), np.zeros(2), 4, np.zeros((3, 2))), ValueError, r"drive has shape"),
        (lambda: v.jacobian_chain(np.eye(2)), ValueError, r"give the states h"),
        (lambda: v.jacobian_chain(np.eye(2), np.zeros((3, 4))), ValueError, r"h has shape \(3, 4\)"),
        (lambda: v.jacobian_chain(np.eye(2), np.zeros((3, 2)), 5), ValueError, r"distance = 5 but h holds 3"),
    ],
)
def test_bad_input_names_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_long_run_factor_survives_underflow():
    # w = 20: about 4e−8 per step, far below the smallest float after 200 steps
    assert v.long_run_factor(20.0) == pytest.approx(abs(v.fixed_point_factor(20.0)), rel=1e-6)


def test_long_run_factor_converges_near_w_c():
    """At w_c the settled factor is exactly 1; a fixed burn-in of 1000 steps gave 0.9987."""
    w_c = v.period_doubling_weight()
    assert v.long_run_factor(w_c, 0.3) == pytest.approx(1.0, abs=1e-4)
    assert v.long_run_factor(w_c, 0.3, burn_in=1000) < 0.999  # why the default is adaptive
    assert v.long_run_factor(1.0, 0.3, "tanh") == pytest.approx(1.0, abs=1e-4)
    for w in (w_c + 0.01, w_c + 0.5, 3.0):  # above w_c: the factor at the fixed point
        assert v.long_run_factor(w, 0.3) == pytest.approx(abs(v.fixed_point_factor(w)), rel=1e-5)
    with pytest.raises(ValueError, match=r"tol must be a finite number in \(0, 1\)"):
        v.long_run_factor(w_c, tol=0)
