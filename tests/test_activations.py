import numpy as np
import pytest

from rnn_lib import numerical_gradient, sigmoid, sigmoid_prime, tanh, tanh_prime

xs = np.linspace(-8, 8, 41)


@pytest.mark.parametrize("f, f_prime", [(sigmoid, sigmoid_prime), (tanh, tanh_prime)])
def test_derivatives_match_finite_differences(f, f_prime):
    for x in xs:
        numeric = numerical_gradient(lambda v: float(f(v)), np.array(x))
        assert f_prime(x) == pytest.approx(numeric, rel=1e-6, abs=1e-9)


def test_bounds_of_the_derivatives():
    grid = np.linspace(-50, 50, 100001)
    assert sigmoid_prime(grid).max() == pytest.approx(0.25)
    assert tanh_prime(grid).max() == pytest.approx(1.0)
    assert sigmoid_prime(0.0) == 0.25


def test_tanh_is_a_rescaled_sigmoid():
    np.testing.assert_allclose(tanh(xs), 2 * sigmoid(2 * xs) - 1, atol=1e-15)


def test_sigmoid_does_not_overflow():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        values = sigmoid(np.array([-1000.0, -745.0, 0.0, 745.0, 1000.0]))
    np.testing.assert_allclose(values, [0.0, 0.0, 0.5, 1.0, 1.0], rtol=0, atol=1e-300)
