"""Vanishing and exploding gradients: products of one-step derivatives.

Explained in the chapter *Vanishing and exploding gradients* (slides 10 and 11).
Backpropagation through time multiplies one derivative per step,

    ∂h_t/∂h_k = ∂h_t/∂h_{t−1} ⋯ ∂h_{k+1}/∂h_k,

from a late step t back to an early step k, a distance n = t − k, and this
module measures such products in two settings:

- slide 11's *scalar* RNN without input or bias, h_t = f(w·h_{t−1}) with f the
  sigmoid or tanh, whose step i has the derivative w·f′(w·h_{i−1}): the product,
  its bound (abs(w)·max f′)^n, the fixed point h* = σ(w·h*), and the per-step
  factor the product settles to in the long run;
- the *matrix* RNN of the book, whose one-step Jacobian is diag(1 − h_i²) W_hhᵀ
  (tanh) or W_hhᵀ (linear RNN, no squashing): the norm of the product against
  the distance n, for a W_hh rescaled to a chosen spectral radius.

Arguments called ``w`` and ``h0`` may be numbers or arrays that broadcast
together: every entry is a separate run, and results gain their shape.
"""


from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike

from .. import checks
from ..activations import sigmoid, sigmoid_prime, tanh, tanh_prime

#: The squashing functions of slide 11 (sigmoid) and of the walk-through (tanh).
ACTIVATIONS = {"sigmoid": (sigmoid, sigmoid_prime), "tanh": (tanh, tanh_prime)}

#: The largest value of each activation's derivative: σ′(0) = 1/4, tanh′(0) = 1.
DERIVATIVE_BOUND = {"sigmoid": 0.25, "tanh": 1.0}


# ---------------------------------------------------------------- validation


_check_count = checks.check_count


def _check_scalar_run(w, h0, activation) -> tuple[np.ndarray, ...]:
    """w, h0: finite numbers or arrays that broadcast together. Returns (w, h0) broadcast."""
    checks.check_choice(activation, "activation", ACTIVATIONS)
    w = checks.as_float_array(w, "w", ndims=range(4))
    h0 = checks.as_float_array(h0, "h0", ndims=range(4))
    try:
        return np.broadcast_arrays(w, h0)
    except ValueError:
        raise ValueError(
            f"w of shape {w.shape} and h0 of shape {h0.shape} do not broadcast together"
        ) from None


# ---------------------------------------------------------------- the scalar RNN of slide 11


def _states(w, h0, T, activation):
    f, _ = ACTIVATIONS[activation]
    h = np.empty((T + 1,) + w.shape)
    h[0] = h0
    for t in range(1, T + 1):
        h[t] = f(w * h[t - 1])
    return h


def _factors(w, h0, T, activation):
    """One-step derivatives w·f′(w·h_{i−1}) for i = 1 … T: (T,) + shape."""
    _, f_prime = ACTIVATIONS[activation]
    h = _states(w, h0, T, activation)
    return w * f_prime(w * h[:-1])


