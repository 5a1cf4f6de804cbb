import numpy as np
import pytest

from rnn_lib import bptt, forward, gradient_descent, gradient_step, gru, lstm, updates_to_reach, worked_example
from rnn_lib.train import learning_rate_to_reach, updates_needed


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


@pytest.mark.parametrize("module", [gru, lstm], ids=["gru", "lstm"])
def test_update_counts_and_learning_rates_work_for_any_cell(example, module):
    """Through the cell interface, like gradient_descent: here a GRU and an LSTM."""
    cell, X, y = module.init_params(3, 2, seed=1), example.X, example.y
    steps = updates_to_reach(cell, X, y, 0.5, 0.6)
    history = gradient_descent(cell, X, y, 0.5, steps)
    assert history.y_hat[-1] > 0.6 and np.all(history.y_hat[:-1] <= 0.6)
    assert updates_needed(cell, X, y, [0.5], [0.6]) == [(steps,)]
    for target, updates in ((0.6, 1), (0.78, 2)):
        eta = learning_rate_to_reach(cell, X, y, target, steps=updates)
        assert gradient_descent(cell, X, y, eta, updates).y_hat[-1] == pytest.approx(target, abs=1e-9)


def test_learning_rate_to_reach_never_exceeds_max_learning_rate(example):
    X, y = example.X, example.y
    eta = learning_rate_to_reach(example.params, X, y, 0.78)  # about 0.44
    assert learning_rate_to_reach(example.params, X, y, 0.78, max_learning_rate=0.45) == pytest.approx(eta)
    with pytest.raises(ValueError, match=r"no learning rate up to max_learning_rate = 0.001 brings the prediction"):
        learning_rate_to_reach(example.params, X, y, 0.78, max_learning_rate=0.001)
    # the cap itself is tried, not only the powers of two below it: η ≈ 1.16 is found under a cap of 1.5
    cell = gru.init_params(3, 2, seed=1)
    assert 1 < learning_rate_to_reach(cell, X, y, 0.78, steps=2, max_learning_rate=1.5) <= 1.5


@pytest.mark.parametrize("learning_rate", [0, -1])
def test_learning_rate_must_be_positive(example, learning_rate):
    _, grads = bptt(example.params, example.X, example.y)
    with pytest.raises(ValueError, match="learning_rate must be a finite number > 0"):
        gradient_step(example.params, grads, learning_rate)
