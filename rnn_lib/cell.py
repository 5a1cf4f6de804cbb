"""What every recurrent cell of rnn_lib shares: the bookkeeping of its weights, its input checks,
the loss at its outputs, and one interface.

A cell's weights are a frozen dataclass of arrays that subclasses ``Cell``
(``Params`` of the plain RNN, ``GRUParams``, ``LSTMParams``). Each knows its own pass through
time, so that gradient checking and training are written once, for every cell:

    params.forward(X, h0=None)                       → a trace with h and y_hat
    params.bptt(X, y, h0=None, loss_on="last")       → (loss, grads of the same type)
    params.evaluate_loss(X, y, h0=None, loss_on="last") → the loss alone
    params.backward(X, trace, dL_do)                 → grads, from any loss on the logits o_t
    params.state_keywords(state), params.last_state(trace)   → to carry the state from one call to the next

(a cell with more state than h, the LSTM's memory c, takes its initial value as a
further keyword, ``c0``, and its state is the pair (h, c), as in PyTorch). The
functions below are the checks and the loss that every cell's module uses
(public, so that no module reaches into another's private names).
"""

from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

import numpy as np
from numpy.typing import ArrayLike

from . import checks

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from .gru import GRUTrace
    from .lstm import LSTMTrace
    from .rnn import Trace

LOSS_ON = ("last", "all")

#: A cell's state between two calls: h (H,) or (N, H) for the RNN and the GRU, the pair (h, c) for the LSTM.
State = np.ndarray | tuple[np.ndarray, np.ndarray]

_TraceT = TypeVar("_TraceT", bound="DataclassInstance")


