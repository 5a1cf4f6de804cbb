"""Finite-difference gradient checking: the independent witness for BPTT.

A gradient computed by backpropagation is only trusted once it agrees with
central differences, (L(w + ε) − L(w − ε)) / 2ε, which know nothing about the
chain rule. Used in the chapters *Weight updates* and *Backpropagation through
time*, and by the tests.
"""

import numpy as np

from . import checks
from .cell import Cell, check_cell


def numerical_gradient(f, x, eps=1e-5):
    """Central-difference gradient of a scalar function f at the array x (any shape).

    Returns an array shaped like x. Costs 2·x.size evaluations of f; x is not modified.
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


def numerical_grads(params, X, y, h0=None, loss_on="last", eps=1e-5):
    """dL/d(every weight) by central differences of the cell's ``evaluate_loss``.

    params: the weights of any cell (Params, GRUParams, ...). Returns weights of the same type.
    """
    check_cell(params, Cell)
    checks.check_positive(eps, "eps")

    def loss_with(name):
        return lambda value: params.replace(**{name: value}).evaluate_loss(X, y, h0, loss_on)

    return type(params)(
        **{name: numerical_gradient(loss_with(name), array, eps) for name, array in params.items()}
    )


def relative_error(a, b):
    """‖a − b‖ / (‖a‖ + ‖b‖): 0 when equal, 1 when unrelated; 0 when both are zero.

    a, b: arrays of the same shape (or numbers).
    """
    a, b = checks.as_numbers(a, "a"), checks.as_numbers(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"b has shape {b.shape} but a has shape {a.shape}: compare arrays of one shape")
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def check_gradients(params, X, y, h0=None, loss_on="last", eps=1e-5):
    """Compare a cell's ``bptt`` with finite differences (any cell: Params, GRUParams, ...).

    Returns {name: relative error} for every weight, and under "all" the
    relative error of the whole gradient (every weight in one vector). A weight
    whose gradient is nearly zero can show a large error of its own from
    rounding alone; "all" measures it against the scale of the whole gradient.
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
