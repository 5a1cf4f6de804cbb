"""Weight updates: gradient descent on the RNN's weights.

Explained in the chapter *Weight updates* (slides 7–9). One update is

    W ← W − η ∂L/∂W     for every weight W,

with learning rate η and the gradient from ``rnn.bptt``. With one training
document, one update is one epoch.
"""

from dataclasses import dataclass

import numpy as np

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

    Returns the number of updates, or None if ``max_steps`` updates do not get there.
    """
    for step in range(max_steps + 1):
        if forward(params, X).y_hat[-1, 0] > target:
            return step
        params = gradient_step(params, bptt(params, X, y)[1], learning_rate)
    return None
