"""Hidden tests of the exercises of *Vanishing and exploding gradients*."""

import numpy as np

import rnn_lib
from grading.cases import case, close
from rnn_lib.analysis import vanishing

#: The cores of the scalar RNN (its states, its one-step factors, their logarithms), and of the
#: tanh RNN and its Jacobian products, which give the sigmoid's through σ(x) = (1 + tanh(x/2))/2.
SCALAR = ("rnn_lib.analysis.vanishing:_states", "rnn_lib.analysis.vanishing:_factors",
          "rnn_lib.analysis.vanishing:_log_magnitudes",
          "rnn_lib.analysis.vanishing:tanh_rnn_states", "rnn_lib.analysis.vanishing:jacobian_chain")


#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL = {"ex-vanishing-bias": 1}


def run(w, b, h0, n):
    """The states h_0 … h_n of h_k = σ(w·h_{k−1} + b), computed here."""
    states = [h0]
    for _ in range(n):
        states.append(float(rnn_lib.sigmoid(w * states[-1] + b)))
    return states


def product(w, b, h0, n):
    return float(np.prod([w * rnn_lib.sigmoid_prime(w * h + b) for h in run(w, b, h0, n)[:-1]]))


def fd_close(got, numeric):
    return close(got, numeric, rtol=1e-5, atol=1e-9)


def draws(rng, size):
    return zip(rng.uniform(-10, 10, size=size), rng.uniform(0.05, 0.95, size=size), rng.integers(1, 9, size=size))


@case("ex-vanishing-product")
def agrees_with_finite_differences(gradient_product, rng):
    """gradient_product agrees with finite differences of h_n, for several w, h_0 and n."""
    for w, h0, n in draws(rng, 6):
        h_n = lambda x: vanishing.scalar_rnn_states(w, x, int(n))[int(n)]  # noqa: E731
        assert fd_close(gradient_product(float(w), float(h0), int(n)), rnn_lib.numerical_gradient(h_n, h0))


@case("ex-vanishing-product")
def matches_rnn_lib_to_rounding(gradient_product, rng):
    """gradient_product matches rnn_lib.analysis.vanishing to rounding, for distances 0 to 20."""
    for w, h0, _ in draws(rng, 3):
        products = vanishing.scalar_gradient_product(w, h0, 20)
        for n in (0, 1, int(rng.integers(2, 20)), 20):
            assert close(gradient_product(float(w), float(h0), n), products[n], rtol=1e-10, atol=0), (w, h0, n)


@case("ex-vanishing-product", refuse=SCALAR)
def multiplies_the_factors_itself(gradient_product, rng):
    """gradient_product multiplies the factors itself, with rnn_lib.sigmoid and sigmoid_prime only."""
    w, h0, n = float(rng.uniform(-8, 8)), float(rng.uniform(0.05, 0.95)), int(rng.integers(3, 9))
    expected = vanishing.scalar_gradient_product(w, h0, n)[n]
    assert close(gradient_product(w, h0, n), expected, rtol=1e-10, atol=0)


@case("ex-vanishing-bias")
def agrees_with_finite_differences_with_a_bias(biased_gradient_product, rng):
    """biased_gradient_product agrees with finite differences of h_10, for several w and b."""
    for w, b, h0 in zip(rng.uniform(-8, 8, 3), rng.uniform(-3, 3, 3), rng.uniform(0.05, 0.95, 3)):
        numeric = rnn_lib.numerical_gradient(lambda x: run(w, b, x, 10)[-1], h0)
        assert fd_close(biased_gradient_product(float(w), float(b), float(h0), 10), numeric), (w, b)


@case("ex-vanishing-bias")
def multiplies_w_over_4_at_the_fixed_point(biased_gradient_product, rng):
    """With b = −w/2, h = 0.5 is a fixed point, and every factor is w/4."""
    w, n = float(rng.uniform(1, 6)), int(rng.integers(2, 40))
    assert close(biased_gradient_product(w, -w / 2, 0.5, n), (w / 4) ** n, rtol=1e-9, atol=0)
    h0 = float(rng.uniform(0.05, 0.95))
    b = float(rng.uniform(-3, 3))
    assert close(biased_gradient_product(w, b, h0, n), product(w, b, h0, n), rtol=1e-9, atol=1e-300)


@case("ex-vanishing-bias")
def is_slide_11s_product_without_a_bias(biased_gradient_product, rng):
    """With b = 0, biased_gradient_product is slide 11's product."""
    for w, h0, _ in draws(rng, 3):
        unbiased = vanishing.scalar_gradient_product(w, h0, 12)[12]
        assert close(biased_gradient_product(float(w), 0.0, float(h0), 12), unbiased, rtol=1e-10, atol=0), w
