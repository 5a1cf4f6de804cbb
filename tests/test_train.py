import numpy as np
import pytest

from rnn_lib import bptt, forward, gradient_descent, gradient_step, updates_to_reach, worked_example


@pytest.fixture(scope="module")
def example():
    return worked_example()


def test_one_step_is_w_minus_lr_grad(example):
    _, grads = bptt(example.params, example.X, example.y)
    new = gradient_step(example.params, grads, 0.5)
    for name, array in example.params.items():
        np.testing.assert_array_equal(getattr(new, name), array - 0.5 * getattr(grads, name))


def test_gradient_descent_lowers_the_loss(example):
    history = gradient_descent(example.params, example.X, example.y, learning_rate=0.5, steps=30)
    assert len(history.params) == 31 and history.loss.shape == (31,)
    assert np.all(np.diff(history.loss) < 0)
    assert history.y_hat[0] == pytest.approx(0.5)
    assert history.y_hat[-1] == pytest.approx(forward(history.params[-1], example.X).y_hat[-1, 0])


def test_updates_to_reach_is_the_first_crossing(example):
    steps = updates_to_reach(example.params, example.X, example.y, 0.5, 0.78)
    history = gradient_descent(example.params, example.X, example.y, 0.5, steps)
    assert history.y_hat[-1] > 0.78
    assert np.all(history.y_hat[:-1] <= 0.78)
    assert updates_to_reach(example.params, example.X, example.y, 1e-6, 0.98, max_steps=5) is None


@pytest.mark.parametrize("learning_rate", [0, -1])
def test_learning_rate_must_be_positive(example, learning_rate):
    _, grads = bptt(example.params, example.X, example.y)
    with pytest.raises(ValueError, match="learning_rate must be a finite number > 0"):
        gradient_step(example.params, grads, learning_rate)
