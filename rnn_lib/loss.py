"""Binary cross-entropy (log loss), in any logarithm base.

Explained in the chapter *Log loss* (slides 6–7). With N predictions p_i of
labels y_i,

    L = −1/N Σ_i [ y_i log p_i + (1 − y_i) log(1 − p_i) ].

The slides use log base 10; every framework uses the natural log. The base
only divides the loss, and so every gradient, by ln(base).
"""

import math

import numpy as np

from . import checks
from .activations import softplus

#: Each log term is clamped at this value (natural log), as PyTorch's ``BCELoss``
#: does, so that a confident wrong prediction costs a large finite loss, not inf.
LOG_FLOOR = -100.0


def _labels_and_values(y, values, values_name):
    y = checks.as_float_array(y, "y", ndims=(0, 1, 2))
    values = checks.as_float_array(values, values_name, ndims=(0, 1, 2))
    if y.shape != values.shape:
        raise ValueError(
            f"y has shape {y.shape} but {values_name} has shape {values.shape}:"
            f" give one label per {'probability' if values_name == 'p' else 'logit'}"
        )
    if y.size == 0:
        raise ValueError("y is empty: the loss needs at least one label")
    checks.check_binary_labels(y)
    return y, values


def log_loss(y, p, base=math.e):
    """Mean binary cross-entropy of probabilities ``p`` for labels ``y``.

    y, p: arrays of the same shape (a scalar, (N,) or (N, Y)); y in {0, 1},
    p in [0, 1]. base: the logarithm's base (slides: 10; frameworks: e).
    Returns a float. Finite even at p = 0 or p = 1 (see ``LOG_FLOOR``).
    """
    checks.check_log_base(base)
    y, p = _labels_and_values(y, p, "p")
    checks.check_probabilities(p)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), LOG_FLOOR)
        log_1mp = np.maximum(np.log1p(-p), LOG_FLOOR)
    nats = -np.mean(y * log_p + (1.0 - y) * log_1mp)
    return float(nats / math.log(base))


def bce_with_logits(y, o):
    """Elementwise natural-log cross-entropy softplus(o) − y·o of logits o (arrays that broadcast)."""
    o = checks.as_numbers(o, "o")
    return softplus(o) - checks.as_numbers(y, "y") * o


def log_loss_from_logit(y, o, base=math.e):
    """The same loss computed from the logit o, where p = σ(o): the numerically safe form.

    −[y log σ(o) + (1 − y) log(1 − σ(o))] = softplus(o) − y·o, which never
    evaluates log(0) and stays exact where σ(o) rounds to 0 or 1. It agrees with
    ``log_loss(y, sigmoid(o))`` to one part in a billion for abs(o) up to about 18;
    beyond, that form loses digits and then stops at its clamp (``LOG_FLOOR``:
    ``log_loss(1, 0.0)`` is 100), while this one keeps the exact value
    (``log_loss_from_logit(1, -1e4)`` is 10000), as PyTorch's BCELoss and
    BCEWithLogitsLoss differ. y, o: arrays of the same shape. Returns a float.
    """
    checks.check_log_base(base)
    y, o = _labels_and_values(y, o, "o")
    nats = np.mean(bce_with_logits(y, o))
    return float(nats / math.log(base))
