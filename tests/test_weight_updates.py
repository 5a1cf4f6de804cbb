"""The helpers of the chapter *Weight updates*: counting updates, solving for η, the figures."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from rnn_book import figures
from rnn_lib import (
    Params,
    bptt,
    forward,
    gradient_descent,
    learning_rate_to_reach,
    updates_needed,
    updates_to_reach,
    worked_example,
)


@pytest.fixture(scope="module")
def example():
    return worked_example()


def predictions_by_hand(params, X, y, learning_rate, steps):
    """ŷ_T after 0 … steps updates, written out without rnn_lib's training code."""
    out = [forward(params, X).y_hat[-1, 0]]
    for _ in range(steps):
        _, grads = bptt(params, X, y)
        params = Params(
            **{name: array - learning_rate * getattr(grads, name) for name, array in params.items()}
        )
        out.append(forward(params, X).y_hat[-1, 0])
    return np.array(out)


@pytest.mark.parametrize("learning_rate", [0.1, 0.5, 2.0])
def test_updates_needed_is_the_first_crossing(example, learning_rate):
    y_hat = predictions_by_hand(example.params, example.X, example.y, learning_rate, 200)
    [(to_78, to_98)] = updates_needed(
        example.params, example.X, example.y, [learning_rate], [0.78, 0.98]
    )
    for target, count in [(0.78, to_78), (0.98, to_98)]:
        assert y_hat[count] > target
        assert np.all(y_hat[:count] <= target)


def test_updates_needed_has_one_row_per_rate_and_agrees_with_updates_to_reach(example):
    rates, targets = [0.1, 1.0, 5.0], [0.6, 0.78, 0.98]
    table = updates_needed(example.params, example.X, example.y, rates, targets)
    assert len(table) == 3 and all(len(row) == 3 for row in table)
    for rate, row in zip(rates, table):
        for target, count in zip(targets, row):
            assert updates_to_reach(example.params, example.X, example.y, rate, target) == count
    # a larger step never needs more updates on this document
    assert all(a >= b for a, b in zip(table[0], table[1]))


def test_updates_needed_zero_and_none(example):
    [(already, never)] = updates_needed(
        example.params, example.X, example.y, [1e-3], [0.4, 0.98], max_steps=3
    )
    assert already == 0  # ŷ = 0.5 already exceeds 0.4
    assert never is None  # three tiny steps do not reach 0.98


@pytest.mark.parametrize("target, steps", [(0.78, 1), (0.98, 2), (0.9, 3)])
def test_learning_rate_to_reach_hits_the_target(example, target, steps):
    eta = learning_rate_to_reach(example.params, example.X, example.y, target, steps=steps)
    y_hat = predictions_by_hand(example.params, example.X, example.y, eta, steps)
    assert y_hat[-1] == pytest.approx(target, abs=1e-9)
    slower = predictions_by_hand(example.params, example.X, example.y, 0.9 * eta, steps)
    assert slower[-1] < target


def test_slides_pair_is_not_one_learning_rate(example):
    """No single η gives 0.78 after one update and 0.98 after two (the chapter's claim)."""
    eta = learning_rate_to_reach(example.params, example.X, example.y, 0.78, steps=1)
    second = gradient_descent(example.params, example.X, example.y, eta, 2).y_hat[2]
    assert second < 0.95


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"learning_rates": []}, ValueError, r"learning_rates must be one or more numbers > 0"),
        ({"learning_rates": [1, -1]}, ValueError, r"learning_rates must be .* > 0, got \[1.0, -1.0\]"),
        ({"learning_rates": ["a"]}, TypeError, r"learning_rates must be numeric"),
        ({"targets": [0.78, 1.0]}, ValueError, r"targets must be one or more probabilities in \[0, 1\)"),
        ({"targets": [[0.78]]}, ValueError, r"targets must have 1 dimensions"),
        ({"max_steps": -1}, ValueError, r"max_steps must be a whole number >= 0, got -1"),
        ({"max_steps": 2.5}, TypeError, r"max_steps must be a whole number >= 0, got 2.5"),
    ],
)
def test_updates_needed_bad_input(example, kwargs, error, message):
    arguments = {"learning_rates": [1.0], "targets": [0.78], **kwargs}
    with pytest.raises(error, match=message):
        updates_needed(example.params, example.X, example.y, **arguments)


def test_a_batch_is_refused(example):
    batch = np.stack([example.X, example.X])
    with pytest.raises(ValueError, match=r"X must be one document of shape \(T, E\), got shape \(2, 4, 3\)"):
        updates_needed(example.params, batch, [1, 1], [1.0], [0.78])
    with pytest.raises(ValueError, match=r"X must be one document"):
        learning_rate_to_reach(example.params, batch, [1, 1], 0.78)


@pytest.mark.parametrize(
    "learning_rate, target, error, message",
    [
        (0, 0.78, ValueError, r"learning_rate must be a finite number > 0, got 0"),
        (np.inf, 0.78, ValueError, r"learning_rate must be a finite number > 0, got inf"),
        ("fast", 0.78, TypeError, r"learning_rate must be a number"),
        (1.0, 1.2, ValueError, r"target must be a finite number in \[0, 1\), got 1.2"),
        (1.0, None, TypeError, r"target must be a number"),
    ],
)
def test_updates_to_reach_bad_input(example, learning_rate, target, error, message):
    with pytest.raises(error, match=message):
        updates_to_reach(example.params, example.X, example.y, learning_rate, target)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"target": 0.4}, r"the prediction is already 0.5 >= target 0.4"),
        ({"target": 0.78, "steps": 0}, r"steps must be a whole number >= 1, got 0"),
        ({"target": 1.0}, r"target must be a finite number in \[0, 1\)"),
        ({"target": 0.999, "max_learning_rate": 0.5}, r"no learning rate up to max_learning_rate = 0.5"),
    ],
)
def test_learning_rate_to_reach_bad_input(example, kwargs, message):
    with pytest.raises(ValueError, match=message):
        learning_rate_to_reach(example.params, example.X, example.y, **kwargs)


def test_figures(example):
    histories = {
        rate: gradient_descent(example.params, example.X, example.y, rate, 5) for rate in (0.5, 2.0)
    }
    figure = figures.loss_curves(histories, base=10, pretend=[0.301, 0.108, 0.008])
    ax = figure.axes[0]
    assert ax.get_yscale() == "log" and "log base 10" in ax.get_ylabel()
    np.testing.assert_allclose(ax.lines[0].get_ydata(), histories[0.5].loss / np.log(10))
    figure = figures.prediction_curves(histories, {"0.78 (slide 8)": 0.78}, pretend=[0.5, 0.78])
    labels = [tick.get_text() for tick in figure.axes[1].get_yticklabels()]
    assert labels == ["0.78 (slide 8)"]
    figure = figures.weight_path(histories, pretend=[[1, -2], [1, -3]])
    np.testing.assert_allclose(
        figure.axes[0].lines[1].get_xydata()[-1], histories[2.0].params[-1].W_hy[:, 0]
    )
    plt.close("all")


def test_weight_path_needs_two_hidden_units():
    params = Params(W_eh=np.ones((3, 3)), W_hh=np.eye(3), W_hy=np.ones((3, 1)))
    history = gradient_descent(params, np.ones((2, 3)), 1, 0.1, 1)
    with pytest.raises(ValueError, match=r"weight_path draws W_hy of shape \(2, 1\), got \(3, 1\)"):
        figures.weight_path({0.1: history})
    plt.close("all")