class Cell:
    """The weights of a recurrent cell: names in order, sizes, (name, array) pairs, copies.

    Not used on its own: every subclass is a frozen dataclass whose fields are
    its arrays (``Params``, ``GRUParams``, ``LSTMParams``), with at least the
    input weights named by ``input_weights`` (E rows each) and W_hy (H, Y), and
    defines ``forward``, ``bptt`` and ``evaluate_loss``.

    Attributes
    ----------
    input_weights : tuple of str
        The names of the weights that read the input x_t (with one-hot inputs,
        their rows are a token's embedding).
    E : int
        Embedding size, the number of rows of the first input weight (W_eh, or the LSTM's W_e).
    H : int
        Hidden size, the number of rows of W_hy.
    Y : int
        Number of outputs, the number of columns of W_hy.
    """

    #: The weights that read the input x_t (with one-hot inputs, their rows are a token's embedding).
    input_weights: tuple[str, ...] = ("W_eh",)

    # Declared for type checkers only (no value): every subclass has this array as a dataclass field.
    W_hy: np.ndarray

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The array names in their fixed order.

        Returns
        -------
        tuple of str
            The names of the dataclass fields, in their order.
        """
        return tuple(f.name for f in fields(cast("type[DataclassInstance]", cls)))

    @classmethod
    def trusted(cls, **arrays: np.ndarray) -> Self:
        """Weights from arrays the library computed itself (gradients): no copies, no checks.

        Parameters
        ----------
        **arrays : ndarray
            One array for every name of ``names()``, stored as it is; other names are ignored.

        Returns
        -------
        Cell
            Weights of this class holding the very arrays given.

        Raises
        ------
        KeyError
            If one of ``names()`` is missing.
        """
        weights = object.__new__(cls)
        for name in cls.names():
            object.__setattr__(weights, name, arrays[name])
        return weights

    @property
    def E(self) -> int:
        """Embedding size: the rows of the first input weight."""
        return getattr(self, self.input_weights[0]).shape[0]

    @property
    def H(self) -> int:
        """Hidden size: the rows of W_hy."""
        return self.W_hy.shape[0]

    @property
    def Y(self) -> int:
        """Number of outputs."""
        return self.W_hy.shape[1]

    def items(self) -> list[tuple[str, np.ndarray]]:
        """(name, array) pairs in the order of ``names()``.

        Returns
        -------
        list of (str, ndarray)
            Each weight's name and array (the stored array itself, not a copy).
        """
        return [(name, getattr(self, name)) for name in self.names()]

    def replace(self, **arrays: ArrayLike) -> Self:
        """A copy with some arrays replaced, for example ``params.replace(W_hy=W)``.

        The new weights are built, and so checked, like any others of the class.

        Parameters
        ----------
        **arrays : array_like
            New arrays by name, each of the shape the class requires.

        Returns
        -------
        Cell
            Weights of the same class: the given arrays and copies of the others.

        Raises
        ------
        TypeError
            If a name is not one of ``names()``, or an array is not numeric.
        ValueError
            If an array has the wrong shape or is not finite.
        """
        return type(self)(**{**dict(self.items()), **arrays})

    def __repr__(self):
        shapes = ", ".join(f"{name}={array.shape}" for name, array in self.items())
        return f"{type(self).__name__}({shapes})"

    def forward(self, X: ArrayLike, h0: ArrayLike | None = None) -> "Trace | GRUTrace | LSTMTrace":
        """The cell's pass through time over one document or a batch.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings of one document, or of a batch of N documents.
        h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial hidden state; None means zeros.

        Returns
        -------
        Trace, GRUTrace or LSTMTrace
            The cell's trace, with h (T, H) and y_hat (T, Y), each with a leading N for a batch.

        Raises
        ------
        NotImplementedError
            Always, in Cell itself: each subclass defines it.
        """
        raise NotImplementedError

    def bptt(self, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
             loss_on: str = "last") -> "tuple[float, Cell]":
        """The loss and its gradient with respect to every weight, by backpropagation through time.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings of one document, or of a batch of N documents.
        y : array_like, shape (Y,), or (N, Y) for a batch
            The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
        h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial hidden state; None means zeros.
        loss_on : {"last", "all"}, default "last"
            Score the last step only, or every step.

        Returns
        -------
        loss : float
            The natural-log binary cross-entropy.
        grads : Cell
            dL/d(every weight), weights of the same class and shapes.

        Raises
        ------
        NotImplementedError
            Always, in Cell itself: each subclass defines it.
        """
        raise NotImplementedError

    def evaluate_loss(self, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
                      loss_on: str = "last") -> float:
        """The loss alone, as ``bptt`` computes it.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings of one document, or of a batch of N documents.
        y : array_like, shape (Y,), or (N, Y) for a batch
            The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
        h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial hidden state; None means zeros.
        loss_on : {"last", "all"}, default "last"
            Score the last step only, or every step.

        Returns
        -------
        float
            The natural-log binary cross-entropy.

        Raises
        ------
        NotImplementedError
            Always, in Cell itself: each subclass defines it.
        """
        raise NotImplementedError


    def backward(self, X: ArrayLike, trace: "Trace | GRUTrace | LSTMTrace", dL_do: ArrayLike) -> "Cell":
        """Backpropagation through time from any loss on the logits: dL/do_t in, dL/d(every weight) out.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings the forward pass read.
        trace : Trace, GRUTrace or LSTMTrace
            What ``self.forward(X, ...)`` returned for this X.
        dL_do : array_like, shape (T, Y) or (N, T, Y)
            The derivative of the loss with respect to every logit o_t.

        Returns
        -------
        Cell
            dL/d(every weight), weights of the same class and shapes.

        Raises
        ------
        NotImplementedError
            Always, in Cell itself: each subclass defines it.
        """
        raise NotImplementedError

    def state_keywords(self, state: "ArrayLike | tuple[ArrayLike, ArrayLike] | None") -> dict[str, Any]:
        """The keyword arguments of ``forward`` that start it from ``state``: here {"h0": state}.

        The LSTM, whose state is the pair (h, c), gives {"h0": h, "c0": c}.

        Parameters
        ----------
        state : array_like, shape (H,) or (N, H), or None
            The hidden state to start from (for example ``last_state`` of the previous call); None means zeros.

        Returns
        -------
        dict of str to array_like or None
            {"h0": state}, checked by ``forward`` itself.
        """
        return {"h0": state}

    def last_state(self, trace: "Trace | GRUTrace | LSTMTrace") -> State:
        """The state after the last step of a trace, to continue from: here h_T.

        Parameters
        ----------
        trace : Trace, GRUTrace or LSTMTrace
            What ``forward`` returned, with h (T, H) or (N, T, H).

        Returns
        -------
        ndarray, shape (H,) or (N, H)
            A copy of h_T (the LSTM gives the pair (h_T, c_T)).
        """
        return trace.h[..., -1, :].copy()


def check_cell(params: object, cls: type[Cell] = Cell, name: str = "params") -> None:
    """Raise TypeError unless ``params`` are the weights of a cell (of class ``cls``).

    Parameters
    ----------
    params : object
        The value to check.
    cls : type, default Cell
        The class required: ``Cell`` for any cell, or a subclass such as ``Params``.
    name : str, default "params"
        The argument's name, for the error message.

    Raises
    ------
    TypeError
        If ``params`` is not an instance of ``cls``.
    """
    if not isinstance(params, cls):
        expected = "the weights of a cell (an rnn_lib.Params, GRUParams or LSTMParams)" if cls is Cell \
            else f"an rnn_lib.{cls.__name__}"
        raise TypeError(f"{name} must be {expected}, got {type(params).__name__}")


def check_inputs(params: Cell, X: ArrayLike, h0: ArrayLike | None) -> tuple[np.ndarray, np.ndarray, bool]:
    """Validate X and h0 against params; return X as (N, T, E), h0 as (N, H), and whether batched.

    Parameters
    ----------
    params : Cell
        The weights, for the sizes E and H.
    X : array_like, shape (T, E) or (N, T, E)
        One document, or a batch of N ≥ 1 documents, of T ≥ 1 steps.
    h0 : array_like or None, shape (H,), or (H,) or (N, H) for a batch
        The initial hidden state (one for a batch is shared by every document); None means zeros.

    Returns
    -------
    X : ndarray, shape (N, T, E)
        The inputs as float64, with N = 1 for one document.
    h0 : ndarray, shape (N, H)
        A new array of initial states.
    batched : bool
        Whether X was a batch (3-D).

    Raises
    ------
    TypeError
        If X or h0 is not numeric.
    ValueError
        If X or h0 has the wrong number of dimensions, holds NaN or infinities,
        or its sizes do not match params; or N = 0 or T = 0.
    """
    X = checks.as_float_array(X, "X", ndims=(2, 3))
    batched = X.ndim == 3
    X3 = X if batched else X[None]
    N, T, E = X3.shape
    if batched and N == 0:
        raise ValueError("X holds no documents (N = 0): give at least one")
    if T == 0:
        raise ValueError("X is an empty sequence (T = 0): give at least one token")
    if E != params.E:
        raise ValueError(
            f"X has shape {X.shape} but {params.input_weights[0]} expects embeddings of size E = {params.E}"
        )
    return X3, check_state(h0, "h0", N, params.H, batched), batched


def check_backward_inputs(params: Cell, X: ArrayLike, trace: "Trace | GRUTrace | LSTMTrace", trace_class: type,
                          dL_do: ArrayLike) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Validate what a cell's ``backward`` needs; return X, the trace's arrays and dL/do, all with a leading N.

    Parameters
    ----------
    params : Cell
        The weights, for the sizes E, H and Y.
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings the forward pass read.
    trace : Trace, GRUTrace or LSTMTrace
        What the cell's forward pass returned for X (trusted to be that: only its class and h's shape are checked).
    trace_class : type
        The class of trace the cell's forward pass returns (``Trace``, ``GRUTrace``, ``LSTMTrace``).
    dL_do : array_like, shape (T, Y) or (N, T, Y)
        The derivative of the loss with respect to every logit o_t.

    Returns
    -------
    X : ndarray, shape (N, T, E)
        The inputs as float64, with N = 1 for one document.
    arrays : dict of str to ndarray
        Every field of the trace with a leading N: (N, T, ·) for the steps, (N, H) for h0 (and c0).
    dL_do : ndarray, shape (N, T, Y)
        The derivative of the loss, as float64.

    Raises
    ------
    TypeError
        If trace is not a ``trace_class``, or X or dL_do is not numeric.
    ValueError
        If X, trace or dL_do has the wrong shape, or X or dL_do holds NaN or infinities.
    """
    if not isinstance(trace, trace_class):
        raise TypeError(
            f"trace must be the rnn_lib.{trace_class.__name__} that forward returned, got {type(trace).__name__}"
        )
    X3, _, batched = check_inputs(params, X, None)
    N, T, _ = X3.shape
    lead = (N, T) if batched else (T,)
    if trace.h.shape != lead + (params.H,):
        raise ValueError(f"trace.h has shape {trace.h.shape} but X {np.shape(X)} needs {lead + (params.H,)}")
    d_o = checks.as_float_array(dL_do, "dL_do", ndims=(len(lead) + 1,))
    if d_o.shape != lead + (params.Y,):
        raise ValueError(f"dL_do has shape {d_o.shape} but needs one row per step and output: {lead + (params.Y,)}")
    arrays = {f.name: getattr(trace, f.name) if batched else getattr(trace, f.name)[None] for f in fields(trace)}
    return X3, arrays, d_o.reshape(N, T, params.Y)


