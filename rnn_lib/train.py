"""Weight updates: gradient descent on the RNN's weights.

Explained in the chapter *Weight updates* (slides 7–9). One update is

    W ← W − η ∂L/∂W     for every weight W,

with learning rate η and the gradient from ``rnn.bptt``. With one training
document, one update is one epoch.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import ArrayLike

from . import checks, gru
from .cell import Cell, check_cell, check_training_inputs
from .data import one_hot
from .gru import GRUParams
from .lstm import LSTMParams, LSTMTrace
from .rnn import Params

#: Any cell's weights: ``gradient_step`` returns the type it is given.
_CellT = TypeVar("_CellT", bound=Cell)


def gradient_step(params: _CellT, grads: _CellT, learning_rate: float) -> _CellT:
    """One step of gradient descent: new weights W − η·dL/dW for every weight.

    ``params`` is left as it was.

    Parameters
    ----------
    params : Cell
        The weights of one cell (Params, GRUParams, ...); every array keeps its
        shape, e.g. W_eh (E, H), W_hh (H, H), W_hy (H, Y).
    grads : Cell
        The gradient dL/dW, of the same type as ``params`` and with the same
        shapes (as ``bptt`` returns it).
    learning_rate : float
        η > 0.

    Returns
    -------
    Cell
        New weights of the type of ``params``, each array of its shape.

    Raises
    ------
    TypeError
        If ``params`` is not a cell's weights, ``grads`` is not of the same
        type, or ``learning_rate`` is not a real number.
    ValueError
        If ``learning_rate`` is not a finite number > 0.
    """
    check_cell(params)
    if type(grads) is not type(params):
        raise TypeError(f"grads must be a {type(params).__name__} like params, got {type(grads).__name__}")
    learning_rate = checks.check_positive(learning_rate, "learning_rate")
    return params.replace(
        **{name: array - learning_rate * getattr(grads, name) for name, array in params.items()}
    )


@dataclass(frozen=True, eq=False)
class History:
    """What gradient descent did, one entry per update (entry 0 is the start).

    Attributes
    ----------
    params : list of Cell
        S + 1 weights: the start, then the weights after each of the S updates.
    loss : ndarray, shape (S + 1,)
        The loss before each update, and after the last.
    y_hat : ndarray, shape (S + 1,) or (S + 1, N)
        The prediction ŷ_T[0] after the last sequence step for each entry of
        ``params``: (S + 1,) for one document, (S + 1, N) for a batch.
    """

    params: list[Cell]
    loss: np.ndarray
    y_hat: np.ndarray


def gradient_descent(
    params: Cell,
    X: ArrayLike,
    y: ArrayLike,
    learning_rate: float,
    steps: int,
    h0: ArrayLike | None = None,
    loss_on: str = "last",
) -> History:
    """Run ``steps`` full-batch updates; return a History of the weights, losses and predictions.

    Every update uses the gradient of the whole of X (``params.bptt``).

    Parameters
    ----------
    params : Cell
        The starting weights (Params, GRUParams, LSTMParams); E rows in each input weight.
    X : array_like, shape (T, E) or (N, T, E)
        One document or a batch of N documents.
    y : array_like, shape () or (Y,), or (N,), (N, Y) for a batch
        The labels, 0 or 1.
    learning_rate : float
        η > 0.
    steps : int
        The number of updates S ≥ 0.
    h0 : array_like, shape (H,) or (N, H), optional
        The initial hidden state; None for zeros.
    loss_on : str
        "last" (many-to-one, L = L_T) or "all" (many-to-many, L = Σ_t L_t).

    Returns
    -------
    History
        S + 1 weights, losses (S + 1,) and predictions (S + 1,) or (S + 1, N).

    Raises
    ------
    TypeError
        If ``params`` is not a cell's weights, ``learning_rate`` is not a real
        number or ``steps`` is not a whole number; or as ``bptt`` for X, y, h0, loss_on.
    ValueError
        If ``learning_rate`` is not a finite number > 0 or ``steps`` < 0; or as
        ``bptt`` for X, y, h0, loss_on.
    """
    checks.check_positive(learning_rate, "learning_rate")
    steps = checks.check_count(steps, "steps")
    check_cell(params)
    history, losses = [params], []
    for _ in range(steps):
        loss, grads = params.bptt(X, y, h0, loss_on)
        losses.append(loss)
        params = gradient_step(params, grads, learning_rate)
        history.append(params)
    losses.append(params.bptt(X, y, h0, loss_on)[0])
    y_hat = np.array([p.forward(X, h0).y_hat[..., -1, 0] for p in history])
    return History(params=history, loss=np.array(losses), y_hat=y_hat)


def updates_to_reach(
    params: Cell, X: ArrayLike, y: ArrayLike, learning_rate: float, target: float, max_steps: int = 10_000
) -> int | None:
    """How many updates until the last-step prediction of one document first exceeds ``target``.

    ``updates_needed`` with one learning rate and one target.

    Parameters
    ----------
    params : Cell
        The starting weights of any cell (Params, GRUParams, LSTMParams); E rows in each input weight.
    X : array_like, shape (T, E)
        One document.
    y : array_like, shape () or (Y,)
        Its label, 0 or 1.
    learning_rate : float
        η > 0.
    target : float
        A probability in [0, 1).
    max_steps : int
        The most updates to try, ≥ 0.

    Returns
    -------
    int or None
        The number of updates (0 if the prediction already exceeds ``target``),
        or None if ``max_steps`` updates do not get there.

    Raises
    ------
    TypeError
        If ``params`` is not a cell's weights, ``learning_rate`` or ``target`` is
        not a real number, or ``max_steps`` is not a whole number; or as ``bptt`` for X and y.
    ValueError
        If ``learning_rate`` is not > 0, ``target`` is not in [0, 1), X is not
        two-dimensional or ``max_steps`` < 0; or as ``bptt`` for X and y.
    """
    checks.check_positive(learning_rate, "learning_rate")
    target = checks.check_real(target, "target", 0, 1, high_open=True)
    return updates_needed(params, X, y, [learning_rate], [target], max_steps)[0][0]


def _check_one_document(X):
    if np.ndim(X) != 2:
        raise ValueError(
            f"X must be one document of shape (T, E), got shape {np.shape(X)}:"
            " the prediction to follow is that of a single document"
        )


def _check_targets(targets) -> np.ndarray:
    targets = checks.as_float_array(targets, "targets", ndims=(1,))
    if targets.size == 0 or np.any((targets < 0) | (targets >= 1)):
        raise ValueError(
            f"targets must be one or more probabilities in [0, 1), got {targets.tolist()}"
        )
    return targets


def _check_learning_rates(learning_rates) -> np.ndarray:
    rates = checks.as_float_array(learning_rates, "learning_rates", ndims=(1,))
    if rates.size == 0 or np.any(rates <= 0):
        raise ValueError(
            f"learning_rates must be one or more numbers > 0, got {rates.tolist()}"
        )
    return rates


def updates_needed(
    params: Cell,
    X: ArrayLike,
    y: ArrayLike,
    learning_rates: ArrayLike,
    targets: ArrayLike,
    max_steps: int = 10_000,
) -> list[tuple[int | None, ...]]:
    """For each learning rate, how many updates it takes the prediction to pass each target.

    The table of the chapter *Weight updates*: slides 8 and 9 pretend that one
    update gives 0.78 and a second 0.98; this counts the real updates. The
    prediction followed is ŷ_T[0], after the last step of the document.

    Parameters
    ----------
    params : Cell
        The starting weights of any cell (Params, GRUParams, LSTMParams); E rows in each input weight.
    X : array_like, shape (T, E)
        One document.
    y : array_like, shape () or (Y,)
        Its label, 0 or 1.
    learning_rates : array_like, shape (R,)
        Values of η > 0.
    targets : array_like, shape (K,)
        Probabilities in [0, 1).
    max_steps : int
        The most updates to try for each learning rate, ≥ 0.

    Returns
    -------
    list of tuple of (int or None)
        R tuples of K entries: the first update count after which the
        last-step prediction exceeds the target (0 if it already does), or
        None if ``max_steps`` updates do not get there.

    Raises
    ------
    TypeError
        If ``learning_rates`` or ``targets`` is not numeric, ``max_steps`` is
        not a whole number or ``params`` is not a cell's weights; or as ``bptt`` for X and y.
    ValueError
        If X is not two-dimensional, ``learning_rates`` is not a non-empty
        (R,) array of numbers > 0, ``targets`` not a non-empty (K,) array of
        probabilities in [0, 1), or ``max_steps`` < 0; or as ``bptt`` for X and y.
    """
    check_cell(params)
    _check_one_document(X)
    rates = _check_learning_rates(learning_rates)
    targets = _check_targets(targets)
    max_steps = checks.check_count(max_steps, "max_steps")
    table = []
    for learning_rate in rates:
        found: list[int | None] = [None] * len(targets)
        current = params
        for step in range(max_steps + 1):
            y_hat = current.forward(X).y_hat[-1, 0]
            for k, target in enumerate(targets):
                if found[k] is None and y_hat > target:
                    found[k] = step
            if None not in found or step == max_steps:
                break
            current = gradient_step(current, current.bptt(X, y)[1], learning_rate)
        table.append(tuple(found))
    return table


def learning_rate_to_reach(
    params: Cell,
    X: ArrayLike,
    y: ArrayLike,
    target: float,
    steps: int = 1,
    max_learning_rate: float = 1e6,
    tol: float = 1e-12,
) -> float:
    """The learning rate η at which ``steps`` updates bring one document's prediction to ``target``.

    Answers "which η would make a *real* update give the slides' 0.78?" (chapter
    *Weight updates*). Finds η by bisection of η ↦ ŷ after ``steps`` updates
    between 0 and the first of 1, 2, 4, … whose prediction exceeds ``target``,
    each capped at ``max_learning_rate`` (so the η returned never exceeds it);
    if that function is not monotone, the η returned is one crossing, not
    necessarily the smallest.

    Parameters
    ----------
    params : Cell
        The starting weights of any cell (Params, GRUParams, LSTMParams); E rows in each input weight.
    X : array_like, shape (T, E)
        One document.
    y : array_like, shape () or (Y,)
        Its label, 0 or 1.
    target : float
        A probability above the current prediction ŷ_T[0] and below 1.
    steps : int
        How many updates, ≥ 1.
    max_learning_rate : float
        The largest η to try (and to return), > 0: the search gives up when
        even this η does not get past ``target``.
    tol : float
        Relative width of the final bisection interval, > 0.

    Returns
    -------
    float
        The learning rate η, in (0, ``max_learning_rate``].

    Raises
    ------
    TypeError
        If ``target``, ``max_learning_rate`` or ``tol`` is not a real number,
        ``steps`` is not a whole number or ``params`` is not a cell's weights; or
        as ``bptt`` for X and y.
    ValueError
        If X is not two-dimensional, ``target`` is not in [0, 1), ``steps`` < 1,
        ``max_learning_rate`` or ``tol`` is not > 0, the prediction already
        reaches ``target``, or none of η = 1, 2, 4, … below ``max_learning_rate``
        nor η = ``max_learning_rate`` itself gets past it; or as ``bptt`` for X and y.
    """
    check_cell(params)
    _check_one_document(X)
    target = checks.check_real(target, "target", 0, 1, high_open=True)
    steps = checks.check_count(steps, "steps", low=1)
    max_learning_rate = checks.check_positive(max_learning_rate, "max_learning_rate")
    tol = checks.check_positive(tol, "tol")
    start = params.forward(X).y_hat[-1, 0]
    if start >= target:
        raise ValueError(
            f"the prediction is already {start:.6g} >= target {target}: no update is needed"
        )

    def prediction(learning_rate):
        return gradient_descent(params, X, y, learning_rate, steps).y_hat[-1]

    low, high = 0.0, min(1.0, max_learning_rate)
    while prediction(high) <= target:
        if high >= max_learning_rate:
            raise ValueError(
                f"no learning rate up to max_learning_rate = {max_learning_rate:g} brings the"
                f" prediction past {target} in {steps} update(s)"
            )
        low, high = high, min(2.0 * high, max_learning_rate)
    while high - low > tol * high:
        middle = 0.5 * (low + high)
        if prediction(middle) <= target:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


# ---------------------------------------------------------------- mini-batch training
# Explained in the chapters *Does it really learn?* (mini-batches, learned
# embeddings) and *Long-range memory* (gradient clipping, the gated cell).


def gradient_norm(grads: Cell) -> float:
    """The global norm of a gradient (any cell's): the square root of the sum of squares of every entry.

    Parameters
    ----------
    grads : Cell
        A gradient (Params, GRUParams, LSTMParams), arrays of the weights' shapes.

    Returns
    -------
    float
        The Euclidean norm of all entries together.

    Raises
    ------
    TypeError
        If ``grads`` is not a cell's weights.
    """
    check_cell(grads, name="grads")
    return float(np.sqrt(sum(np.sum(array**2) for _, array in grads.items())))


def clip_gradients(grads: _CellT, max_norm: float) -> tuple[_CellT, float]:
    """Scale the whole gradient down to norm ``max_norm`` if it is longer (Pascanu et al. 2013).

    The direction is kept; only the length of the step is limited.

    Parameters
    ----------
    grads : Cell
        A gradient (Params, GRUParams or LSTMParams), arrays of the weights' shapes.
    max_norm : float
        The largest norm allowed, > 0.

    Returns
    -------
    clipped : Cell
        ``grads`` itself if its norm is at most ``max_norm``, else a scaled
        copy of the same type and shapes.
    norm : float
        The norm before clipping.

    Raises
    ------
    TypeError
        If ``grads`` is not a cell's weights or ``max_norm`` is not a real number.
    ValueError
        If ``max_norm`` is not a finite number > 0.
    """
    check_cell(grads, name="grads")
    max_norm = checks.check_positive(max_norm, "max_norm")
    norm = gradient_norm(grads)
    if norm <= max_norm:
        return grads, norm
    scale = max_norm / norm
    return grads.replace(**{name: scale * array for name, array in grads.items()}), norm


CELLS = ("rnn", "gru", "lstm")


def init_params(
    cell: str,
    E: int,
    H: int,
    Y: int = 1,
    seed: int = 0,
    input_scale: float = 1.0,
    recurrent_scale: float = 1.0,
    update_bias: float | None = None,
    forget_bias: float | None = None,
) -> Params | GRUParams | LSTMParams:
    """Random starting weights for a plain RNN (cell="rnn"), a GRU ("gru") or an LSTM ("lstm"), seeded.

    Input weights (rows of W_eh: the embeddings) ~ N(0, input_scale²), so a
    one-hot token gives z_t entries of about that size; recurrent weights
    W_hh ~ N(0, recurrent_scale²/H), so that at 1 W_hh neither blows the state
    up nor kills it at the start; the output W_hy ~ N(0, 1/H); biases 0. For
    the GRU, the update gate's bias starts at ``update_bias``, −3 unless given
    (see ``gru.init_params``). The LSTM is drawn the same way, for all four
    gates at once: W_e (E, 4H) ~ N(0, input_scale²), W_h (H, 4H) ~
    N(0, recurrent_scale²/H), W_hy ~ N(0, 1/H), b = 0 except the forget gate's
    block b[H:2H] = ``forget_bias``, +3 unless given: f_t ≈ σ(3) ≈ 0.95 keeps
    the memory as the GRU's 1 − σ(−3) keeps its state, the same gated-path
    factor (``lstm.init_params`` draws PyTorch's uniform weights instead). Each
    cell refuses the other's gate bias; the plain RNN refuses both.

    Parameters
    ----------
    cell : str
        "rnn", "gru" or "lstm".
    E : int
        Input (embedding) size, ≥ 1: the vocabulary size for one-hot inputs.
    H : int
        Hidden size, ≥ 1.
    Y : int
        Number of outputs, ≥ 1.
    seed : int
        Seed of the random generator, ≥ 0.
    input_scale : float
        Standard deviation of the input weights, ≥ 0.
    recurrent_scale : float
        Standard deviation of the recurrent weights, times √H, ≥ 0.
    update_bias : float or None, default None
        The GRU's starting b_u, any finite number; None for −3.0. Only for
        cell="gru": leave it None for the others.
    forget_bias : float or None, default None
        The LSTM's starting forget-gate bias b[H:2H], any finite number; None
        for +3.0. Only for cell="lstm": leave it None for the others.

    Returns
    -------
    Params, GRUParams or LSTMParams
        W_eh (E, H), W_hh (H, H), W_hy (H, Y), b_h (H,), b_y (Y,), and for the
        GRU also W_er, W_eu (E, H), W_hr, W_hu (H, H), b_r, b_u (H,); for the
        LSTM W_e (E, 4H), W_h (H, 4H), b (4H,), W_hy (H, Y), b_y (Y,).

    Raises
    ------
    TypeError
        If ``cell`` is not a string, E, H, Y or ``seed`` is not a whole number,
        or a scale, ``update_bias`` or ``forget_bias`` (unless None) is not a real number.
    ValueError
        If ``cell`` is not one of "rnn", "gru", "lstm", E, H or Y < 1, ``seed``
        < 0, a scale is negative or not finite, a gate bias is not finite, or
        a gate bias is given (not None) for a cell without that gate.
    """
    checks.check_choice(cell, "cell", CELLS)
    E, H, Y = (checks.check_count(n, name, low=1) for n, name in ((E, "E"), (H, "H"), (Y, "Y")))
    seed = checks.check_count(seed, "seed")
    input_scale = checks.check_real(input_scale, "input_scale", low=0)
    recurrent_scale = checks.check_real(recurrent_scale, "recurrent_scale", low=0)
    biases = {"update_bias": (update_bias, "gru", "the GRU's update-gate bias", "update gate"),
              "forget_bias": (forget_bias, "lstm", "the LSTM's forget-gate bias", "forget gate")}
    for name, (value, owner, what, gate_name) in biases.items():
        if value is None:
            continue
        checks.check_real(value, name)
        if cell != owner:
            raise ValueError(f"{name} is {what}, but cell={cell!r} has no {gate_name}: leave it out"
                             f" (got {name}={value})")
    if cell == "gru":
        bias = -3.0 if update_bias is None else float(update_bias)
        return gru.init_params(E, H, Y, seed, input_scale, bias, recurrent_scale)
    rng = np.random.default_rng(seed)
    width = 4 * H if cell == "lstm" else H  # the LSTM's four gates side by side
    W_in = rng.normal(0.0, input_scale, (E, width))
    W_rec = rng.normal(0.0, recurrent_scale / np.sqrt(H), (H, width))
    W_hy = rng.normal(0.0, 1.0 / np.sqrt(H), (H, Y))
    if cell == "rnn":
        return Params(W_eh=W_in, W_hh=W_rec, W_hy=W_hy)
    b = np.zeros(4 * H)
    b[H:2 * H] = 3.0 if forget_bias is None else float(forget_bias)  # the forget gate f, second of i, f, g, o
    return LSTMParams(W_e=W_in, W_h=W_rec, b=b, W_hy=W_hy)


#: Where truncated BPTT's chunks are anchored: "start" (a framework's chunks) or "end".
ALIGNS = ("start", "end")


def chunk_slices(T: int, K: int, align: str = "start") -> list[slice]:
    """Steps 0 … T−1 (0-based) cut into consecutive chunks of at most K, as truncated BPTT reads them.

    Explained in the chapter *Long-range memory*. With align="start" the
    chunks begin at step 0, every K steps, and the last one may be shorter:
    how a framework walks a long text. With align="end"
    they end at step T−1 and the *first* may be shorter, so that the last
    chunk always holds the last K steps.

    Parameters
    ----------
    T : int
        The number of steps, ≥ 1.
    K : int
        The chunk length, ≥ 1.
    align : {"start", "end"}, default "start"
        Which end of the sequence the full chunks start from.

    Returns
    -------
    list of slice
        ⌈T / K⌉ slices in order, each of 1 … K steps, together covering 0 … T−1 once.

    Raises
    ------
    TypeError
        If T or K is not a whole number, or align is not a string.
    ValueError
        If T or K < 1, or align is neither "start" nor "end".
    """
    T, K = checks.check_count(T, "T", low=1), checks.check_count(K, "K", low=1)
    checks.check_choice(align, "align", ALIGNS)
    first = K if align == "start" else T - K * ((T - 1) // K)  # the length of the first chunk
    return [slice(0, min(first, T))] + [slice(a, min(a + K, T)) for a in range(first, T, K)]


def _carried(trace):
    """The state one chunk hands to the next: h_T (N, H), and the LSTM's memory c_T (N, H), as keywords."""
    state = {"h0": trace.h[:, -1]}
    if isinstance(trace, LSTMTrace):
        state["c0"] = trace.c[:, -1]
    return state


def chunked_bptt(params: _CellT, X: ArrayLike, y: ArrayLike, K: int, h0: ArrayLike | None = None,
                 loss_on: str = "last", align: str = "start") -> tuple[float, _CellT]:
    """Truncated BPTT in chunks of K steps: the state carried forward, the gradient cut at each chunk's start.

    Explained in the chapters *Backpropagation through time* and *Long-range
    memory*. The forward pass runs through the chunks of ``chunk_slices(T, K,
    align)``, each from the state the previous one ended in (h, and the LSTM's
    memory c), so the loss is the full pass's. Each chunk's gradient is that of
    its own losses with its starting state held fixed (PyTorch's
    ``h.detach()``), and the chunks' gradients are added. K ≥ T is full BPTT.
    With loss_on="last" only the last chunk has a loss: the gradient is BPTT
    over that chunk alone, and align="end" makes it the last K steps, the
    sliding window of ``analysis.jacobians.truncated_bptt_whh``.

    Parameters
    ----------
    params : Cell
        Params, GRUParams or LSTMParams.
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    K : int
        The chunk length, ≥ 1.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0; None means zeros (and an LSTM's c_0 is zeros).
    loss_on : {"last", "all"}, default "last"
        Score the last step only, or every step.
    align : {"start", "end"}, default "start"
        Chunks from the first step (a framework's) or ending at the last (``chunk_slices``).

    Returns
    -------
    loss : float
        The loss L, in nats, as the cell's ``bptt`` computes it over the whole sequence.
    grads : Cell
        The sum of the chunks' gradients, weights of the type and shapes of params.

    Raises
    ------
    TypeError
        If params is not a cell's weights, K is not a whole number, align or
        loss_on is not a string, or X, y or h0 is not numeric.
    ValueError
        If K < 1, align is neither "start" nor "end", or as the cell's ``bptt``.
    FloatingPointError
        If the forward pass or a gradient overflows.
    """
    check_cell(params)
    X, h0, y = check_training_inputs(params, X, y, h0, loss_on)  # X (N, T, E), h0 (N, H), y (N, Y)
    parts = chunk_slices(X.shape[1], K, align)
    state, loss = {"h0": h0}, 0.0
    chunk_grads: list[Cell] = []
    for part in parts:
        if loss_on == "all" or part is parts[-1]:  # with loss_on="last", earlier chunks have no loss
            chunk_loss, grads = params.bptt(X[:, part], y, loss_on=loss_on, **state)
            loss, chunk_grads = loss + chunk_loss, chunk_grads + [grads]
        if part is not parts[-1]:
            state = _carried(params.forward(X[:, part], **state))  # carried on, held fixed
    return loss, type(params).trusted(**{name: sum(getattr(g, name) for g in chunk_grads)
                                         for name in params.names()})


def _by_length(documents, size):
    """Group documents (id arrays) by length: {T: (indices (n,), one-hot X (n, T, size))}."""
    if len(documents) == 0:
        raise ValueError("documents is empty: give at least one document")
    lengths = np.array([len(ids) for ids in documents])
    groups = {}
    for T in np.unique(lengths):
        indices = np.flatnonzero(lengths == T)
        groups[int(T)] = (indices, np.stack([one_hot(documents[i], size) for i in indices]))
    return groups


def predict(params: Cell, documents: Sequence[ArrayLike]) -> np.ndarray:
    """The prediction ŷ_T after the last step of every document.

    Documents of the same length go through the cell together, as one batch.

    Parameters
    ----------
    params : Cell
        Params, GRUParams or LSTMParams, with E = the vocabulary size.
    documents : sequence of array_like, each of shape (T_n,)
        N arrays of token ids, read as one-hot rows of size E (so row v of
        each input weight, W_eh or the LSTM's W_e, is the embedding of token v).

    Returns
    -------
    ndarray, shape (N,)
        The probabilities ŷ_T[0], one per document.

    Raises
    ------
    TypeError
        If ``params`` is not a cell's weights, or a document is not an array of
        whole numbers (``one_hot``).
    ValueError
        If ``documents`` is empty, or a document is not one-dimensional or holds
        ids outside 0 … E − 1 (``one_hot``).
    """
    check_cell(params)
    y_hat = np.empty(len(documents))
    for indices, X in _by_length(documents, params.E).values():
        y_hat[indices] = params.forward(X).y_hat[:, -1, 0]
    return y_hat


def accuracy(params: Cell, documents: Sequence[ArrayLike], y: ArrayLike) -> float:
    """The fraction of documents whose prediction ŷ_T > 0.5 matches the label.

    Parameters
    ----------
    params : Cell
        Params, GRUParams or LSTMParams, with E = the vocabulary size.
    documents : sequence of array_like, each of shape (T_n,)
        N arrays of token ids, as in ``predict``.
    y : array_like, shape (N,)
        The labels, 0 or 1.

    Returns
    -------
    float
        The accuracy, in [0, 1].

    Raises
    ------
    TypeError
        If ``y`` is not numeric; or as ``predict``.
    ValueError
        If ``y`` is not one-dimensional and finite or its length is not N; or as ``predict``.
    """
    y = checks.as_float_array(y, "y", ndims=(1,))
    if len(y) != len(documents):
        raise ValueError(f"y has {len(y)} labels but there are {len(documents)} documents")
    return float(np.mean((predict(params, documents) > 0.5) == y))


def _mean_loss(params, groups, y):
    return sum(len(i) * params.evaluate_loss(X, y[i]) for i, X in groups.values()) / len(y)


def _shuffled_batches(groups, y, batch_size, rng):
    """One epoch's mini-batches in random order: (X (n, T, E), labels (n,)), each of one length T."""
    batches = []
    for indices, X in groups.values():
        order = rng.permutation(len(indices))
        for part in np.array_split(order, -(-len(order) // batch_size)):  # ⌈n / batch_size⌉ parts
            batches.append((X[part], y[indices[part]]))
    return [batches[i] for i in rng.permutation(len(batches))]


@dataclass(frozen=True, eq=False)
class TrainingRun:
    """What mini-batch training did.

    Attributes
    ----------
    params : Cell
        The final weights, of the type of the starting ones.
    loss : ndarray, shape (epochs + 1,)
        The training loss before training, then the mean mini-batch loss of
        each epoch (each batch's loss taken before its update).
    test_accuracy : ndarray, shape (epochs + 1,)
        Held-out accuracy before training and after each epoch (NaN without a
        test set).
    gradient_norms : ndarray, shape (updates,)
        The norm of every mini-batch gradient, before clipping.
    """

    params: Cell
    loss: np.ndarray
    test_accuracy: np.ndarray
    gradient_norms: np.ndarray


def train_classifier(
    params: Cell,
    documents: Sequence[ArrayLike],
    y: ArrayLike,
    learning_rate: float,
    epochs: int,
    batch_size: int = 32,
    max_norm: float | None = None,
    seed: int = 0,
    test: tuple[Sequence[ArrayLike], ArrayLike] | None = None,
    chunk_length: int | None = None,
    align: str = "start",
) -> TrainingRun:
    """Train a sequence classifier by mini-batch gradient descent, with optional clipping.

    With one-hot inputs the rows of the input weights (W_eh, the LSTM's W_e) are learned embeddings. Each epoch
    shuffles the documents (seeded), cuts them into batches of at most
    ``batch_size`` documents of one length, and takes one step
    W ← W − η dL/dW per batch (loss on the last step), the gradient first
    clipped to ``max_norm`` if given. With ``chunk_length`` K, the gradient is
    truncated BPTT, ``chunked_bptt(params, X, y, K, align=align)``.

    Parameters
    ----------
    params : Cell
        Params, GRUParams or LSTMParams, with E = the vocabulary size.
    documents : sequence of array_like, each of shape (T_n,)
        N arrays of token ids.
    y : array_like, shape (N,)
        The labels, 0 or 1.
    learning_rate : float
        η > 0.
    epochs : int
        Passes over the documents, ≥ 0.
    batch_size : int
        The most documents per mini-batch, ≥ 1.
    max_norm : float, optional
        Clip every gradient to this norm (> 0); None for no clipping.
    seed : int
        Seed of the shuffling, ≥ 0.
    test : tuple of (sequence of array_like, array_like of shape (M,)), optional
        Held-out (documents, labels) to score after every epoch; None for none.
    chunk_length : int, optional
        Truncate BPTT to chunks of this many steps (≥ 1, ``chunked_bptt``); None for full BPTT.
    align : {"start", "end"}, default "start"
        Where the chunks start (``chunk_slices``); only used with ``chunk_length``.

    Returns
    -------
    TrainingRun
        The final weights, losses (epochs + 1,), test accuracies (epochs + 1,)
        and the norm of every gradient (updates,).

    Raises
    ------
    TypeError
        If ``params`` is not a cell's weights, ``learning_rate`` or ``max_norm``
        is not a real number, ``epochs``, ``batch_size``, ``seed`` or
        ``chunk_length`` is not a whole number, ``align`` is not a string, or
        ``y`` is not numeric; or as ``predict`` for the documents.
    ValueError
        If ``learning_rate`` or ``max_norm`` is not > 0, ``epochs`` or ``seed``
        < 0, ``batch_size`` or ``chunk_length`` < 1, ``align`` is neither
        "start" nor "end", ``y`` is not (N,) or ``documents`` is empty;
        or as ``predict`` for the documents and ``bptt`` for the labels.
    """
    check_cell(params)
    learning_rate = checks.check_positive(learning_rate, "learning_rate")
    epochs = checks.check_count(epochs, "epochs")
    batch_size = checks.check_count(batch_size, "batch_size", low=1)
    if max_norm is not None:
        max_norm = checks.check_positive(max_norm, "max_norm")
    seed = checks.check_count(seed, "seed")
    if chunk_length is not None:
        chunk_length = checks.check_count(chunk_length, "chunk_length", low=1)
    checks.check_choice(align, "align", ALIGNS)
    y = checks.as_float_array(y, "y", ndims=(1,))
    if len(y) != len(documents):
        raise ValueError(f"y has {len(y)} labels but there are {len(documents)} documents")
    rng = np.random.default_rng(seed)

    def gradient(current, X, labels):
        if chunk_length is None:
            return current.bptt(X, labels)
        return chunked_bptt(current, X, labels, chunk_length, align=align)

    groups = _by_length(documents, params.E)

    def score(current):
        return accuracy(current, *test) if test is not None else np.nan

    losses, scores, norms = [_mean_loss(params, groups, y)], [score(params)], []
    for _ in range(epochs):
        epoch_loss = 0.0
        for X, labels in _shuffled_batches(groups, y, batch_size, rng):
            loss, grads = gradient(params, X, labels)
            epoch_loss += loss * len(labels) / len(y)
            if max_norm is None:
                norm = gradient_norm(grads)
            else:
                grads, norm = clip_gradients(grads, max_norm)
            norms.append(norm)
            params = gradient_step(params, grads, learning_rate)
        losses.append(epoch_loss)
        scores.append(score(params))
    return TrainingRun(params, np.array(losses), np.array(scores), np.array(norms))