def scalar_rnn_states(w: ArrayLike, h0: ArrayLike, T: int, activation: str = "sigmoid") -> np.ndarray:
    """The states h_0, h_1, …, h_T of slide 11's RNN h_t = f(w·h_{t−1}), f = σ or tanh.

    No input and no bias, as on the slide. Every entry of the broadcast w and
    h0 is a separate run.

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.
    h0 : array_like
        The first state: a number or an array that broadcasts with ``w``.
    T : int
        Number of steps, ≥ 0.
    activation : str
        "sigmoid" (slide 11) or "tanh" (the walk-through).

    Returns
    -------
    ndarray, shape (T + 1,) + broadcast shape of w and h0
        Entry [t] is h_t; entry [0] is h0.

    Raises
    ------
    TypeError
        If ``w`` or ``h0`` is not numeric, ``activation`` is not a string, or
        ``T`` is not a whole number.
    ValueError
        If ``w`` or ``h0`` has more than 3 dimensions or a non-finite entry, they
        do not broadcast together, ``activation`` is neither "sigmoid" nor
        "tanh", or ``T`` < 0.
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    return _states(w, h0, _check_count(T, "T"), activation)


def scalar_step_factors(w: ArrayLike, h0: ArrayLike, T: int, activation: str = "sigmoid") -> np.ndarray:
    """The one-step derivatives ∂h_i/∂h_{i−1} = w·f′(w·h_{i−1}) for i = 1 … T.

    For the sigmoid, w·σ′(w·h_{i−1}) = w·h_i(1 − h_i).

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.
    h0 : array_like
        The first state: a number or an array that broadcasts with ``w``.
    T : int
        Number of steps, ≥ 0.
    activation : str
        "sigmoid" (slide 11) or "tanh" (the walk-through).

    Returns
    -------
    ndarray, shape (T,) + broadcast shape of w and h0
        Entry [i − 1] is the factor of step i.

    Raises
    ------
    TypeError
        If ``w`` or ``h0`` is not numeric, ``activation`` is not a string, or
        ``T`` is not a whole number.
    ValueError
        If ``w`` or ``h0`` has more than 3 dimensions or a non-finite entry, they
        do not broadcast together, ``activation`` is neither "sigmoid" nor
        "tanh", or ``T`` < 0.
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    return _factors(w, h0, _check_count(T, "T"), activation)


