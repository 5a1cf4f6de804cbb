"""What every recurrent cell of rnn_lib shares: the bookkeeping of its weights, its input checks,
the loss at its outputs, and one interface.

A cell's weights are a frozen dataclass of arrays that subclasses ``Cell``
(``Params`` of the plain RNN, ``GRUParams``). Each knows its own pass through
time, so that gradient checking and training are written once, for every cell:

    params.forward(X, h0=None)                       → a trace with h and y_hat
    params.bptt(X, y, h0=None, loss_on="last")       → (loss, grads of the same type)
    params.evaluate_loss(X, y, h0=None, loss_on="last") → the loss alone

The functions below are the checks and the loss that every cell's module uses
(public, so that no module reaches into another's private names).
"""

from dataclasses import fields

import numpy as np

from . import checks

LOSS_ON = ("last", "all")


class Cell:
    """The weights of a recurrent cell: names in order, sizes, (name, array) pairs, copies."""

    #: The weights that read the input x_t (with one-hot inputs, their rows are a token's embedding).
    input_weights: tuple[str, ...] = ("W_eh",)

    @classmethod
    def names(cls):
        """The array names in their fixed order."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def trusted(cls, **arrays):
        """Weights from arrays the library computed itself (gradients): no copies, no checks."""
        weights = object.__new__(cls)
        for name in cls.names():
            object.__setattr__(weights, name, arrays[name])
        return weights

    @property
    def E(self):
        """Embedding size."""
        return self.W_eh.shape[0]

    @property
    def H(self):
        """Hidden size."""
        return self.W_eh.shape[1]

    @property
    def Y(self):
        """Number of outputs."""
        return self.W_hy.shape[1]

    def items(self):
        """(name, array) pairs in the order of ``names()``."""
        return [(name, getattr(self, name)) for name in self.names()]

    def replace(self, **arrays):
        """A copy with some arrays replaced, for example ``params.replace(W_hy=W)``."""
        return type(self)(**{**dict(self.items()), **arrays})

    def __repr__(self):
        shapes = ", ".join(f"{name}={array.shape}" for name, array in self.items())
        return f"{type(self).__name__}({shapes})"

    def forward(self, X, h0=None):
        raise NotImplementedError

    def bptt(self, X, y, h0=None, loss_on="last"):
        raise NotImplementedError

    def evaluate_loss(self, X, y, h0=None, loss_on="last"):
        raise NotImplementedError


def check_cell(params, cls=Cell, name="params"):
    """Raise TypeError unless ``params`` are the weights of a cell (of class ``cls``)."""
    if not isinstance(params, cls):
        expected = "the weights of a cell (an rnn_lib.Params or GRUParams)" if cls is Cell \
            else f"an rnn_lib.{cls.__name__}"
        raise TypeError(f"{name} must be {expected}, got {type(params).__name__}")


def check_inputs(params, X, h0):
    """Validate X and h0 against params; return X as (N, T, E), h0 as (N, H), and whether batched."""
    X = checks.as_float_array(X, "X", ndims=(2, 3))
    batched = X.ndim == 3
    X3 = X if batched else X[None]
    N, T, E = X3.shape
    if batched and N == 0:
        raise ValueError("X holds no documents (N = 0): give at least one")
    if T == 0:
        raise ValueError("X is an empty sequence (T = 0): give at least one token")
    if E != params.E:
        raise ValueError(f"X has shape {X.shape} but W_eh expects embeddings of size E = {params.E}")
    if h0 is None:
        return X3, np.zeros((N, params.H)), batched
    h0 = checks.as_float_array(h0, "h0", ndims=(1, 2) if batched else (1,))
    if h0.shape[-1] != params.H:
        raise ValueError(f"h0 has shape {h0.shape} but the hidden size is H = {params.H}")
    if h0.ndim == 2 and h0.shape[0] != N:
        raise ValueError(f"h0 has {h0.shape[0]} rows but X holds N = {N} documents")
    return X3, np.broadcast_to(h0, (N, params.H)).copy(), batched


def check_labels(y, N, Y, batched):
    """Return labels as (N, Y): one label (or Y labels) per document."""
    y = checks.as_float_array(y, "y", ndims=(0, 1, 2))
    expected = ((N,), (N, Y)) if batched else ((), (Y,))
    if Y == 1 and batched:
        expected += ((N, 1),)
    if y.shape not in expected:
        raise ValueError(
            f"y has shape {y.shape} but the RNN needs one label per document and output:"
            f" expected {' or '.join(str(s) for s in expected)}"
        )
    checks.check_binary_labels(y)
    return y.reshape(N, Y)


def check_training_inputs(params, X, y, h0, loss_on):
    """Validate everything bptt needs; return X (N, T, E), h0 (N, H) and y (N, Y)."""
    checks.check_choice(loss_on, "loss_on", LOSS_ON)
    X, h0, batched = check_inputs(params, X, h0)
    return X, h0, check_labels(y, X.shape[0], params.Y, batched)


def check_finite_result(arrays, what):
    """Raise FloatingPointError naming the first array that is not finite: overflow, not silent NaN."""
    for name, array in arrays:
        if not np.isfinite(array).all():
            raise FloatingPointError(
                f"{what} overflowed: {name} is not finite. The weights or inputs are too large"
                " for float64; scale them down."
            )


def loss_and_dlogits(o, y, loss_on):
    """Natural-log BCE of logits o (N, T, Y) for labels y (N, Y), and dL/do (N, T, Y).

    ``last`` scores only o_T; ``all`` sums the loss of every step (slide 10's
    L = Σ_t L^(t)). Both average over the N documents. The loss of a logit is
    ``loss.bce_with_logits``, softplus(o) − y·o, here without its input checks:
    o and y are the library's own arrays.
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


def unbatched(trace, batched):
    """A trace of N documents as it is, or the one document of a batch of one without its N."""
    if batched:
        return trace
    return type(trace)(*(getattr(trace, f.name)[0] for f in fields(trace)))
