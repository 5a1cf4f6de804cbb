"""Weight updates: gradient descent on the RNN's weights.

Explained in the chapter *Weight updates* (slides 7–9). One update is

    W ← W − η ∂L/∂W     for every weight W,

with learning rate η and the gradient from ``rnn.bptt``. With one training
document, one update is one epoch.
"""

import numbers
from dataclasses import dataclass

import numpy as np

from . import _checks
from .rnn import Params, bptt, forward


def gradient_step(params, grads, learning_rate):
    """One step of gradient descent: a new Params with W − η·dL/dW for every weight."""
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be > 0, got {learning_rate}")
    return Params(
        **{name: array - learning_rate * getattr(grads, name) for name, array in params.items()}
    )


@dataclass(frozen=True, eq=False)
class History:
    """What gradient descent did, one entry per update (entry 0 is the start).

    params: list of S + 1 Params. loss: (S + 1,) loss before each update.
    y_hat: (S + 1,) the prediction after the last sequence step, for one
    document (or (S + 1, N) for a batch).
    """

    params: list
    loss: np.ndarray
    y_hat: np.ndarray


def gradient_descent(params, X, y, learning_rate, steps, h0=None, loss_on="last"):
    """Run ``steps`` full-batch updates; return a History of the weights, losses and predictions."""
    if not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps!r}")
    history, losses = [params], []
    for _ in range(steps):
        loss, grads = bptt(params, X, y, h0, loss_on)
        losses.append(loss)
        params = gradient_step(params, grads, learning_rate)
        history.append(params)
    losses.append(bptt(params, X, y, h0, loss_on)[0])
    y_hat = np.array([forward(p, X, h0).y_hat[..., -1, 0] for p in history])
    return History(params=history, loss=np.array(losses), y_hat=y_hat)


def updates_to_reach(params, X, y, learning_rate, target, max_steps=10_000):
    """How many updates until the last-step prediction of one document first exceeds ``target``.

    X: (T, E), one document. target: a probability in [0, 1). Returns the
    number of updates, or None if ``max_steps`` updates do not get there.
    """
    _check_learning_rate(learning_rate)
    target = _check_target(target)
    return updates_needed(params, X, y, [learning_rate], [target], max_steps)[0][0]


def _check_one_document(X):
    if np.ndim(X) != 2:
        raise ValueError(
            f"X must be one document of shape (T, E), got shape {np.shape(X)}:"
            " the prediction to follow is that of a single document"
        )


def _check_count(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")


def _check_learning_rate(learning_rate):
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, numbers.Real):
        raise TypeError(f"learning_rate must be a number, got {learning_rate!r}")
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be > 0, got {learning_rate}")


def _check_target(target):
    if isinstance(target, bool) or not isinstance(target, numbers.Real):
        raise TypeError(f"target must be a number, got {target!r}")
    if not 0 <= target < 1:
        raise ValueError(f"target must be a probability in [0, 1), got {target}")
    return float(target)


def _check_targets(targets):
    targets = _checks.as_float_array(targets, "targets", ndims=(1,))
    if targets.size == 0 or np.any((targets < 0) | (targets >= 1)):
        raise ValueError(
            f"targets must be one or more probabilities in [0, 1), got {targets.tolist()}"
        )
    return targets


def _check_learning_rates(learning_rates):
    rates = _checks.as_float_array(learning_rates, "learning_rates", ndims=(1,))
    if rates.size == 0 or np.any(rates <= 0):
        raise ValueError(
            f"learning_rates must be one or more numbers > 0, got {rates.tolist()}"
        )
    return rates


def updates_needed(params, X, y, learning_rates, targets, max_steps=10_000):
    """For each learning rate, how many updates it takes the prediction to pass each target.

    The table of the chapter *Weight updates*: slides 8 and 9 pretend that one
    update gives 0.78 and a second 0.98; this counts the real updates.
    X: (T, E), one document; y: its label. learning_rates: (R,) values of η > 0.
    targets: (K,) probabilities in [0, 1). Returns a list of R tuples of K
    entries: the first update count after which the last-step prediction
    exceeds the target (0 if it already does), or None if ``max_steps``
    updates do not get there.
    """
    _check_one_document(X)
    rates = _check_learning_rates(learning_rates)
    targets = _check_targets(targets)
    _check_count(max_steps, "max_steps")
    table = []
    for learning_rate in rates:
        found = [None] * len(targets)
        current = params
        for step in range(max_steps + 1):
            y_hat = forward(current, X).y_hat[-1, 0]
            for k, target in enumerate(targets):
                if found[k] is None and y_hat > target:
                    found[k] = step
            if None not in found or step == max_steps:
                break
            current = gradient_step(current, bptt(current, X, y)[1], learning_rate)
        table.append(tuple(found))
    return table


def learning_rate_to_reach(params, X, y, target, steps=1, max_learning_rate=1e6, tol=1e-12):
    """The learning rate η at which ``steps`` updates bring one document's prediction to ``target``.

    Answers "which η would make a *real* update give the slides' 0.78?" (chapter
    *Weight updates*). X: (T, E), one document; target: a probability above the
    current prediction and below 1; steps: how many updates, ≥ 1. Finds η by
    bisection of η ↦ ŷ after ``steps`` updates between 0 and the first power of
    two whose prediction exceeds ``target``; if that function is not monotone,
    the η returned is one crossing, not necessarily the smallest. Returns a float.
    """
    _check_one_document(X)
    target = _check_target(target)
    _check_count(steps, "steps")
    if steps == 0:
        raise ValueError("steps must be at least 1: zero updates do not depend on η")
    start = forward(params, X).y_hat[-1, 0]
    if start >= target:
        raise ValueError(
            f"the prediction is already {start:.6g} >= target {target}: no update is needed"
        )

    def prediction(learning_rate):
        return gradient_descent(params, X, y, learning_rate, steps).y_hat[-1]

    low, high = 0.0, 1.0
    while prediction(high) <= target:
        low, high = high, 2.0 * high
        if high > max_learning_rate:
            raise ValueError(
                f"no learning rate up to max_learning_rate = {max_learning_rate:g} brings the"
                f" prediction past {target} in {steps} update(s)"
            )
    while high - low > tol * high:
        middle = 0.5 * (low + high)
        if prediction(middle) <= target:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)
