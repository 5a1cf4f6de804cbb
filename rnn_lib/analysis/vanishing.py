"""Vanishing and exploding gradients: products of one-step derivatives.

Explained in the chapter *Vanishing and exploding gradients* (slides 10 and 11).
Backpropagation through time multiplies one derivative per step,

    ∂h_{t+n}/∂h_t = ∂h_{t+n}/∂h_{t+n−1} ⋯ ∂h_{t+1}/∂h_t,

and this module measures such products in two settings:

- slide 11's *scalar* RNN without input or bias, h_t = f(w·h_{t−1}) with f the
  sigmoid or tanh, whose one-step derivative is w·f′(w·h_{t−1}): the product,
  its bound (abs(w)·max f′)^n, the fixed point h* = σ(w·h*), and the per-step
  factor the product settles to in the long run;
- the *matrix* RNN of the book, whose one-step Jacobian is diag(1 − h_i²) W_hhᵀ
  (tanh) or W_hhᵀ (linear RNN, no squashing): the norm of the product against
  the distance n, for a W_hh rescaled to a chosen spectral radius.

Arguments called ``w`` and ``h0`` may be numbers or arrays that broadcast
together: every entry is a separate run, and results gain their shape.
"""


import numpy as np

from .. import checks
from ..activations import sigmoid, sigmoid_prime, tanh, tanh_prime

#: The squashing functions of slide 11 (sigmoid) and of the walk-through (tanh).
ACTIVATIONS = {"sigmoid": (sigmoid, sigmoid_prime), "tanh": (tanh, tanh_prime)}

#: The largest value of each activation's derivative: σ′(0) = 1/4, tanh′(0) = 1.
DERIVATIVE_BOUND = {"sigmoid": 0.25, "tanh": 1.0}


# ---------------------------------------------------------------- validation


_check_count = checks.check_count


def _check_scalar_run(w, h0, activation):
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
    """One-step derivatives w·f′(w·h_{t−1}) for t = 1 … T: (T,) + shape."""
    _, f_prime = ACTIVATIONS[activation]
    h = _states(w, h0, T, activation)
    return w * f_prime(w * h[:-1])


def scalar_rnn_states(w, h0, T, activation="sigmoid"):
    """The states h_0, h_1, …, h_T of slide 11's RNN h_t = f(w·h_{t−1}), f = σ or tanh.

    w: the recurrent weight; h0: the first state; both numbers or arrays that
    broadcast together. T: number of steps (≥ 0). activation: "sigmoid"
    (slide 11) or "tanh" (the walk-through). Returns (T + 1,) + broadcast shape;
    entry [0] is h0. No input and no bias, as on the slide.
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    return _states(w, h0, _check_count(T, "T"), activation)


def scalar_step_factors(w, h0, T, activation="sigmoid"):
    """The one-step derivatives ∂h_t/∂h_{t−1} = w·f′(w·h_{t−1}) for t = 1 … T.

    Arguments as in ``scalar_rnn_states``. Returns (T,) + broadcast shape; entry
    [t − 1] is the factor of step t. For the sigmoid, w·σ′(w·h_{t−1}) = w·h_t(1 − h_t).
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    return _factors(w, h0, _check_count(T, "T"), activation)


