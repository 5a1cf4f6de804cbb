"""Squashing functions and their derivatives.

The forward-pass chapter squashes the proposed hidden state with ``tanh``; the
vanishing-gradient chapter uses the sigmoid of slide 11. Each derivative takes
the *input* x, so ``sigmoid_prime(x)`` is σ'(x) = σ(x)(1 − σ(x)).
All functions work elementwise on arrays of any shape.
"""

import numpy as np
from numpy.typing import ArrayLike

from .checks import as_numbers


def sigmoid(x: ArrayLike) -> np.ndarray:
    """σ(x) = 1 / (1 + e^(−x)), computed without overflow for any finite x.

    For x < 0 the textbook form would evaluate e^(−x), which overflows for
    x < −709; the equivalent e^x / (1 + e^x) does not. σ(−∞) = 0 and σ(∞) = 1.

    Parameters
    ----------
    x : array_like, any shape
        Real numbers (infinities allowed, NaN not).

    Returns
    -------
    ndarray, shape of x
        σ(x) elementwise, in [0, 1]; a 0-d array when x is a scalar.

    Raises
    ------
    TypeError
        If x is not numeric (strings, complex numbers, objects).
    ValueError
        If x holds NaN.
    """
    x = as_numbers(x, "x")
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(x: ArrayLike) -> np.ndarray | np.float64:
    """σ'(x) = σ(x)(1 − σ(x)); never larger than 1/4, reached at x = 0.

    Parameters
    ----------
    x : array_like, any shape
        The inputs of σ (not σ's outputs); infinities allowed, NaN not.

    Returns
    -------
    ndarray or numpy.float64, shape of x
        σ'(x) elementwise, in [0, 1/4]; a numpy float64 when x is a scalar.

    Raises
    ------
    TypeError
        If x is not numeric.
    ValueError
        If x holds NaN.
    """
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x: ArrayLike) -> np.ndarray | np.float64:
    """tanh(x) = 2σ(2x) − 1, the squashing of the forward pass.

    Parameters
    ----------
    x : array_like, any shape
        Real numbers (infinities allowed, NaN not).

    Returns
    -------
    ndarray or numpy.float64, shape of x
        tanh(x) elementwise, in [−1, 1]; a numpy float64 when x is a scalar.

    Raises
    ------
    TypeError
        If x is not numeric.
    ValueError
        If x holds NaN.
    """
    return np.tanh(as_numbers(x, "x"))


def tanh_prime(x: ArrayLike) -> np.ndarray | np.float64:
    """tanh'(x) = 1 − tanh(x)²; never larger than 1, reached at x = 0.

    Parameters
    ----------
    x : array_like, any shape
        The inputs of tanh (not tanh's outputs); infinities allowed, NaN not.

    Returns
    -------
    ndarray or numpy.float64, shape of x
        tanh'(x) elementwise, in [0, 1]; a numpy float64 when x is a scalar.

    Raises
    ------
    TypeError
        If x is not numeric.
    ValueError
        If x holds NaN.
    """
    t = np.tanh(as_numbers(x, "x"))
    return 1.0 - t * t


def softplus(x: ArrayLike) -> np.ndarray | np.float64:
    """log(1 + e^x) without overflow: the loss of a logit, see ``loss.log_loss_from_logit``.

    Parameters
    ----------
    x : array_like, any shape
        Real numbers (infinities allowed, NaN not).

    Returns
    -------
    ndarray or numpy.float64, shape of x
        log(1 + e^x) elementwise, ≥ 0; a numpy float64 when x is a scalar.

    Raises
    ------
    TypeError
        If x is not numeric.
    ValueError
        If x holds NaN.
    """
    x = as_numbers(x, "x")
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def softmax(x: ArrayLike) -> np.ndarray:
    """softmax(x)_v = e^(x_v) / Σ_u e^(x_u) along the last axis, computed without overflow.

    Subtracting the largest entry of each row first, e^(x_v − max x), changes
    nothing in exact arithmetic and keeps every power ≤ 1, so logits of 1000
    give probabilities, not inf / inf = NaN. Used by the next-token model
    (chapter on language models, ``rnn_lib.language``).

    Parameters
    ----------
    x : array_like, shape (..., V)
        Real numbers (logits), V ≥ 1 along the last axis; finite.

    Returns
    -------
    ndarray, shape of x
        Probabilities in [0, 1], each row along the last axis summing to 1.

    Raises
    ------
    TypeError
        If x is not numeric.
    ValueError
        If x holds NaN or infinities, is a scalar, or its last axis is empty.
    """
    x = as_numbers(x, "x")
    if x.ndim == 0 or x.shape[-1] == 0:
        raise ValueError(f"x must have at least one entry along its last axis, got shape {x.shape}")
    if not np.isfinite(x).all():
        raise ValueError("x must be finite: softmax of an infinite logit is not defined here")
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
