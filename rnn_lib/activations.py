"""Squashing functions and their derivatives.

The forward-pass chapter squashes the proposed hidden state with ``tanh``; the
vanishing-gradient chapter uses the sigmoid of slide 11. Each derivative takes
the *input* x, so ``sigmoid_prime(x)`` is σ'(x) = σ(x)(1 − σ(x)).
All functions work elementwise on arrays of any shape.
"""

import numpy as np

from .checks import as_numbers


def sigmoid(x):
    """σ(x) = 1 / (1 + e^(−x)), computed without overflow for any finite x.

    For x < 0 the textbook form would evaluate e^(−x), which overflows for
    x < −709; the equivalent e^x / (1 + e^x) does not.
    """
    x = as_numbers(x, "x")
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(x):
    """σ'(x) = σ(x)(1 − σ(x)); never larger than 1/4, reached at x = 0."""
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x):
    """tanh(x) = 2σ(2x) − 1, the squashing of the forward pass."""
    return np.tanh(as_numbers(x, "x"))


def tanh_prime(x):
    """tanh'(x) = 1 − tanh(x)²; never larger than 1, reached at x = 0."""
    t = np.tanh(as_numbers(x, "x"))
    return 1.0 - t * t


def softplus(x):
    """log(1 + e^x) without overflow: the loss of a logit, see ``loss.log_loss_from_logit``."""
    x = as_numbers(x, "x")
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))