def check_state(state: ArrayLike | None, name: str, N: int, H: int, batched: bool) -> np.ndarray:
    """Validate an initial state (h0, or the LSTM's c0); return it as a new (N, H) array.

    Parameters
    ----------
    state : array_like or None, shape (H,), or (H,) or (N, H) if batched
        The initial state (one for a batch is shared by every document); None means zeros.
    name : str
        The argument's name, for the error messages.
    N : int
        The number of documents (1 when not batched).
    H : int
        The hidden size.
    batched : bool
        Whether the inputs are a batch.

    Returns
    -------
    ndarray, shape (N, H)
        A new float64 array of initial states.

    Raises
    ------
    TypeError
        If ``state`` is not numeric.
    ValueError
        If ``state`` has the wrong number of dimensions or size, or holds NaN or infinities.
    """
    if state is None:
        return np.zeros((N, H))
    state = checks.as_float_array(state, name, ndims=(1, 2) if batched else (1,))
    if state.shape[-1] != H:
        raise ValueError(f"{name} has shape {state.shape} but the hidden size is H = {H}")
    if state.ndim == 2 and state.shape[0] != N:
        raise ValueError(f"{name} has {state.shape[0]} rows but X holds N = {N} documents")
    return np.broadcast_to(state, (N, H)).copy()