def scalar_gradient_product(w: ArrayLike, h0: ArrayLike, distance: int, activation: str = "sigmoid") -> np.ndarray:
    """Slide 11's product ∂h_t/∂h_k = Π_{i=k+1}^{t} w·f′(w·h_{i−1}), for n = t − k = 0 … distance.

    The run starts from the state h_k = h0 (any k: without input the product
    depends only on where it starts). Signed: a negative w flips the sign at
    every step.

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.
    h0 : array_like
        The state h_k the product starts from: a number or an array that
        broadcasts with ``w``.
    distance : int
        The largest n = t − k, ≥ 0.
    activation : str
        "sigmoid" or "tanh".

    Returns
    -------
    ndarray, shape (distance + 1,) + broadcast shape of w and h0
        Entry [n] = ∂h_{k+n}/∂h_k (entry [0] = 1).

    Raises
    ------
    TypeError
        If ``w`` or ``h0`` is not numeric, ``activation`` is not a string, or
        ``distance`` is not a whole number.
    ValueError
        If ``w`` or ``h0`` has more than 3 dimensions or a non-finite entry, they
        do not broadcast together, ``activation`` is neither "sigmoid" nor
        "tanh", or ``distance`` < 0.
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    distance = _check_count(distance, "distance")
    factors = _factors(w, h0, distance, activation)
    return np.concatenate([np.ones((1,) + w.shape), np.cumprod(factors, axis=0)])


def gradient_bound(w: ArrayLike, distance: int, activation: str = "sigmoid") -> np.ndarray:
    """The bound abs(∂h_t/∂h_k) ≤ (abs(w)·γ)^n for n = t − k = 0 … distance, γ = max f′.

    γ = 1/4 for the sigmoid (σ′ ≤ 1/4) and 1 for tanh (tanh′ ≤ 1); it holds
    whatever the states are.

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.
    distance : int
        The largest n, ≥ 0.
    activation : str
        "sigmoid" or "tanh".

    Returns
    -------
    ndarray, shape (distance + 1,) + shape of w
        Entry [n] = (abs(w)·γ)^n.

    Raises
    ------
    TypeError
        If ``activation`` is not a string, ``w`` is not numeric or ``distance``
        is not a whole number.
    ValueError
        If ``activation`` is neither "sigmoid" nor "tanh", ``w`` has more than
        3 dimensions or a non-finite entry, or ``distance`` < 0.
    """
    checks.check_choice(activation, "activation", ACTIVATIONS)
    w = checks.as_float_array(w, "w", ndims=range(4))
    n = np.arange(_check_count(distance, "distance") + 1).reshape((-1,) + (1,) * w.ndim)
    return (np.abs(w) * DERIVATIVE_BOUND[activation]) ** n


def gradient_curves(
    ws: Iterable[float], h0: ArrayLike, distance: int, activation: str = "sigmoid"
) -> dict[float, tuple[np.ndarray, np.ndarray]]:
    """For each weight w: abs(∂h_{k+n}/∂h_k) and its bound, for n = 0 … distance (what a figure draws).

    A product that underflows is 0.

    Parameters
    ----------
    ws : iterable of float
        The weights, each a number (they become the keys of the result).
    h0 : array_like
        The state h_k the products start from: a number, or an array of up to 3 dimensions.
    distance : int
        The largest n, ≥ 0.
    activation : str
        "sigmoid" or "tanh".

    Returns
    -------
    dict of float to (ndarray, ndarray)
        {w: (magnitudes, bound)}: magnitudes of shape (distance + 1,) + shape
        of h0 (``scalar_gradient_product``), bound of shape (distance + 1,)
        (``gradient_bound``).

    Raises
    ------
    TypeError, ValueError
        As ``scalar_gradient_product`` and ``gradient_bound``.
    """
    curves = {}
    for w in ws:
        with np.errstate(divide="ignore"):
            magnitude = np.abs(scalar_gradient_product(w, h0, distance, activation))
        curves[w] = (magnitude, gradient_bound(w, distance, activation))
    return curves


def gradient_magnitudes(
    w: ArrayLike, h0: ArrayLike, distances: Iterable[int], start: int = 0, activation: str = "sigmoid"
) -> np.ndarray:
    """abs(∂h_{k+n}/∂h_k), k = ``start``, for every n in ``distances``, from a run that begins at h_0 = h0.

    start = 0 measures the *transient* (the product begins at the chosen h0);
    a large start (e.g. 1000) measures the *settled* orbit, where the state has
    forgotten h0. Computed as a sum of logarithms, step by step without storing
    the run (grids of many runs fit in memory), so products far below the
    smallest float (or above the largest) come out as 0 (or inf) without
    warnings.

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.
    h0 : array_like
        The first state: a number or an array that broadcasts with ``w``.
    distances : iterable of int, length D
        Whole numbers n ≥ 1 (a list, say).
    start : int
        The step k the product starts from, ≥ 0.
    activation : str
        "sigmoid" (slide 11) or "tanh" (the walk-through).

    Returns
    -------
    ndarray, shape (D,) + broadcast shape of w and h0
        Entry [j] = abs(∂h_{k+n}/∂h_k) for n = distances[j] and k = ``start``.

    Raises
    ------
    TypeError
        If ``w`` or ``h0`` is not numeric, ``activation`` is not a string,
        ``start`` is not a whole number, or ``distances`` is a string, not
        iterable, or holds anything but whole numbers.
    ValueError
        If ``w`` or ``h0`` has more than 3 dimensions or a non-finite entry, they
        do not broadcast together, ``activation`` is neither "sigmoid" nor
        "tanh", ``start`` < 0, or ``distances`` is empty or holds an n < 1.
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    start = _check_count(start, "start")
    distances = _check_distances(distances)
    with np.errstate(over="ignore"):
        return np.exp(_log_magnitudes(w, h0, distances, start, activation))


def _log_magnitudes(w, h0, distances, start, activation):
    """log abs(∂h_{k+n}/∂h_k), k = start, for n in distances: (len(distances),) + shape; −inf where 0."""
    f, f_prime = ACTIVATIONS[activation]
    h = h0.copy()
    for _ in range(start):  # run to h_start without storing the states
        h = f(w * h)
    wanted, log_sum, found = set(distances), np.zeros(w.shape), {}
    for n in range(1, max(distances) + 1):
        with np.errstate(divide="ignore"):
            log_sum = log_sum + np.log(np.abs(w * f_prime(w * h)))
        h = f(w * h)
        if n in wanted:
            found[n] = log_sum
    return np.stack([found[n] for n in distances])


