"""The gated recurrent unit (GRU): the plain RNN's step, with two gates.

Explained in the chapter *Long-range memory*. Row vectors multiply from the
left, as everywhere in the book. For t = 1 … T:

    r_t = σ(x_t W_er + h_{t−1} W_hr + b_r)          reset gate             (1, H)
    u_t = σ(x_t W_eu + h_{t−1} W_hu + b_u)          update gate            (1, H)
    z_t = x_t W_eh + (r_t ⊙ h_{t−1}) W_hh + b_h     proposed hidden state  (1, H)
    h_t = (1 − u_t) ⊙ h_{t−1} + u_t ⊙ tanh(z_t)     hidden state           (1, H)
    o_t = h_t W_hy + b_y,   ŷ_t = σ(o_t)            logit, prediction      (1, Y)

with h_0 = 0 unless given (Cho et al. 2014, in the form of d2l.ai). With both
gates open, r_t = u_t = 1, this is exactly the plain RNN of ``rnn.py``: z_t and
h_t = tanh(z_t) are equations (rnn-proposed) and (rnn-state). With the update
gate shut, u_t = 0, the state is copied unchanged, h_t = h_{t−1}: the path
along which a gradient can travel many steps without shrinking.

Shapes: T steps, E embedding size, H hidden size, Y outputs, N documents.
One document is X (T, E); a batch is X (N, T, E).
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy as np
from numpy.typing import ArrayLike

from . import checks
from .activations import sigmoid
from .cell import (
    Cell,
    as_weight,
    check_backward_inputs,
    check_cell,
    check_finite_result,
    check_inputs,
    check_training_inputs,
    gate,
    loss_and_dlogits,
    unbatched,
)
from .rnn import Params

if TYPE_CHECKING:
    from .lstm import LSTMTrace
    from .rnn import Trace

#: The gate weights a GRU adds to the plain RNN's, with their shapes.
GATE_SHAPES = {"W_er": "EH", "W_hr": "HH", "b_r": "H", "W_eu": "EH", "W_hu": "HH", "b_u": "H"}


@dataclass(frozen=True, eq=False)
class GRUParams(Cell):
    """The weights of a GRU: the plain RNN's five arrays and those of two gates.

    The constructor takes array_like values of these names; biases may be None
    for zeros. Every array is stored as a float64 copy and checked for shape
    and finiteness.

    Attributes
    ----------
    W_eh : ndarray, shape (E, H)
        Embedding → proposed state, as in ``Params``.
    W_hh : ndarray, shape (H, H)
        Reset hidden state r_t ⊙ h_{t−1} → proposed state.
    W_hy : ndarray, shape (H, Y)
        Hidden → output, as in ``Params``.
    W_er : ndarray, shape (E, H)
        Embedding → reset gate r.
    W_hr : ndarray, shape (H, H)
        Hidden → reset gate r.
    W_eu : ndarray, shape (E, H)
        Embedding → update gate u.
    W_hu : ndarray, shape (H, H)
        Hidden → update gate u.
    b_h : ndarray, shape (H,)
        The bias of the proposed state; zeros if given None.
    b_y : ndarray, shape (Y,)
        The output bias; zeros if given None.
    b_r : ndarray, shape (H,)
        The reset gate's bias; zeros if given None.
    b_u : ndarray, shape (H,)
        The update gate's bias; zeros if given None.

    Raises
    ------
    TypeError
        If an array is not numeric.
    ValueError
        If an array has the wrong number of dimensions or shape, a size of 0,
        or NaN or infinite entries.
    """

    W_eh: np.ndarray
    W_hh: np.ndarray
    W_hy: np.ndarray
    W_er: np.ndarray
    W_hr: np.ndarray
    W_eu: np.ndarray
    W_hu: np.ndarray
    b_h: np.ndarray = None  # type: ignore[assignment]  # None means zeros: __post_init__ stores an array
    b_y: np.ndarray = None  # type: ignore[assignment]
    b_r: np.ndarray = None  # type: ignore[assignment]
    b_u: np.ndarray = None  # type: ignore[assignment]

    def __post_init__(self):
        plain = Params(self.W_eh, self.W_hh, self.W_hy, self.b_h, self.b_y)  # checks those five
        for name, value in plain.items():
            object.__setattr__(self, name, value)
        sizes = {"E": plain.E, "H": plain.H}
        for name, letters in GATE_SHAPES.items():
            shape = tuple(sizes[letter] for letter in letters)
            value = as_weight(getattr(self, name), name, shape, tuple(letters),
                              f"for E = {plain.E}, H = {plain.H}", optional=name.startswith("b_"))
            object.__setattr__(self, name, value)

    #: The weights that read the input x_t (with one-hot inputs, their rows are a token's embedding).
    input_weights = ("W_eh", "W_er", "W_eu")

    def plain(self) -> Params:
        """The plain RNN inside the GRU: Params(W_eh, W_hh, W_hy, b_h, b_y).

        Returns
        -------
        Params
            New weights holding copies of the five arrays; the gates' are left out.
        """
        return Params(self.W_eh, self.W_hh, self.W_hy, self.b_h, self.b_y)

    def forward(self, X: ArrayLike, h0: ArrayLike | None = None) -> "GRUTrace":
        """``gru.forward(self, X, h0)``: the GRU's pass through time.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings x_1 … x_T of one document, or of a batch of N documents.
        h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.

        Returns
        -------
        GRUTrace
            As ``rnn_lib.gru.forward`` returns it (see there for what it raises).
        """
        return forward(self, X, h0)

    def bptt(self, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
             loss_on: str = "last") -> "tuple[float, GRUParams]":
        """``gru.bptt(self, X, y, h0, loss_on)``: the loss and its gradient.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings x_1 … x_T of one document, or of a batch of N documents.
        y : array_like, shape (Y,), or (N, Y) for a batch
            The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
        h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
        loss_on : {"last", "all"}, default "last"
            Score the last step only, or every step.

        Returns
        -------
        loss : float
            The loss L, in nats, as ``rnn_lib.gru.bptt`` computes it (see there for what it raises).
        grads : GRUParams
            dL/d(every weight), of the same shapes as the weights.
        """
        return bptt(self, X, y, h0, loss_on)

    def evaluate_loss(self, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
                      loss_on: str = "last") -> float:
        """``gru.evaluate_loss(self, X, y, h0, loss_on)``: the loss alone.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings x_1 … x_T of one document, or of a batch of N documents.
        y : array_like, shape (Y,), or (N, Y) for a batch
            The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
        h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
        loss_on : {"last", "all"}, default "last"
            Score the last step only, or every step.

        Returns
        -------
        float
            The loss L, in nats, as ``rnn_lib.gru.evaluate_loss`` computes it (see there for what it raises).
        """
        return evaluate_loss(self, X, y, h0, loss_on)

    def backward(self, X: ArrayLike, trace: "Trace | GRUTrace | LSTMTrace", dL_do: ArrayLike) -> "GRUParams":
        """``gru.backward(self, X, trace, dL_do)``: BPTT from any loss on the logits.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings the forward pass read.
        trace : GRUTrace
            What ``self.forward(X, ...)`` returned for this X.
        dL_do : array_like, shape (T, Y) or (N, T, Y)
            The derivative of the loss with respect to every logit o_t.

        Returns
        -------
        GRUParams
            dL/d(every weight), of the same shapes as the weights (see ``rnn_lib.gru.backward`` for what it raises).
        """
        return backward(self, X, cast(GRUTrace, trace), dL_do)  # backward checks the class


def init_params(E: int, H: int, Y: int = 1, seed: int = 0, input_scale: float = 1.0,
                update_bias: float = 0.0, recurrent_scale: float = 1.0) -> GRUParams:
    """Random GRUParams, seeded, with the update gate's bias chosen.

    The input weights W_eh, W_er, W_eu ~ N(0, input_scale²), the recurrent
    ones W_hh, W_hr, W_hu ~ N(0, recurrent_scale²/H), W_hy ~ N(0, 1/H); biases
    0, except b_u = ``update_bias``. A negative update bias starts the gate
    mostly shut (u_t ≈ σ(b_u)): the state is then mostly copied from step to
    step before any training.

    Parameters
    ----------
    E : int
        Embedding size, ≥ 1.
    H : int
        Hidden size, ≥ 1.
    Y : int, default 1
        Number of outputs, ≥ 1.
    seed : int, default 0
        Seed of the random generator, ≥ 0: the same seed gives the same weights.
    input_scale : float, default 1.0
        Standard deviation of the input weights, ≥ 0.
    update_bias : float, default 0.0
        Every entry of b_u, any finite number.
    recurrent_scale : float, default 1.0
        The recurrent weights' standard deviation times √H, ≥ 0.

    Returns
    -------
    GRUParams
        W_eh, W_er, W_eu (E, H); W_hh, W_hr, W_hu (H, H); W_hy (H, Y);
        b_h, b_r, b_u (H,); b_y (Y,).

    Raises
    ------
    TypeError
        If E, H, Y or seed is not a whole number, or a scale or update_bias is not a real number.
    ValueError
        If E, H or Y is below 1, seed below 0, a scale negative or not finite, or
        update_bias not finite.
    """
    E, H, Y = (checks.check_count(n, name, low=1) for n, name in ((E, "E"), (H, "H"), (Y, "Y")))
    rng = np.random.default_rng(checks.check_count(seed, "seed"))
    input_scale = checks.check_real(input_scale, "input_scale", low=0)
    recurrent_scale = checks.check_real(recurrent_scale, "recurrent_scale", low=0)
    update_bias = checks.check_real(update_bias, "update_bias")

    def weights(rows, cols, scale):
        return rng.normal(0.0, scale, (rows, cols))

    recurrent = recurrent_scale / np.sqrt(H)
    return GRUParams(
        W_eh=weights(E, H, input_scale), W_hh=weights(H, H, recurrent),
        W_hy=weights(H, Y, 1.0 / np.sqrt(H)),
        W_er=weights(E, H, input_scale), W_hr=weights(H, H, recurrent),
        W_eu=weights(E, H, input_scale), W_hu=weights(H, H, recurrent),
        b_u=np.full(H, float(update_bias)),
    )


@dataclass(frozen=True, eq=False)
class GRUTrace:
    """Everything the GRU's forward pass computed, kept for the backward pass.

    A batch adds a leading N to every field.

    Attributes
    ----------
    r : ndarray, shape (T, H) or (N, T, H)
        Reset gates r_1 … r_T.
    u : ndarray, shape (T, H) or (N, T, H)
        Update gates u_1 … u_T.
    z : ndarray, shape (T, H) or (N, T, H)
        Proposed hidden states z_1 … z_T.
    h : ndarray, shape (T, H) or (N, T, H)
        Hidden states h_1 … h_T.
    o : ndarray, shape (T, Y) or (N, T, Y)
        Logits o_1 … o_T.
    y_hat : ndarray, shape (T, Y) or (N, T, Y)
        Predicted probabilities ŷ_t = σ(o_t).
    h0 : ndarray, shape (H,) or (N, H)
        The initial hidden state h_0.
    """

    r: np.ndarray
    u: np.ndarray
    z: np.ndarray
    h: np.ndarray
    o: np.ndarray
    y_hat: np.ndarray
    h0: np.ndarray


def _forward(p, X, h0):
    """X: (N, T, E), h0: (N, H). Returns r, u, z, h (N, T, H) and o (N, T, Y)."""
    with np.errstate(over="ignore", invalid="ignore"):
        N, T, _ = X.shape
        rows = X.reshape(N * T, -1)
        x_r, x_u, x_z = ((rows @ W).reshape(N, T, -1) for W in (p.W_er, p.W_eu, p.W_eh))
        x_r += p.b_r
        x_u += p.b_u
        x_z += p.b_h
        r, u, z, h = (np.empty_like(x_z) for _ in range(4))
        h_prev = h0
        for t in range(T):
            r[:, t] = gate(x_r[:, t] + h_prev @ p.W_hr)
            u[:, t] = gate(x_u[:, t] + h_prev @ p.W_hu)
            z[:, t] = x_z[:, t] + (r[:, t] * h_prev) @ p.W_hh
            h_prev = h[:, t] = (1.0 - u[:, t]) * h_prev + u[:, t] * np.tanh(z[:, t])
        o = h @ p.W_hy + p.b_y
    return r, u, z, h, o


def forward(params: GRUParams, X: ArrayLike, h0: ArrayLike | None = None) -> GRUTrace:
    """Run the GRU over one document or a batch.

    The equations of the module's docstring, for t = 1 … T (chapter *Long-range memory*).

    Parameters
    ----------
    params : GRUParams
        The weights: those of ``Params`` and W_er, W_eu (E, H), W_hr, W_hu (H, H), b_r, b_u (H,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.

    Returns
    -------
    GRUTrace
        r, u, z, h (T, H), o, y_hat (T, Y) and h0 (H,), each with a leading N when X is a batch.

    Raises
    ------
    TypeError
        If params is not a GRUParams, or X or h0 is not numeric.
    ValueError
        If X or h0 has the wrong shape for params, holds NaN or infinities, or is
        empty (N = 0 or T = 0).
    FloatingPointError
        If z or o overflows.
    """
    check_cell(params, GRUParams)
    X, h0, batched = check_inputs(params, X, h0)
    r, u, z, h, o = _forward(params, X, h0)
    check_finite_result([("z", z), ("o", o)], "The forward pass")
    return unbatched(GRUTrace(r=r, u=u, z=z, h=h, o=o, y_hat=sigmoid(o), h0=h0), batched)


def _backward(p, X, h0, r, u, z, h, d_o):
    """BPTT through the GRU for a batch, given dL/do (N, T, Y). Returns grads as GRUParams.

    Per step, from dL/dh_t (d_h), with h̃_t = tanh(z_t):
      dL/dz_t         = d_h ⊙ u_t ⊙ (1 − h̃_t²)
      dL/d(r_t⊙h_{t−1}) = dL/dz_t W_hhᵀ
      dL/d(gate pre-activations): d_u ⊙ u(1 − u) and d_r ⊙ r(1 − r)
      dL/dh_{t−1}     = d_h ⊙ (1 − u_t) + dL/d(r⊙h) ⊙ r_t + (gate terms) W_hrᵀ, W_huᵀ
    The first term, d_h ⊙ (1 − u_t), is the gated path: no W_hh, no tanh′.
    """
    N, T, E = X.shape
    H = p.H
    h_prev_all = np.concatenate([h0[:, None], h[:, :-1]], axis=1)  # h_0 … h_{T−1}
    candidate = np.tanh(z)
    d_z, d_zr, d_zu = (np.empty_like(h) for _ in range(3))
    d_h_next = np.zeros((N, H))
    for t in reversed(range(T)):
        h_prev, r_t, u_t, c_t = h_prev_all[:, t], r[:, t], u[:, t], candidate[:, t]
        d_h = d_o[:, t] @ p.W_hy.T + d_h_next
        d_z[:, t] = d_h * u_t * (1.0 - c_t**2)
        d_rh = d_z[:, t] @ p.W_hh.T  # dL/d(r_t ⊙ h_{t−1})
        d_zr[:, t] = d_rh * h_prev * r_t * (1.0 - r_t)
        d_zu[:, t] = d_h * (c_t - h_prev) * u_t * (1.0 - u_t)
        d_h_next = (
            d_h * (1.0 - u_t) + d_rh * r_t + d_zr[:, t] @ p.W_hr.T + d_zu[:, t] @ p.W_hu.T
        )

    def rows(a):
        return a.reshape(N * T, -1)

    X_rows, h_prev_rows = rows(X), rows(h_prev_all)
    return GRUParams.trusted(  # no checks: bptt itself reports a gradient that overflowed
        W_eh=X_rows.T @ rows(d_z),
        W_hh=rows(r * h_prev_all).T @ rows(d_z),
        W_hy=rows(h).T @ rows(d_o),
        W_er=X_rows.T @ rows(d_zr),
        W_hr=h_prev_rows.T @ rows(d_zr),
        W_eu=X_rows.T @ rows(d_zu),
        W_hu=h_prev_rows.T @ rows(d_zu),
        b_h=rows(d_z).sum(axis=0),
        b_y=rows(d_o).sum(axis=0),
        b_r=rows(d_zr).sum(axis=0),
        b_u=rows(d_zu).sum(axis=0),
    )


def _check_gru_training_inputs(params: GRUParams, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None,
                               loss_on: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    check_cell(params, GRUParams)
    return check_training_inputs(params, X, y, h0, loss_on)


def bptt(params: GRUParams, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
         loss_on: str = "last") -> tuple[float, GRUParams]:
    """Loss and its gradient with respect to every GRU weight, by backpropagation through time.

    Arguments as for ``rnn.bptt``. The loss is natural-log binary
    cross-entropy, summed over the Y outputs (and, for "all", the T steps) and
    averaged over the batch.

    Parameters
    ----------
    params : GRUParams
        The weights: those of ``Params`` and W_er, W_eu (E, H), W_hr, W_hu (H, H), b_r, b_u (H,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
    loss_on : {"last", "all"}, default "last"
        "last" scores the prediction after the last step (many-to-one); "all" sums
        the losses of every step (many-to-many).

    Returns
    -------
    loss : float
        The loss L, in nats.
    grads : GRUParams
        dL/d(every weight), of the same shapes as params.

    Raises
    ------
    TypeError
        If params is not a GRUParams, loss_on is not a string, or X, y or h0 is not numeric.
    ValueError
        If loss_on is neither "last" nor "all"; X, y or h0 has the wrong shape,
        holds NaN or infinities, or is empty; or a label is not 0 or 1.
    FloatingPointError
        If the forward pass (z or o) or a gradient overflows.
    """
    X, h0, y = _check_gru_training_inputs(params, X, y, h0, loss_on)
    r, u, z, h, o = _forward(params, X, h0)
    check_finite_result([("z", z), ("o", o)], "The forward pass")
    loss, d_o = loss_and_dlogits(o, y, loss_on)
    with np.errstate(over="ignore", invalid="ignore"):  # reported just below, by name
        grads = _backward(params, X, h0, r, u, z, h, d_o)
    check_finite_result(grads.items(), "Backpropagation")
    return loss, grads


def evaluate_loss(params: GRUParams, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
                  loss_on: str = "last") -> float:
    """The loss alone, as ``bptt`` computes it: for finite differences.

    Parameters
    ----------
    params : GRUParams
        The weights: those of ``Params`` and W_er, W_eu (E, H), W_hr, W_hu (H, H), b_r, b_u (H,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
    loss_on : {"last", "all"}, default "last"
        "last" scores the prediction after the last step (many-to-one); "all" sums
        the losses of every step (many-to-many).

    Returns
    -------
    float
        The loss L, in nats.

    Raises
    ------
    TypeError
        If params is not a GRUParams, loss_on is not a string, or X, y or h0 is not numeric.
    ValueError
        If loss_on is neither "last" nor "all"; X, y or h0 has the wrong shape,
        holds NaN or infinities, or is empty; or a label is not 0 or 1.
    FloatingPointError
        If the logits o overflow.
    """
    X, h0, y = _check_gru_training_inputs(params, X, y, h0, loss_on)
    *_, o = _forward(params, X, h0)
    check_finite_result([("o", o)], "The forward pass")
    return loss_and_dlogits(o, y, loss_on)[0]


def backward(params: GRUParams, X: ArrayLike, trace: GRUTrace, dL_do: ArrayLike) -> GRUParams:
    """Backpropagation through time through the GRU from any loss on the logits: dL/do_t in, dL/d(every weight) out.

    ``bptt`` is this with dL/do of the binary cross-entropy; a next-token model
    (``rnn_lib.language``) gives the softmax cross-entropy's dL/do_t at every step instead.

    Parameters
    ----------
    params : GRUParams
        The weights: those of ``Params`` and W_er, W_eu (E, H), W_hr, W_hu (H, H), b_r, b_u (H,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings the forward pass read.
    trace : GRUTrace
        What ``forward(params, X, h0)`` returned for this X (trusted to be that: only shapes are checked).
    dL_do : array_like, shape (T, Y) or (N, T, Y)
        The derivative of the loss with respect to every logit o_t; zeros at steps the loss does not score.

    Returns
    -------
    GRUParams
        dL/d(every weight), of the same shapes as params.

    Raises
    ------
    TypeError
        If params is not a GRUParams, trace is not a GRUTrace, or X or dL_do is not numeric.
    ValueError
        If X, trace or dL_do has the wrong shape, or X or dL_do holds NaN or infinities.
    FloatingPointError
        If a gradient overflows.
    """
    check_cell(params, GRUParams)
    X3, a, d_o = check_backward_inputs(params, X, trace, GRUTrace, dL_do)
    with np.errstate(over="ignore", invalid="ignore"):  # reported just below, by name
        grads = _backward(params, X3, a["h0"], a["r"], a["u"], a["z"], a["h"], d_o)
    check_finite_result(grads.items(), "Backpropagation")
    return grads
