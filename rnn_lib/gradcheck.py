"""Finite-difference gradient checking: the independent witness for BPTT.

A gradient computed by backpropagation is only trusted once it agrees with
central differences, (L(w + ε) − L(w − ε)) / 2ε, which know nothing about the
chain rule. Used in the chapters *Weight updates* and *Backpropagation through
time*, and by the tests.
"""

from collections.abc import Callable
from typing import TypeVar

import numpy as np
from numpy.typing import ArrayLike

from . import checks
from .cell import Cell, check_cell

_CellT = TypeVar("_CellT", bound=Cell)


def numerical_gradient(f: Callable[[np.ndarray], float], x: ArrayLike, eps: float = 1e-5) -> np.ndarray:
    """Central-difference gradient of a scalar function f at the array x (any shape).

    Entry i is (f(x + ε e_i) − f(x − ε e_i)) / 2ε. Costs 2·x.size evaluations
    of f; x is not modified.

    Parameters
    ----------
    f : callable
        A function of one float array, shaped like x, that returns a number.
    x : array_like, any shape
        The point at which to differentiate; infinities allowed, NaN not.
    eps : float, default 1e-5
        The step ε, > 0.

    Returns
    -------
    ndarray, shape of x
        The estimated df/dx (0-d for a scalar x).

    Raises
    ------
    TypeError
        If f is not callable, eps is not a real number, or x is not numeric.
    ValueError
        If eps is not finite or ≤ 0, or x holds NaN.
    """
    if not callable(f):
        raise TypeError(f"f must be a function of one array, got {type(f).__name__}")
    eps = checks.check_positive(eps, "eps")
    x = checks.as_numbers(x, "x").copy()
    grad = np.empty_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = eps
        grad[index] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad


def numerical_grads(params: _CellT, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
                    loss_on: str = "last", eps: float = 1e-5) -> _CellT:
    """dL/d(every weight) by central differences of the cell's ``evaluate_loss``.

    Costs two evaluations of the loss per weight entry.

    Parameters
    ----------
    params : Cell
        The weights of any cell (Params, GRUParams, ...).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state; None means zeros.
    loss_on : {"last", "all"}, default "last"
        Score the last step only, or every step.
    eps : float, default 1e-5
        The step ε of the central differences, > 0.

    Returns
    -------
    Cell
        Weights of the same type and shapes as params, holding the estimated gradients.

    Raises
    ------
    TypeError
        If params is not a cell, eps is not a real number, or as the cell's ``evaluate_loss``.
    ValueError
        If eps is not finite or ≤ 0, as the cell's ``evaluate_loss``, or if an
        estimated gradient is not finite.
    FloatingPointError
        As the cell's ``evaluate_loss``, if the logits overflow.
    """
    check_cell(params, Cell)
    checks.check_positive(eps, "eps")

    def loss_with(name):
        return lambda value: params.replace(**{name: value}).evaluate_loss(X, y, h0, loss_on)

    return type(params)(
        **{name: numerical_gradient(loss_with(name), array, eps) for name, array in params.items()}
    )


def relative_error(a: ArrayLike, b: ArrayLike) -> float:
    """‖a − b‖ / (‖a‖ + ‖b‖), and 0 when both are zero: 0 when a = b, never above 1.

    ‖·‖ is the Euclidean norm of all entries. The error reaches 1 when only one
    of them is zero or they point in opposite directions; two orthogonal arrays
    of equal norm give 1/√2.

    Parameters
    ----------
    a : array_like, any shape
        Numbers (NaN not allowed).
    b : array_like, shape of a
        Numbers to compare with a.

    Returns
    -------
    float
        The relative error, in [0, 1] for finite a and b (NaN if either holds an infinity).

    Raises
    ------
    TypeError
        If a or b is not numeric.
    ValueError
        If a or b holds NaN, or their shapes differ.
    """
    a, b = checks.as_numbers(a, "a"), checks.as_numbers(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"b has shape {b.shape} but a has shape {a.shape}: compare arrays of one shape")
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def check_gradients(params: Cell, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
                    loss_on: str = "last", eps: float = 1e-5) -> dict[str, float]:
    """Compare a cell's ``bptt`` with finite differences (any cell: Params, GRUParams, ...).

    A weight whose gradient is nearly zero can show a large error of its own
    from rounding alone; "all" measures it against the scale of the whole gradient.

    Parameters
    ----------
    params : Cell
        The weights of any cell (Params, GRUParams, ...).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state; None means zeros.
    loss_on : {"last", "all"}, default "last"
        Score the last step only, or every step.
    eps : float, default 1e-5
        The step ε of the central differences, > 0.

    Returns
    -------
    dict of str to float
        {name: relative error} for every weight, in the order of ``params.names()``,
        and under "all" the relative error of the whole gradient (every weight in one vector).

    Raises
    ------
    TypeError
        If params is not a cell, eps is not a real number, or as the cell's ``bptt``.
    ValueError
        If eps is not finite or ≤ 0, as the cell's ``bptt``, or if an estimated
        gradient is not finite.
    FloatingPointError
        As the cell's ``bptt``, if the forward pass or a gradient overflows.
    """
    check_cell(params, Cell)
    checks.check_positive(eps, "eps")
    _, analytic = params.bptt(X, y, h0, loss_on)
    numeric = numerical_grads(params, X, y, h0, loss_on, eps)
    errors = {
        name: relative_error(getattr(analytic, name), getattr(numeric, name))
        for name in params.names()
    }
    errors["all"] = relative_error(_flat(analytic), _flat(numeric))
    return errors


def _flat(grads):
    return np.concatenate([array.ravel() for _, array in grads.items()])