def _check_distances(distances):
    if isinstance(distances, (str, bytes)) or not hasattr(distances, "__iter__"):
        raise TypeError(f"distances must be a list of whole numbers, got {distances!r}")
    distances = [_check_count(n, "each distance", low=1) for n in distances]
    if not distances:
        raise ValueError("distances is empty: give at least one distance n ≥ 1")
    return distances


def largest_gradients(
    w: ArrayLike, h0: ArrayLike, distances: Iterable[int], start: int = 0, activation: str = "sigmoid"
) -> list[tuple[int, float, float, float]]:
    """The largest abs(∂h_{k+n}/∂h_k), k = ``start``, over a grid of runs, and the run that reaches it.

    Typically w and h0 come from ``np.meshgrid``. The first run reaching the
    largest value wins a tie.

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.
    h0 : array_like
        The first state: a number or an array that broadcasts with ``w``.
    distances : iterable of int, length D
        Whole numbers n ≥ 1 (a list, an array, or an iterator, read once).
    start : int
        The step the product starts from, ≥ 0.
    activation : str
        "sigmoid" (slide 11) or "tanh" (the walk-through).

    Returns
    -------
    list of tuple of (int, float, float, float)
        D tuples, one per distance n: (n, largest magnitude, its w, its h0).

    Raises
    ------
    TypeError, ValueError
        As ``gradient_magnitudes``.
    """
    distances = _check_distances(distances)
    magnitudes = gradient_magnitudes(w, h0, distances, start, activation)
    w, h0 = np.broadcast_arrays(np.asarray(w, dtype=float), np.asarray(h0, dtype=float))
    rows = []
    for n, values in zip(distances, magnitudes):
        where = np.unravel_index(np.argmax(values), values.shape)
        rows.append((int(n), float(values[where]), float(w[where]), float(h0[where])))
    return rows