def as_weight(value: ArrayLike | None, name: str, shape: tuple[int, ...], dims: tuple[str, ...],
              sizes: str, optional: bool = False) -> np.ndarray:
    """A cell's weight as a float64 copy of exactly ``shape``, or zeros for an optional bias given None.

    Parameters
    ----------
    value : array_like or None, shape ``shape``
        The weight.
    name : str
        Its name, for the error messages.
    shape : tuple of int
        The shape required, for example (H, 4H) = (2, 8).
    dims : tuple of str
        The same shape in symbols, for the message, for example ("H", "4H").
    sizes : str
        The sizes the shape comes from, for the message, for example "for E = 3, H = 2".
    optional : bool, default False
        Whether None is allowed, and means zeros (a bias).

    Returns
    -------
    ndarray, shape ``shape``
        A new float64 array.

    Raises
    ------
    TypeError
        If ``value`` is not numeric.
    ValueError
        If ``value`` has another shape, or holds NaN or infinities.
    """
    if value is None:
        if optional:
            return np.zeros(shape)
        raise TypeError(f"{name} must be numeric, got None")
    array = checks.as_float_array(value, name, ndims=(len(shape),)).copy()
    if array.shape != shape:
        raise ValueError(f"{name} must have shape ({' × '.join(dims)}) = {shape} {sizes}; got {array.shape}")
    return array


def gate(x: np.ndarray) -> np.ndarray:
    """σ(x) for the gates of the GRU and the LSTM, without input checks: the cells' own arrays.

    Computed as (1 + tanh(x/2)) / 2: the same function (tanh(x) = 2σ(2x) − 1), half
    the cost of ``activations.sigmoid``, and it never overflows.

    Parameters
    ----------
    x : ndarray, any shape
        Pre-activations of a gate.

    Returns
    -------
    ndarray, shape of x
        σ(x) elementwise, in [0, 1].
    """
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def check_labels(y: ArrayLike, N: int, Y: int, batched: bool) -> np.ndarray:
    """Return labels as (N, Y): one label (or Y labels) per document.

    Parameters
    ----------
    y : array_like, shape (Y,), or (N, Y) if batched
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) if batched.
    N : int
        The number of documents (1 when not batched).
    Y : int
        The number of outputs.
    batched : bool
        Whether the inputs are a batch.

    Returns
    -------
    ndarray, shape (N, Y)
        The labels as float64.

    Raises
    ------
    TypeError
        If y is not numeric.
    ValueError
        If y has another shape, holds NaN or infinities, or a label is not 0 or 1.
    """
    y = checks.as_float_array(y, "y", ndims=(0, 1, 2))
    expected: tuple[tuple[int, ...], ...]
    if batched:
        expected = ((N,), (N, 1)) if Y == 1 else ((N, Y),)
    else:
        expected = ((), (1,)) if Y == 1 else ((Y,),)
    if y.shape not in expected:
        raise ValueError(
            f"y has shape {y.shape} but the RNN needs one label per document and output:"
            f" expected {' or '.join(str(s) for s in expected)}"
        )
    checks.check_binary_labels(y)
    return y.reshape(N, Y)


