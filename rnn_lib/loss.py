"""Binary cross-entropy (log loss), in any logarithm base.

Explained in the chapter *Log loss* (slides 6–7). With N predictions p_i of
labels y_i,

    L = −1/N Σ_i [ y_i log p_i + (1 − y_i) log(1 − p_i) ].

The slides use log base 10; every framework uses the natural log. The base
only divides the loss, and so every gradient, by ln(base).
"""

import math

import numpy as np
from numpy.typing import ArrayLike

from . import checks
from .activations import softplus

#: Each log term is clamped at this value (natural log), as PyTorch's ``BCELoss``
#: does, so that a confident wrong prediction costs a large finite loss, not inf.
LOG_FLOOR = -100.0


def _labels_and_values(y: ArrayLike, values: ArrayLike, values_name: str) -> tuple[np.ndarray, np.ndarray]:
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


def log_loss(y: ArrayLike, p: ArrayLike, base: float = math.e) -> float:
    """Mean binary cross-entropy of probabilities ``p`` for labels ``y``.

    Finite even at p = 0 or p = 1: each log term is clamped at ``LOG_FLOOR``
    (natural log). The slides use log base 10; frameworks use e.

    Parameters
    ----------
    y : array_like, shape (), (N,) or (N, Y)
        Labels, each 0 or 1.
    p : array_like, shape of y
        Predicted probabilities, each in [0, 1].
    base : float, default e
        The logarithm's base: a finite real number > 0 and != 1.

    Returns
    -------
    float
        −mean[y log p + (1 − y) log(1 − p)] over every entry, in the given base.

    Raises
    ------
    TypeError
        If base is not a real number, or y or p is not numeric.
    ValueError
        If base is not finite, ≤ 0 or 1; y or p has more than 2 dimensions or
        holds NaN or infinities; their shapes differ; y is empty; a label is not
        0 or 1; or a probability is outside [0, 1].
    """
    checks.check_log_base(base)
    y, p = _labels_and_values(y, p, "p")
    checks.check_probabilities(p)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), LOG_FLOOR)
        log_1mp = np.maximum(np.log1p(-p), LOG_FLOOR)
    nats = -np.mean(y * log_p + (1.0 - y) * log_1mp)
    return float(nats / math.log(base))


def bce_with_logits(y: ArrayLike, o: ArrayLike) -> np.ndarray | np.float64:
    """Elementwise natural-log cross-entropy softplus(o) − y·o of logits o (arrays that broadcast).

    No checks on the labels: y may hold any numbers (infinities included).

    Parameters
    ----------
    y : array_like, any shape that broadcasts with o
        Labels (0 or 1 for a cross-entropy).
    o : array_like, any shape that broadcasts with y
        Logits, o = σ⁻¹(p).

    Returns
    -------
    ndarray or numpy.float64, the broadcast shape of y and o
        The loss of every logit, in nats; a numpy float64 when y and o are scalars.

    Raises
    ------
    TypeError
        If y or o is not numeric.
    ValueError
        If y or o holds NaN, or their shapes do not broadcast.
    """
    o = checks.as_numbers(o, "o")
    return softplus(o) - checks.as_numbers(y, "y") * o


def log_loss_from_logit(y: ArrayLike, o: ArrayLike, base: float = math.e) -> float:
    """The same loss computed from the logit o, where p = σ(o): the numerically safe form.

    −[y log σ(o) + (1 − y) log(1 − σ(o))] = softplus(o) − y·o, which never
    evaluates log(0) and stays exact where σ(o) rounds to 0 or 1. Where the
    prediction is wrong (y = 0 with o > 0, or y = 1 with o < 0) it agrees with
    ``log_loss(y, sigmoid(o))`` to one part in a billion for abs(o) up to about 18
    (where it is right, the loss is tiny and the two part from abs(o) ≈ 14);
    beyond, that form loses digits and then stops at its clamp (``LOG_FLOOR``:
    ``log_loss(1, 0.0)`` is 100), while this one keeps the exact value
    (``log_loss_from_logit(1, -1e4)`` is 10000), as PyTorch's BCELoss and
    BCEWithLogitsLoss differ.

    Parameters
    ----------
    y : array_like, shape (), (N,) or (N, Y)
        Labels, each 0 or 1.
    o : array_like, shape of y
        Logits, finite real numbers.
    base : float, default e
        The logarithm's base: a finite real number > 0 and != 1.

    Returns
    -------
    float
        mean[softplus(o) − y·o] over every entry, in the given base.

    Raises
    ------
    TypeError
        If base is not a real number, or y or o is not numeric.
    ValueError
        If base is not finite, ≤ 0 or 1; y or o has more than 2 dimensions or
        holds NaN or infinities; their shapes differ; y is empty; or a label is
        not 0 or 1.
    """
    checks.check_log_base(base)
    y, o = _labels_and_values(y, o, "o")
    nats = np.mean(bce_with_logits(y, o))
    return float(nats / math.log(base))