def long_run_factor(
    w: ArrayLike,
    h0: ArrayLike = 0.5,
    activation: str = "sigmoid",
    burn_in: int | None = None,
    steps: int = 200,
    tol: float = 1e-5,
) -> float | np.ndarray:
    """The per-step factor the product settles to: the geometric mean of abs(w·f′(w·h_{i−1})).

    Measured over ``steps`` steps after ``burn_in`` steps, when the state has
    settled on its fixed point or its period-2 oscillation. The product over n
    settled steps is about (this factor)^n: below 1 it vanishes, above 1 it
    explodes.

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.
    h0 : array_like
        The first state: a number or an array that broadcasts with ``w``.
    activation : str
        "sigmoid" (slide 11) or "tanh" (the walk-through).
    burn_in : int, optional
        Steps before the measurement, ≥ 0. None (the default) doubles it from
        1000 until the factor changes by less than ``tol`` (relative) everywhere,
        or until it is at least 2^20: near w_c, where the state approaches its orbit
        only like 1/√t, that takes up to about 10⁵ steps.
    steps : int
        Steps measured, ≥ 1; an even number (the default 200) makes a period-2
        orbit count both its states equally.
    tol : float
        Relative tolerance of the doubling burn-in, in (0, 1); only read (and
        checked) when ``burn_in`` is None.

    Returns
    -------
    float or ndarray, broadcast shape of w and h0
        The factor; a float when w and h0 are numbers.

    Raises
    ------
    TypeError
        If ``w`` or ``h0`` is not numeric, ``activation`` is not a string,
        ``steps`` or ``burn_in`` is not a whole number, or (when ``burn_in`` is
        None) ``tol`` is not a real number.
    ValueError
        If ``w`` or ``h0`` has more than 3 dimensions or a non-finite entry, they
        do not broadcast together, ``activation`` is neither "sigmoid" nor
        "tanh", ``steps`` < 1, ``burn_in`` < 0, or (when ``burn_in`` is None)
        ``tol`` is not in (0, 1).
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    steps = _check_count(steps, "steps", low=1)
    if burn_in is not None:
        factor = _factor_after(w, h0, _check_count(burn_in, "burn_in"), steps, activation)
    else:
        tol = checks.check_real(tol, "tol", 0, 1, low_open=True, high_open=True)
        factor = _settled_factor(w, h0, steps, activation, tol)
    return float(factor) if factor.ndim == 0 else factor


MAX_BURN_IN = 2**20


def _factor_after(w, h0, burn_in, steps, activation):
    return np.exp(_log_magnitudes(w, h0, [steps], burn_in, activation)[0] / steps)


def _settled_factor(w, h0, steps, activation, tol):
    """The factor after a burn-in that doubles until the factor stops moving (or 2^20 steps)."""
    f, _ = ACTIVATIONS[activation]
    h, t, previous = h0.copy(), 0, None
    burn_in = 1000
    while True:
        for _ in range(burn_in - t):  # carry the state on to step burn_in, without storing it
            h = f(w * h)
        t = burn_in
        factor = _factor_after(w, h, 0, steps, activation)
        if previous is not None and np.all(np.abs(factor - previous) <= tol * np.abs(factor)):
            return factor
        if burn_in >= MAX_BURN_IN:
            return factor
        previous, burn_in = factor, 2 * burn_in


def _fixed_point(w):
    """Bisection on g(h) = σ(w·h) − h over [0, 1]; g(0) = 1/2 > 0 > g(1) = σ(w) − 1."""
    low, high = np.zeros_like(w), np.ones_like(w)
    for _ in range(60):  # 2^−60 < 1e−18: as exact as float64 allows
        middle = (low + high) / 2
        above = sigmoid(w * middle) > middle
        low, high = np.where(above, middle, low), np.where(above, high, middle)
    return (low + high) / 2


def fixed_point(w: ArrayLike) -> float | np.ndarray:
    """The fixed point h* = σ(w·h*) of the sigmoid RNN: the state it stays in once there.

    Unique for every w: in (1/2, 1) for w > 0, 1/2 for w = 0, in (0, 1/2) for
    w < 0. Found by bisection, to float64 precision.

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.

    Returns
    -------
    float or ndarray, shape of w
        h* for each w; a float for a number.

    Raises
    ------
    TypeError
        If ``w`` is not numeric.
    ValueError
        If ``w`` has more than 3 dimensions or a non-finite entry.
    """
    w = checks.as_float_array(w, "w", ndims=range(4))
    h = _fixed_point(w)
    return float(h) if h.ndim == 0 else h


def fixed_point_factor(w: ArrayLike) -> float | np.ndarray:
    """The one-step derivative at the fixed point, w·σ′(w·h*) = w·h*(1 − h*).

    Its size decides the fixed point's stability: abs(factor) < 1 and nearby states
    move towards h* (and the gradient there vanishes like abs(factor)^n); abs(factor) > 1
    and they move away.

    Parameters
    ----------
    w : array_like
        The recurrent weight: a number or an array of up to 3 dimensions.

    Returns
    -------
    float or ndarray, shape of w
        The factor for each w; a float for a number.

    Raises
    ------
    TypeError
        If ``w`` is not numeric.
    ValueError
        If ``w`` has more than 3 dimensions or a non-finite entry.
    """
    w = checks.as_float_array(w, "w", ndims=range(4))
    h = _fixed_point(w)
    factor = w * h * (1.0 - h)
    return float(factor) if factor.ndim == 0 else factor


def period_doubling_weight() -> float:
    """The weight w_c < 0 below which the fixed point of h_t = σ(w·h_{t−1}) is unstable.

    At w_c the factor w·σ′(w·h*) is −1. Writing x = −w·h* > 0, the fixed point
    is h* = σ(−x) and the factor is −x·σ(x), so x solves x·σ(x) = 1 (bisection)
    and w_c = −x/σ(−x) ≈ −5.87. For w < w_c the state settles on a period-2
    oscillation instead.

    Returns
    -------
    float
        w_c.
    """
    low, high = 0.0, 2.0  # x·σ(x) is increasing, 0 at x = 0 and > 1 at x = 2
    for _ in range(80):
        x = (low + high) / 2
        low, high = (x, high) if x * sigmoid(x) < 1 else (low, x)
    x = (low + high) / 2
    return float(-x / sigmoid(-x))


# ---------------------------------------------------------------- the matrix RNN


def spectral_radius(W: ArrayLike) -> float:
    """ρ(W) = the largest abs(eigenvalue) of a square matrix W.

    Parameters
    ----------
    W : array_like, shape (H, H)
        A square matrix, H ≥ 1.

    Returns
    -------
    float
        ρ(W) ≥ 0.

    Raises
    ------
    TypeError
        If ``W`` is not numeric.
    ValueError
        If ``W`` is not a finite, non-empty square matrix.
    """
    W = _check_square(W, "W")
    return float(np.max(np.abs(np.linalg.eigvals(W))))


def scale_to_spectral_radius(W: ArrayLike, rho: float) -> np.ndarray:
    """W multiplied by the number that gives it spectral radius ``rho``.

    Parameters
    ----------
    W : array_like, shape (H, H)
        A square matrix, H ≥ 1, with ρ(W) > 0.
    rho : float
        The spectral radius wanted, > 0.

    Returns
    -------
    ndarray, shape (H, H)
        W · rho / ρ(W).

    Raises
    ------
    TypeError
        If ``W`` is not numeric or ``rho`` is not a real number.
    ValueError
        If ``W`` is not a finite, non-empty square matrix, ``rho`` is not a
        finite number > 0, or ρ(W) = 0.
    """
    W = _check_square(W, "W")
    rho = checks.check_positive(rho, "rho")
    current = spectral_radius(W)
    if current == 0:
        raise ValueError("W has spectral radius 0 (all eigenvalues are 0): it cannot be rescaled")
    return W * (rho / current)


def _check_square(W, name) -> np.ndarray:
    W = checks.as_float_array(W, name, ndims=(2,))
    if W.shape[0] != W.shape[1] or W.shape[0] == 0:
        raise ValueError(f"{name} must be a square (H, H) matrix, got shape {W.shape}")
    return W


def tanh_rnn_states(W_hh: ArrayLike, h0: ArrayLike, T: int, drive: ArrayLike | None = None) -> np.ndarray:
    """h_1 … h_T of h_t = tanh(h_{t−1} W_hh + d_t): the book's RNN with its input folded into d_t.

    Parameters
    ----------
    W_hh : array_like, shape (H, H)
        The recurrent weights.
    h0 : array_like, shape (H,)
        The initial state.
    T : int
        Number of steps, ≥ 1.
    drive : array_like, shape (T, H), optional
        The input's contribution d_t = x_t W_eh + b_h at every step; None for no input.

    Returns
    -------
    ndarray, shape (T, H)
        Row t − 1 is h_t.

    Raises
    ------
    TypeError
        If an array is not numeric, or ``T`` is not a whole number.
    ValueError
        If ``W_hh`` is not a finite, non-empty square matrix, ``h0`` is not
        (H,), ``T`` < 1, or ``drive`` is not (T, H); or for non-finite entries.
    """
    W_hh = _check_square(W_hh, "W_hh")
    H = W_hh.shape[0]
    h0 = checks.as_float_array(h0, "h0", ndims=(1,))
    if h0.shape != (H,):
        raise ValueError(f"h0 has shape {h0.shape} but W_hh {W_hh.shape} needs ({H},)")
    T = _check_count(T, "T", low=1)
    if drive is None:
        drive = np.zeros((T, H))
    drive = checks.as_float_array(drive, "drive", ndims=(2,))
    if drive.shape != (T, H):
        raise ValueError(f"drive has shape {drive.shape} but must be (T, H) = ({T}, {H})")
    h = np.empty((T, H))
    previous = h0
    for t in range(T):
        previous = h[t] = np.tanh(previous @ W_hh + drive[t])
    return h


def jacobian_chain(W_hh: ArrayLike, h: ArrayLike | None = None, distance: int | None = None) -> np.ndarray:
    """Every product ∂h_{k+n}/∂h_k = J_{k+n} ⋯ J_{k+1}, for n = 0 … distance.

    For a tanh RNN the step Jacobian is J_i = diag(1 − h_i²) W_hhᵀ; for the
    *linear* RNN h_i = h_{i−1} W_hh (+ input) it is W_hhᵀ at every step. The
    input does not appear: it shifts the states but not the formula.

    Parameters
    ----------
    W_hh : array_like, shape (H, H)
        The recurrent weights.
    h : array_like, shape (distance, H), optional
        The states h_{k+1} … h_{k+distance} of a tanh RNN; None for the linear RNN.
    distance : int, optional
        How many steps, ≥ 0: required when ``h`` is None; otherwise optional,
        and then it must equal the number of rows of ``h``.

    Returns
    -------
    ndarray, shape (distance + 1, H, H)
        Entry [n, a, b] = ∂h_{k+n}[a]/∂h_k[b]; entry [0] is the identity.

    Raises
    ------
    TypeError
        If ``W_hh`` or ``h`` is not numeric, or ``distance`` is not a whole number.
    ValueError
        If ``W_hh`` is not a finite, non-empty square matrix, both ``h`` and
        ``distance`` are None, ``h`` is not a finite (distance, H) array,
        ``distance`` < 0, or it differs from the number of rows of ``h``.
    """
    W_hh = _check_square(W_hh, "W_hh")
    H = W_hh.shape[0]
    if h is None:
        if distance is None:
            raise ValueError("give the states h of a tanh RNN, or a distance for the linear RNN")
        squash = np.ones((_check_count(distance, "distance"), H))
    else:
        h = checks.as_float_array(h, "h", ndims=(2,))
        if h.shape[1] != H:
            raise ValueError(f"h has shape {h.shape} but W_hh {W_hh.shape} has H = {H}")
        if distance is not None and _check_count(distance, "distance") != h.shape[0]:
            raise ValueError(f"distance = {distance} but h holds {h.shape[0]} states")
        squash = 1.0 - h**2
    chain = np.empty((squash.shape[0] + 1, H, H))
    chain[0] = np.eye(H)
    for n, d in enumerate(squash, start=1):
        chain[n] = (d[:, None] * W_hh.T) @ chain[n - 1]  # the newest step multiplies on the left
    return chain


def jacobian_product_norms(W_hh: ArrayLike, h: ArrayLike | None = None, distance: int | None = None) -> np.ndarray:
    """‖∂h_{k+n}/∂h_k‖₂ (largest singular value) for n = 0 … distance.

    Parameters
    ----------
    W_hh : array_like, shape (H, H)
        The recurrent weights.
    h : array_like, shape (distance, H), optional
        The states h_{k+1} … h_{k+distance} of a tanh RNN; None for the linear RNN.
    distance : int, optional
        How many steps, ≥ 0; as in ``jacobian_chain``.

    Returns
    -------
    ndarray, shape (distance + 1,)
        The spectral norms; entry [0] = 1.

    Raises
    ------
    TypeError, ValueError
        As ``jacobian_chain``.
    """
    return np.linalg.norm(jacobian_chain(W_hh, h, distance), ord=2, axis=(1, 2))