def check_training_inputs(params: Cell, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None,
                          loss_on: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Validate everything bptt needs; return X (N, T, E), h0 (N, H) and y (N, Y).

    Parameters
    ----------
    params : Cell
        The weights, for the sizes E, H and Y.
    X : array_like, shape (T, E) or (N, T, E)
        One document or a batch, as for ``check_inputs``.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, as for ``check_labels``.
    h0 : array_like or None, shape (H,), or (H,) or (N, H) for a batch
        The initial hidden state; None means zeros.
    loss_on : {"last", "all"}
        Which steps the loss scores.

    Returns
    -------
    X : ndarray, shape (N, T, E)
        The inputs as float64.
    h0 : ndarray, shape (N, H)
        A new array of initial states.
    y : ndarray, shape (N, Y)
        The labels as float64.

    Raises
    ------
    TypeError
        If loss_on is not a string, or X, y or h0 is not numeric.
    ValueError
        If loss_on is neither "last" nor "all", or as ``check_inputs`` and ``check_labels``.
    """
    checks.check_choice(loss_on, "loss_on", LOSS_ON)
    X, h0, batched = check_inputs(params, X, h0)
    return X, h0, check_labels(y, X.shape[0], params.Y, batched)


def check_finite_result(arrays: Iterable[tuple[str, np.ndarray]], what: str) -> None:
    """Raise FloatingPointError naming the first array that is not finite: overflow, not silent NaN.

    Parameters
    ----------
    arrays : iterable of (str, ndarray)
        (name, array) pairs of any shapes, for example ``grads.items()``.
    what : str
        What computed them, to begin the message (for example "The forward pass").

    Raises
    ------
    FloatingPointError
        If an array holds NaN or infinite values.
    """
    for name, array in arrays:
        if not np.isfinite(array).all():
            raise FloatingPointError(
                f"{what} overflowed: {name} is not finite. The weights or inputs are too large"
                " for float64; scale them down."
            )


def loss_and_dlogits(o: np.ndarray, y: np.ndarray, loss_on: str) -> tuple[float, np.ndarray]:
    """Natural-log BCE of logits o (N, T, Y) for labels y (N, Y), and dL/do (N, T, Y).

    ``last`` scores only o_T; ``all`` sums the loss of every step (slide 10's
    L = Σ_t L^(t)). Both sum over the Y outputs and average over the N
    documents. The loss of a logit is ``loss.bce_with_logits``, softplus(o) − y·o,
    here without its input checks: o and y are the library's own arrays.

    Parameters
    ----------
    o : ndarray, shape (N, T, Y)
        The logits of every step.
    y : ndarray, shape (N, Y)
        The labels, each 0 or 1.
    loss_on : {"last", "all"}
        Score the last step only, or every step (any value but "last" scores every step).

    Returns
    -------
    loss : float
        The loss, in nats.
    d_o : ndarray, shape (N, T, Y)
        dL/do, (σ(o_t) − y) / N at every scored step and 0 at the others.
    """
    N = o.shape[0]
    scored = o[:, -1:] if loss_on == "last" else o
    labels = y[:, None, :]
    softplus = np.logaddexp(0.0, scored)  # log(1 + e^o), without overflow
    loss = float((softplus - labels * scored).sum()) / N
    d_o = np.zeros_like(o)
    sigma = np.exp(-np.logaddexp(0.0, -scored))  # σ(o) = 1 / (1 + e^(−o)), as exactly as activations.sigmoid
    d_o[:, -scored.shape[1]:] = (sigma - labels) / N
    return loss, d_o


def unbatched(trace: _TraceT, batched: bool) -> _TraceT:
    """A trace of N documents as it is, or the one document of a batch of one without its N.

    Parameters
    ----------
    trace : dataclass of ndarrays
        A trace (``Trace``, ``GRUTrace``) whose every field has a leading N.
    batched : bool
        Whether the input was a batch.

    Returns
    -------
    dataclass of ndarrays
        ``trace`` itself if batched, else a new trace of the same class made of
        the first document of every field (the leading N dropped).
    """
    if batched:
        return trace
    return type(trace)(*(getattr(trace, f.name)[0] for f in fields(trace)))