def scalar_gradient_product(w, h0, distance, activation="sigmoid"):
    """Slide 11's product ∂h_{t+n}/∂h_t = Π_{k=1}^{n} w·f′(w·h_{t+n−k}), for n = 0 … distance.

    The run starts from the state h_t = h0 (any t: without input the product
    depends only on where it starts). w, h0: numbers or arrays that broadcast
    together; distance: the largest n = t′ − t (≥ 0); activation: "sigmoid" or
    "tanh". Returns (distance + 1,) + broadcast shape, entry [n] = ∂h_{t+n}/∂h_t
    (entry [0] = 1). Signed: a negative w flips the sign at every step.
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    distance = _check_count(distance, "distance")
    factors = _factors(w, h0, distance, activation)
    return np.concatenate([np.ones((1,) + w.shape), np.cumprod(factors, axis=0)])


def gradient_bound(w, distance, activation="sigmoid"):
    """The bound abs(∂h_{t+n}/∂h_t) ≤ (abs(w)·γ)^n for n = 0 … distance, γ = max f′.

    γ = 1/4 for the sigmoid (σ′ ≤ 1/4) and 1 for tanh (tanh′ ≤ 1); it holds
    whatever the states are. w: number or array. Returns (distance + 1,) + shape of w.
    """
    checks.check_choice(activation, "activation", ACTIVATIONS)
    w = checks.as_float_array(w, "w", ndims=range(4))
    n = np.arange(_check_count(distance, "distance") + 1).reshape((-1,) + (1,) * w.ndim)
    return (np.abs(w) * DERIVATIVE_BOUND[activation]) ** n


def gradient_curves(ws, h0, distance, activation="sigmoid"):
    """For each weight w: abs(∂h_{t+n}/∂h_t) and its bound, for n = 0 … distance (what a figure draws).

    ws: list of weights; h0: the state the products start from; distance: the
    largest n; activation: "sigmoid" or "tanh". Returns {w: (magnitudes, bound)},
    each (distance + 1,); a product that underflows is 0.
    """
    curves = {}
    for w in ws:
        with np.errstate(divide="ignore"):
            magnitude = np.abs(scalar_gradient_product(w, h0, distance, activation))
        curves[w] = (magnitude, gradient_bound(w, distance, activation))
    return curves


def gradient_magnitudes(w, h0, distances, start=0, activation="sigmoid"):
    """abs(∂h_{start+n}/∂h_start) for every n in ``distances``, from a run that begins at h_0 = h0.

    start = 0 measures the *transient* (the product begins at the chosen h0);
    a large start (e.g. 1000) measures the *settled* orbit, where the state has
    forgotten h0. Computed as a sum of logarithms, step by step without storing
    the run (grids of many runs fit in memory), so products far below the
    smallest float (or above the largest) come out as 0 (or inf) without
    warnings. w, h0: numbers or arrays that broadcast together; distances: list
    of whole numbers ≥ 1; start: whole number ≥ 0.
    Returns (len(distances),) + broadcast shape.
    """
    w, h0 = _check_scalar_run(w, h0, activation)
    start = _check_count(start, "start")
    distances = _check_distances(distances)
    with np.errstate(over="ignore"):
        return np.exp(_log_magnitudes(w, h0, distances, start, activation))


def _log_magnitudes(w, h0, distances, start, activation):
    """log abs(∂h_{start+n}/∂h_start) for n in distances: (len(distances),) + shape; −inf where 0."""
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


def largest_gradients(w, h0, distances, start=0, activation="sigmoid"):
    """The largest abs(∂h_{start+n}/∂h_start) over a grid of runs, and the run that reaches it.

    Arguments as in ``gradient_magnitudes`` (typically w and h0 from
    ``np.meshgrid``). Returns a list with one tuple per distance n:
    (n, largest magnitude, its w, its h0).
    """
    magnitudes = gradient_magnitudes(w, h0, distances, start, activation)
    w, h0 = np.broadcast_arrays(np.asarray(w, dtype=float), np.asarray(h0, dtype=float))
    rows = []
    for n, values in zip(distances, magnitudes):
        where = np.unravel_index(np.argmax(values), values.shape)
        rows.append((int(n), float(values[where]), float(w[where]), float(h0[where])))
    return rows


def long_run_factor(w, h0=0.5, activation="sigmoid", burn_in=None, steps=200, tol=1e-5):
    """The per-step factor the product settles to: the geometric mean of abs(w·f′(w·h_{t−1})).

    Measured over ``steps`` steps (an even number, so that a period-2 orbit counts
    both its states) after ``burn_in`` steps, when the state has settled on its
    fixed point or its period-2 oscillation. The product over n settled steps is
    about (this factor)^n: below 1 it vanishes, above 1 it explodes.
    w, h0: numbers or arrays that broadcast together. burn_in: None (the default)
    doubles it from 1000 until the factor changes by less than ``tol``
    (relative): near w_c, where the state approaches its orbit only like 1/√t,
    that takes up to about 10⁵ steps. A whole number fixes it instead.
    Returns the broadcast shape (a float for scalar input).
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


