"""The RNN of the slides: forward pass through time and backpropagation through time.

Row vectors multiply from the left, as on the slides. For t = 1 … T:

    z_t = x_t W_eh + h_{t−1} W_hh + b_h      proposed hidden state  (1, H)
    h_t = tanh(z_t)                          hidden state           (1, H)
    o_t = h_t W_hy + b_y                     logit                  (1, Y)
    ŷ_t = σ(o_t)                             predicted probability  (1, Y)

with h_0 = 0 unless given. Explained in the chapters *The forward pass*
(slides 2–5) and *Backpropagation through time* (slide 10).

Shapes: T time steps, E embedding size, H hidden size, Y outputs, N documents.
One document is X (T, E); a batch is X (N, T, E) and every result gains a
leading N.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy as np
from numpy.typing import ArrayLike

from . import checks
from .activations import sigmoid
from .cell import (
    LOSS_ON,  # noqa: F401 - part of this module's interface
    Cell,
    check_backward_inputs,
    check_cell,
    check_finite_result,
    check_inputs,
    check_training_inputs,
    loss_and_dlogits,
    unbatched,
)

if TYPE_CHECKING:
    from .gru import GRUTrace
    from .lstm import LSTMTrace


@dataclass(frozen=True, eq=False)
class Params(Cell):
    """The weights of the RNN (the slides' EH, HH and HY weights, plus biases).

    The constructor takes array_like values of these names (None for a bias
    means zeros); every array is stored as a float64 copy and checked for shape
    and finiteness.

    Attributes
    ----------
    W_eh : ndarray, shape (E, H)
        Embedding → hidden.
    W_hh : ndarray, shape (H, H)
        Hidden → hidden.
    W_hy : ndarray, shape (H, Y)
        Hidden → output.
    b_h : ndarray, shape (H,)
        The hidden bias; zeros if given None.
    b_y : ndarray, shape (Y,)
        The output bias; zeros if given None.

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
    b_h: np.ndarray = None  # type: ignore[assignment]  # None means zeros: __post_init__ stores an array
    b_y: np.ndarray = None  # type: ignore[assignment]

    def __post_init__(self):
        W_eh = checks.as_float_array(self.W_eh, "W_eh", ndims=(2,)).copy()
        E, H = W_eh.shape
        W_hh = checks.as_float_array(self.W_hh, "W_hh", ndims=(2,)).copy()
        if W_hh.shape[0] != W_hh.shape[1]:
            raise ValueError(f"W_hh must be square (H, H), got shape {W_hh.shape}")
        if W_hh.shape[0] != H:
            raise ValueError(
                f"W_hh has shape {W_hh.shape} but W_eh {W_eh.shape} has H = {H} columns:"
                f" W_hh must be (H, H) = ({H}, {H})"
            )
        W_hy = checks.as_float_array(self.W_hy, "W_hy", ndims=(2,)).copy()
        if W_hy.shape[0] != H:
            raise ValueError(
                f"W_hy has shape {W_hy.shape} but the hidden size is H = {H}:"
                f" W_hy must be (H, Y) = ({H}, Y)"
            )
        Y = W_hy.shape[1]
        b_h = self._bias(self.b_h, "b_h", H)
        b_y = self._bias(self.b_y, "b_y", Y)
        for name, value in zip(self.names(), (W_eh, W_hh, W_hy, b_h, b_y)):
            if 0 in value.shape:
                raise ValueError(f"{name} has shape {value.shape}: every size must be at least 1")
            object.__setattr__(self, name, value)

    @staticmethod
    def _bias(value, name, size):
        if value is None:
            return np.zeros(size)
        bias = checks.as_float_array(value, name, ndims=(1,)).copy()
        if bias.shape != (size,):
            raise ValueError(f"{name} must have shape ({size},), got {bias.shape}")
        return bias

    def forward(self, X: ArrayLike, h0: ArrayLike | None = None) -> "Trace":
        """``forward(self, X, h0)``: the plain RNN's pass through time.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings x_1 … x_T of one document, or of a batch of N documents.
        h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.

        Returns
        -------
        Trace
            As ``rnn_lib.rnn.forward`` returns it (see there for what it raises).
        """
        return forward(self, X, h0)

    def bptt(self, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
             loss_on: str = "last") -> "tuple[float, Params]":
        """``bptt(self, X, y, h0, loss_on)``: the loss and its gradient.

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
            The loss L, in nats, as ``rnn_lib.rnn.bptt`` computes it (see there for what it raises).
        grads : Params
            dL/d(every weight), of the same shapes as the weights.
        """
        return bptt(self, X, y, h0, loss_on)

    def evaluate_loss(self, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
                      loss_on: str = "last") -> float:
        """``evaluate_loss(self, X, y, h0, loss_on)``: the loss alone.

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
            The loss L, in nats, as ``rnn_lib.rnn.evaluate_loss`` computes it (see there for what it raises).
        """
        return evaluate_loss(self, X, y, h0, loss_on)

    def backward(self, X: ArrayLike, trace: "Trace | GRUTrace | LSTMTrace", dL_do: ArrayLike) -> "Params":
        """``rnn.backward(self, X, trace, dL_do)``: BPTT from any loss on the logits.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings the forward pass read.
        trace : Trace
            What ``self.forward(X, ...)`` returned for this X.
        dL_do : array_like, shape (T, Y) or (N, T, Y)
            The derivative of the loss with respect to every logit o_t.

        Returns
        -------
        Params
            dL/d(every weight), of the same shapes as the weights (see ``rnn_lib.rnn.backward`` for what it raises).
        """
        return backward(self, X, cast(Trace, trace), dL_do)  # backward checks the class


@dataclass(frozen=True, eq=False)
class Trace:
    """Everything the forward pass computed, kept for the backward pass.

    A batch adds a leading N to every field.

    Attributes
    ----------
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

    z: np.ndarray
    h: np.ndarray
    o: np.ndarray
    y_hat: np.ndarray
    h0: np.ndarray


def _check_inputs(params: "Params", X: ArrayLike, h0: ArrayLike | None) -> tuple[np.ndarray, np.ndarray, bool]:
    check_cell(params, Params)
    return check_inputs(params, X, h0)


def _check_training_inputs(params: "Params", X: ArrayLike, y: ArrayLike, h0: ArrayLike | None,
                           loss_on: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    check_cell(params, Params)
    return check_training_inputs(params, X, y, h0, loss_on)


def _forward(params, X, h0):
    """Forward pass over a batch. X: (N, T, E), h0: (N, H). Returns z, h (N, T, H) and o (N, T, Y).

    Overflow is not warned about here: the public functions check the results
    and raise a clear error instead.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        return _forward_steps(params, X, h0)


def _forward_steps(params, X, h0):
    """The loop over time. X: (N, T, E), h0: (N, H). Returns z, h (N, T, H) and o (N, T, Y).

    The arrays are stored time-major, (T, N, H), and returned as (N, T, H) views,
    so that the state of step t, z[:, t], is one contiguous block that the loop
    writes in place (see scripts/benchmark.py).
    """
    z = np.matmul(X.transpose(1, 0, 2), params.W_eh)  # every x_t W_eh at once, (T, N, H)
    z += params.b_h
    h = np.empty_like(z)
    h_prev = h0
    for t in range(len(z)):
        z[t] += h_prev @ params.W_hh
        h_prev = np.tanh(z[t], out=h[t])
    o = h @ params.W_hy
    o += params.b_y
    return z.transpose(1, 0, 2), h.transpose(1, 0, 2), o.transpose(1, 0, 2)


def forward(params: Params, X: ArrayLike, h0: ArrayLike | None = None) -> Trace:
    """Run the RNN over one document or a batch.

    z_t = x_t W_eh + h_{t−1} W_hh + b_h, h_t = tanh(z_t), o_t = h_t W_hy + b_y
    and ŷ_t = σ(o_t) for t = 1 … T (chapter *The forward pass*).

    Parameters
    ----------
    params : Params
        The weights: W_eh (E, H), W_hh (H, H), W_hy (H, Y), b_h (H,), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.

    Returns
    -------
    Trace
        z, h (T, H), o, y_hat (T, Y) and h0 (H,), each with a leading N when X is a batch.

    Raises
    ------
    TypeError
        If params is not a Params, or X or h0 is not numeric.
    ValueError
        If X or h0 has the wrong shape for params, holds NaN or infinities, or is
        empty (N = 0 or T = 0).
    FloatingPointError
        If z or o overflows.
    """
    X, h0, batched = _check_inputs(params, X, h0)
    z, h, o = _forward(params, X, h0)
    check_finite_result([("z", z), ("o", o)], "The forward pass")
    return unbatched(Trace(z=z, h=h, o=o, y_hat=sigmoid(o), h0=h0), batched)


@dataclass(frozen=True, eq=False)
class Contributions:
    """The two arrows into each proposed hidden state (slides 2–5), for every step.

    They add up to the proposed states: z = x_W_eh + h_prev_W_hh + b_h.
    A batch adds a leading N to every field but b_h.

    Attributes
    ----------
    x_W_eh : ndarray, shape (T, H) or (N, T, H)
        Contribution of the token, x_t W_eh.
    h_prev : ndarray, shape (T, H) or (N, T, H)
        The previous hidden states h_0 … h_{T−1}.
    h_prev_W_hh : ndarray, shape (T, H) or (N, T, H)
        Contribution from the previous hidden state, h_{t−1} W_hh.
    b_h : ndarray, shape (H,)
        The hidden bias, the same at every step.
    """

    x_W_eh: np.ndarray
    h_prev: np.ndarray
    h_prev_W_hh: np.ndarray
    b_h: np.ndarray


def step_contributions(params: Params, X: ArrayLike, h0: ArrayLike | None = None) -> Contributions:
    """Split every proposed hidden state z_t into what the token and the previous state add.

    z_t = x_t W_eh + h_{t−1} W_hh + b_h as in ``forward``. Explained in the
    chapter *The forward pass* (slides 2–5).

    Parameters
    ----------
    params : Params
        The weights: W_eh (E, H), W_hh (H, H), W_hy (H, Y), b_h (H,), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.

    Returns
    -------
    Contributions
        x_W_eh, h_prev and h_prev_W_hh of shape (T, H), or (N, T, H) for a
        batch, and b_h (H,).

    Raises
    ------
    TypeError
        If params is not a Params, or X or h0 is not numeric.
    ValueError
        If X or h0 has the wrong shape for params, holds NaN or infinities, or is
        empty (N = 0 or T = 0).
    FloatingPointError
        If z overflows.
    """
    X, h0, batched = _check_inputs(params, X, h0)
    z, h, _ = _forward(params, X, h0)
    check_finite_result([("z", z)], "The forward pass")
    h_prev = np.concatenate([h0[:, None], h[:, :-1]], axis=1)
    parts = Contributions(
        x_W_eh=X @ params.W_eh, h_prev=h_prev, h_prev_W_hh=h_prev @ params.W_hh, b_h=params.b_h
    )
    if batched:
        return parts
    return Contributions(parts.x_W_eh[0], parts.h_prev[0], parts.h_prev_W_hh[0], parts.b_h)


def _backward(params, X, h0, h, d_o):
    """Backpropagation through time for a batch, given dL/do (N, T, Y). Returns grads as Params.

    One pass from t = T down to 1: dL/dh_t, then dL/dz_t, then step t's term of
    each sum over t (chapter *Backpropagation through time*). This is the form
    the book shows; ``bptt`` runs ``_backward_steps``, the same sums in fewer
    numpy calls, and a test checks that the two agree.
    """
    N, T, E = X.shape
    H = params.H
    dL_dW_eh, dL_dW_hh, dL_db_h = np.zeros((E, H)), np.zeros((H, H)), np.zeros(H)
    d_h_next = np.zeros((N, H))
    for t in reversed(range(T)):
        d_h = d_o[:, t] @ params.W_hy.T + d_h_next  # dL/dh_t, through o_t and z_{t+1}
        d_z = d_h * (1.0 - h[:, t] ** 2)  # dL/dz_t
        h_prev = h[:, t - 1] if t > 0 else h0
        dL_dW_eh += X[:, t].T @ d_z  # step t's terms: x_tᵀ dL/dz_t,
        dL_dW_hh += h_prev.T @ d_z  # h_{t−1}ᵀ dL/dz_t
        dL_db_h += d_z.sum(axis=0)  # and dL/dz_t
        d_h_next = d_z @ params.W_hh.T  # dL/dh_{t−1} through z_t
    return Params.trusted(  # no checks: bptt itself reports a gradient that overflowed
        W_eh=dL_dW_eh,
        W_hh=dL_dW_hh,
        W_hy=h.reshape(N * T, H).T @ d_o.reshape(N * T, -1),
        b_h=dL_db_h,
        b_y=d_o.sum(axis=(0, 1)),
    )


def _backward_steps(params, X, h0, h, d_o, loss_on):
    """``_backward`` in fewer, larger numpy calls: the same sums, the same result.

    The loop keeps only what must be sequential, dL/dz_t = (dL/dh_t)(1 − h_t²)
    and dL/dh_{t−1} = dL/dz_t W_hhᵀ, and stores every dL/dz_t; each weight's
    sum over t is then one matrix product over all N·T rows. With loss_on
    "last" only o_T feeds the loss, so only step T receives dL/do.
    """
    h_t = h.transpose(1, 0, 2)  # time-major, as _forward_steps stores it: (T, N, H)
    d_o_t = d_o.transpose(1, 0, 2)  # (T, N, Y)
    T, N, H = h_t.shape
    first = T - 1 if loss_on == "last" else 0  # the first step whose logit is scored
    d_h_out = d_o_t[first:] @ params.W_hy.T  # dL/dh_t through o_t, (T − first, N, H)
    d_z = np.multiply(h_t, h_t)
    np.subtract(1.0, d_z, out=d_z)  # tanh' = 1 − h_t², overwritten below by dL/dz_t
    d_h = d_h_out[-1]
    for t in range(T - 1, -1, -1):
        d_z_t = np.multiply(d_z[t], d_h, out=d_z[t])
        if t > 0:
            d_h = d_z_t @ params.W_hh.T
            if t - 1 >= first:
                d_h += d_h_out[t - 1 - first]
    rows = d_z.reshape(T * N, H)  # dL/dz_t of every step and document, one row each
    W_hh = h0.T @ d_z[0]
    if T > 1:
        W_hh += h_t[:-1].reshape(-1, H).T @ d_z[1:].reshape(-1, H)
    return Params.trusted(
        W_eh=X.transpose(1, 0, 2).reshape(T * N, -1).T @ rows,
        W_hh=W_hh,
        W_hy=h_t[first:].reshape(-1, H).T @ d_o_t[first:].reshape(-1, d_o.shape[-1]),
        b_h=np.ones(T * N) @ rows,
        b_y=d_o_t[first:].sum(axis=(0, 1)),
    )


def bptt(params: Params, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
         loss_on: str = "last") -> tuple[float, Params]:
    """Loss and its gradient with respect to every weight, by backpropagation through time.

    The loss is natural-log binary cross-entropy, summed over the Y outputs
    (and, for "all", the T steps) and averaged over the batch. Explained in the
    chapter *Backpropagation through time* (slide 10).

    Parameters
    ----------
    params : Params
        The weights: W_eh (E, H), W_hh (H, H), W_hy (H, Y), b_h (H,), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
    loss_on : {"last", "all"}, default "last"
        "last" scores the prediction after the last step (many-to-one, the slides'
        sentiment task); "all" sums the losses of every step (many-to-many, slide 10).

    Returns
    -------
    loss : float
        The loss L, in nats.
    grads : Params
        dL/dW_eh, dL/dW_hh, dL/dW_hy, dL/db_h and dL/db_y, of the same shapes as params.

    Raises
    ------
    TypeError
        If params is not a Params, loss_on is not a string, or X, y or h0 is not numeric.
    ValueError
        If loss_on is neither "last" nor "all"; X, y or h0 has the wrong shape,
        holds NaN or infinities, or is empty; or a label is not 0 or 1.
    FloatingPointError
        If the forward pass (z or o) or a gradient overflows.
    """
    X, h0, y = _check_training_inputs(params, X, y, h0, loss_on)
    z, h, o = _forward(params, X, h0)
    check_finite_result([("z", z), ("o", o)], "The forward pass")
    loss, d_o = loss_and_dlogits(o, y, loss_on)
    with np.errstate(over="ignore", invalid="ignore"):  # reported just below, by name
        grads = _backward_steps(params, X, h0, h, d_o, loss_on)
    check_finite_result(grads.items(), "Backpropagation")
    return loss, grads


def evaluate_loss(params: Params, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
                  loss_on: str = "last") -> float:
    """The loss alone (natural log), as ``bptt`` computes it: for finite differences and curves.

    Parameters
    ----------
    params : Params
        The weights: W_eh (E, H), W_hh (H, H), W_hy (H, Y), b_h (H,), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
    loss_on : {"last", "all"}, default "last"
        "last" scores the prediction after the last step (many-to-one, the slides'
        sentiment task); "all" sums the losses of every step (many-to-many, slide 10).

    Returns
    -------
    float
        The loss L, in nats.

    Raises
    ------
    TypeError
        If params is not a Params, loss_on is not a string, or X, y or h0 is not numeric.
    ValueError
        If loss_on is neither "last" nor "all"; X, y or h0 has the wrong shape,
        holds NaN or infinities, or is empty; or a label is not 0 or 1.
    FloatingPointError
        If the logits o overflow.
    """
    X, h0, y = _check_training_inputs(params, X, y, h0, loss_on)
    _, _, o = _forward(params, X, h0)
    check_finite_result([("o", o)], "The forward pass")
    return loss_and_dlogits(o, y, loss_on)[0]



def backward(params: Params, X: ArrayLike, trace: Trace, dL_do: ArrayLike) -> Params:
    """Backpropagation through time from any loss on the logits: dL/do_t in, dL/d(every weight) out.

    ``bptt`` is this with dL/do of the binary cross-entropy; a next-token model
    (``rnn_lib.language``) gives the softmax cross-entropy's dL/do_t at every
    step instead. The recurrence is the same (chapter *Backpropagation through
    time*): dL/dh_t = dL/do_t W_hyᵀ + dL/dz_{t+1} W_hhᵀ, dL/dz_t = dL/dh_t ⊙ (1 − h_t²).

    Parameters
    ----------
    params : Params
        The weights: W_eh (E, H), W_hh (H, H), W_hy (H, Y), b_h (H,), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings the forward pass read.
    trace : Trace
        What ``forward(params, X, h0)`` returned for this X (trusted to be that: only shapes are checked).
    dL_do : array_like, shape (T, Y) or (N, T, Y)
        The derivative of the loss with respect to every logit o_t; zeros at steps the loss does not score.

    Returns
    -------
    Params
        dL/dW_eh, dL/dW_hh, dL/dW_hy, dL/db_h and dL/db_y, of the same shapes as params.

    Raises
    ------
    TypeError
        If params is not a Params, trace is not a Trace, or X or dL_do is not numeric.
    ValueError
        If X, trace or dL_do has the wrong shape, or X or dL_do holds NaN or infinities.
    FloatingPointError
        If a gradient overflows.
    """
    check_cell(params, Params)
    X3, arrays, d_o = check_backward_inputs(params, X, trace, Trace, dL_do)
    with np.errstate(over="ignore", invalid="ignore"):  # reported just below, by name
        grads = _backward_steps(params, X3, arrays["h0"], arrays["h"], d_o, "all")
    check_finite_result(grads.items(), "Backpropagation")
    return grads