def fixed_point(w):
    """The fixed point h* = σ(w·h*) of the sigmoid RNN: the state it stays in once there.

    Unique for every w: in (1/2, 1) for w > 0, 1/2 for w = 0, in (0, 1/2) for
    w < 0. w: number or array. Returns the shape of w (a float for a number).
    """
    w = checks.as_float_array(w, "w", ndims=range(4))
    h = _fixed_point(w)
    return float(h) if h.ndim == 0 else h


def fixed_point_factor(w):
    """The one-step derivative at the fixed point, w·σ′(w·h*) = w·h*(1 − h*).

    Its size decides the fixed point's stability: abs(factor) < 1 and nearby states
    move towards h* (and the gradient there vanishes like abs(factor)^n); abs(factor) > 1
    and they move away. w: number or array. Returns the shape of w.
    """
    w = checks.as_float_array(w, "w", ndims=range(4))
    h = _fixed_point(w)
    factor = w * h * (1.0 - h)
    return float(factor) if factor.ndim == 0 else factor


def period_doubling_weight():
    """The weight w_c < 0 below which the fixed point of h_t = σ(w·h_{t−1}) is unstable.

    At w_c the factor w·σ′(w·h*) is −1. Writing x = −w·h* > 0, the fixed point
    is h* = σ(−x) and the factor is −x·σ(x), so x solves x·σ(x) = 1 (bisection)
    and w_c = −x/σ(−x) ≈ −5.87. For w < w_c the state settles on a period-2
    oscillation instead. Returns a float.
    """
    low, high = 0.0, 2.0  # x·σ(x) is increasing, 0 at x = 0 and > 1 at x = 2
    for _ in range(80):
        x = (low + high) / 2
        low, high = (x, high) if x * sigmoid(x) < 1 else (low, x)
    x = (low + high) / 2
    return float(-x / sigmoid(-x))


# ---------------------------------------------------------------- the matrix RNN


def spectral_radius(W):
    """ρ(W) = the largest abs(eigenvalue) of a square matrix W (H, H). Returns a float."""
    W = _check_square(W, "W")
    return float(np.max(np.abs(np.linalg.eigvals(W))))


def scale_to_spectral_radius(W, rho):
    """W (H, H) multiplied by the number that gives it spectral radius ``rho`` (> 0). Returns (H, H)."""
    W = _check_square(W, "W")
    rho = checks.check_positive(rho, "rho")
    current = spectral_radius(W)
    if current == 0:
        raise ValueError("W has spectral radius 0 (all eigenvalues are 0): it cannot be rescaled")
    return W * (rho / current)


def _check_square(W, name):
    W = checks.as_float_array(W, name, ndims=(2,))
    if W.shape[0] != W.shape[1] or W.shape[0] == 0:
        raise ValueError(f"{name} must be a square (H, H) matrix, got shape {W.shape}")
    return W


def tanh_rnn_states(W_hh, h0, T, drive=None):
    """h_1 … h_T of h_t = tanh(h_{t−1} W_hh + d_t): the book's RNN with its input folded into d_t.

    W_hh: (H, H). h0: (H,). T: steps (≥ 1). drive: (T, H), the input's
    contribution d_t = x_t W_eh + b_h at every step, or None for no input.
    Returns (T, H); row t − 1 is h_t.
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


def jacobian_chain(W_hh, h=None, distance=None):
    """Every product ∂h_{t+n}/∂h_t = J_{t+n} ⋯ J_{t+1}, for n = 0 … distance.

    W_hh: (H, H). h: (distance, H), the states h_{t+1} … h_{t+distance} of a tanh
    RNN, whose step Jacobian is J_i = diag(1 − h_i²) W_hhᵀ; or None for the
    *linear* RNN h_i = h_{i−1} W_hh (+ input), whose Jacobian is W_hhᵀ at every
    step, and then ``distance`` says how many steps. Returns (distance + 1, H, H)
    with entry [n, a, b] = ∂h_{t+n}[a]/∂h_t[b]; entry [0] is the identity.
    The input does not appear: it shifts the states but not the formula.
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


def jacobian_product_norms(W_hh, h=None, distance=None):
    """‖∂h_{t+n}/∂h_t‖₂ (largest singular value) for n = 0 … distance.

    Arguments as in ``jacobian_chain``. Returns (distance + 1,), entry [0] = 1.
    """
    return np.linalg.norm(jacobian_chain(W_hh, h, distance), ord=2, axis=(1, 2))
