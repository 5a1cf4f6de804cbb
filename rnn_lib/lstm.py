"""The long short-term memory (LSTM): a second state, the memory c_t, carried by gates.

The equations of PyTorch's ``nn.LSTM`` (Hochreiter and Schmidhuber 1997, with
the forget gate of Gers et al. 2000), written with rows as everywhere in the
book. For t = 1 … T:

    z_t = x_t W_e + h_{t−1} W_h + b                  pre-activations         (1, 4H)
    i_t, f_t, g_t, q_t = the four H-blocks of z_t, squashed:
    i_t = σ(·)   input gate,   f_t = σ(·)   forget gate,
    g_t = tanh(·) proposed memory,   q_t = σ(·)   output gate              (1, H) each
    c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t                  memory (cell state)     (1, H)
    h_t = q_t ⊙ tanh(c_t)                            hidden state            (1, H)
    o_t = h_t W_hy + b_y,   ŷ_t = σ(o_t)             logit, prediction       (1, Y)

with h_0 = c_0 = 0 unless given. The gates sit side by side along the 4H axis
of W_e, W_h and b in PyTorch's order i, f, g, o. PyTorch calls the output gate
o_t; here it is q_t (``trace.q``), because o_t is the logit in every cell of the
book. With the forget gate open and the input gate shut, f_t = 1 and i_t = 0,
the memory is copied unchanged, c_t = c_{t−1}: along c the gradient travels
back through ⊙ f_t alone, with no weight matrix and no squashing.

Shapes: T steps, E embedding size, H hidden size, Y outputs, N documents.
One document is X (T, E); a batch is X (N, T, E).

Three names are also at the top level, as issue 13 asked for them:
``rnn_lib.LSTMParams``, ``rnn_lib.lstm_forward`` (this ``forward``) and
``rnn_lib.lstm_bptt`` (this ``bptt``).
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from numpy.typing import ArrayLike

from . import checks
from .activations import sigmoid
from .cell import (
    LOSS_ON,
    Cell,
    State,
    as_weight,
    check_backward_inputs,
    check_cell,
    check_finite_result,
    check_inputs,
    check_labels,
    check_state,
    gate,
    loss_and_dlogits,
    unbatched,
)

if TYPE_CHECKING:
    from .gru import GRUTrace
    from .rnn import Trace

#: The order of the four gates along the 4H axis of W_e, W_h and b (PyTorch's).
GATES = ("i", "f", "g", "o")


@dataclass(frozen=True, eq=False)
class LSTMParams(Cell):
    """The weights of an LSTM: the four gates' in one matrix each, and the output layer.

    The constructor takes array_like values of these names; biases may be None
    for zeros. Every array is stored as a float64 copy and checked for shape
    and finiteness. Columns 0 … H−1 of W_e, W_h and b belong to the input gate
    i, then come f, g and o (``GATES``).

    Attributes
    ----------
    W_e : ndarray, shape (E, 4H)
        Embedding → the four gates; PyTorch's ``weight_ih_l0`` transposed.
    W_h : ndarray, shape (H, 4H)
        Hidden state h_{t−1} → the four gates; PyTorch's ``weight_hh_l0`` transposed.
    b : ndarray, shape (4H,)
        The gates' bias (PyTorch's ``bias_ih_l0 + bias_hh_l0``); zeros if given None.
    W_hy : ndarray, shape (H, Y)
        Hidden → output, as in ``Params``.
    b_y : ndarray, shape (Y,)
        The output bias; zeros if given None.

    Raises
    ------
    TypeError
        If an array is not numeric.
    ValueError
        If an array has the wrong number of dimensions or shape (W_e's columns
        not a multiple of 4), a size of 0, or NaN or infinite entries.
    """

    W_e: np.ndarray
    W_h: np.ndarray
    b: np.ndarray
    W_hy: np.ndarray
    b_y: np.ndarray = None  # type: ignore[assignment]  # None means zeros: __post_init__ stores an array

    #: The weights that read the input x_t (with one-hot inputs, their rows are a token's embedding).
    input_weights = ("W_e",)

    def __post_init__(self):
        W_e = checks.as_float_array(self.W_e, "W_e", ndims=(2,)).copy()
        E, four_H = W_e.shape
        if E == 0 or four_H == 0 or four_H % 4:
            raise ValueError(
                f"W_e has shape {W_e.shape} but must be (E, 4H) with E, H >= 1: its columns are"
                " the four gates i, f, g, o side by side, H each"
            )
        H = four_H // 4
        W_hy = checks.as_float_array(self.W_hy, "W_hy", ndims=(2,)).copy()
        if W_hy.shape[0] != H or W_hy.shape[1] == 0:
            raise ValueError(
                f"W_hy has shape {W_hy.shape} but W_e {W_e.shape} has 4H = {four_H} columns, so H = {H}:"
                f" W_hy must be (H, Y) = ({H}, Y) with Y >= 1"
            )
        Y = W_hy.shape[1]
        sizes = f"for E = {E}, H = {H}, Y = {Y}"
        arrays = {
            "W_e": W_e,
            "W_h": as_weight(self.W_h, "W_h", (H, four_H), ("H", "4H"), sizes),
            "b": as_weight(self.b, "b", (four_H,), ("4H",), sizes, optional=True),
            "W_hy": W_hy,
            "b_y": as_weight(self.b_y, "b_y", (Y,), ("Y",), sizes, optional=True),
        }
        for name, value in arrays.items():
            object.__setattr__(self, name, value)

    def forward(self, X: ArrayLike, h0: ArrayLike | None = None, *,
                c0: ArrayLike | None = None) -> "LSTMTrace":
        """``lstm.forward(self, X, h0, c0)``: the LSTM's pass through time.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings x_1 … x_T of one document, or of a batch of N documents.
        h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
        c0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial memory c_0, likewise; None means zeros.

        Returns
        -------
        LSTMTrace
            As ``rnn_lib.lstm.forward`` returns it (see there for what it raises).
        """
        return forward(self, X, h0, c0)

    def bptt(self, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None, loss_on: str = "last", *,
             c0: ArrayLike | None = None) -> "tuple[float, LSTMParams]":
        """``lstm.bptt(self, X, y, h0, c0, loss_on)``: the loss and its gradient.

        The arguments come in the order of every cell's ``bptt`` (``Cell``), c0 last.

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
        c0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial memory c_0, likewise; None means zeros.

        Returns
        -------
        loss : float
            The loss L, in nats, as ``rnn_lib.lstm.bptt`` computes it (see there for what it raises).
        grads : LSTMParams
            dL/d(every weight), of the same shapes as the weights.
        """
        return bptt(self, X, y, h0, c0, loss_on)

    def evaluate_loss(self, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None, loss_on: str = "last", *,
                      c0: ArrayLike | None = None) -> float:
        """``lstm.evaluate_loss(self, X, y, h0, c0, loss_on)``: the loss alone.

        The arguments come in the order of every cell's ``evaluate_loss`` (``Cell``), c0 last.

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
        c0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
            The initial memory c_0, likewise; None means zeros.

        Returns
        -------
        float
            The loss L, in nats, as ``rnn_lib.lstm.evaluate_loss`` computes it (see there for what it raises).
        """
        return evaluate_loss(self, X, y, h0, c0, loss_on)

    def backward(self, X: ArrayLike, trace: "Trace | GRUTrace | LSTMTrace", dL_do: ArrayLike) -> "LSTMParams":
        """``lstm.backward(self, X, trace, dL_do)``: BPTT from any loss on the logits.

        Parameters
        ----------
        X : array_like, shape (T, E) or (N, T, E)
            The embeddings the forward pass read.
        trace : LSTMTrace
            What ``self.forward(X, ...)`` returned for this X.
        dL_do : array_like, shape (T, Y) or (N, T, Y)
            The derivative of the loss with respect to every logit o_t.

        Returns
        -------
        LSTMParams
            dL/d(every weight), of the same shapes as the weights (see ``rnn_lib.lstm.backward`` for what it raises).
        """
        return backward(self, X, cast(LSTMTrace, trace), dL_do)  # backward checks the class

    def state_keywords(self, state: "ArrayLike | tuple[ArrayLike, ArrayLike] | None") -> dict[str, Any]:
        """The keyword arguments of ``forward`` that start it from ``state`` = (h, c): {"h0": h, "c0": c}.

        Parameters
        ----------
        state : tuple of two array_like, each of shape (H,) or (N, H), or None
            The pair (h, c) to start from (for example ``last_state`` of the previous call); None means zeros.

        Returns
        -------
        dict of str to array_like
            {"h0": h, "c0": c}, checked by ``forward`` itself; {} for None.

        Raises
        ------
        TypeError
            If state is neither None nor a pair (h, c).
        """
        if state is None:
            return {}
        if not isinstance(state, tuple) or len(state) != 2:
            raise TypeError(
                "state must be the LSTM's pair (h, c) of hidden state and memory, as last_state returns it;"
                f" got {type(state).__name__}" + (f" of length {len(state)}" if isinstance(state, tuple) else "")
            )
        return {"h0": state[0], "c0": state[1]}

    def last_state(self, trace: "Trace | GRUTrace | LSTMTrace") -> State:
        """The state after the last step of a trace, to continue from: the pair (h_T, c_T).

        Parameters
        ----------
        trace : LSTMTrace
            What ``forward`` returned, with h and c (T, H) or (N, T, H).

        Returns
        -------
        tuple of two ndarray, each of shape (H,) or (N, H)
            Copies of h_T and c_T.
        """
        trace = cast(LSTMTrace, trace)
        return trace.h[..., -1, :].copy(), trace.c[..., -1, :].copy()


def init_params(E: int, H: int, Y: int = 1, seed: int = 0, forget_bias: float = 0.0) -> LSTMParams:
    """Random LSTMParams, seeded, drawn as PyTorch draws ``nn.LSTM`` and ``nn.Linear``.

    With k = 1/√H, every entry of W_e, W_h, W_hy and b_y ~ U(−k, k), and b is
    the sum of two such draws, as PyTorch's bias_ih + bias_hh is. Then
    ``forget_bias`` is added to the forget gate's block of b: a positive value
    (1.0 in Jozefowicz et al. 2015) starts the forget gate mostly open,
    f_t ≈ σ(forget_bias), so that the memory is carried from step to step
    before any training. PyTorch itself adds nothing (0.0, the default here).

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
    forget_bias : float, default 0.0
        Added to every entry of the forget gate's bias b[H:2H], any finite number.

    Returns
    -------
    LSTMParams
        W_e (E, 4H), W_h (H, 4H), b (4H,), W_hy (H, Y), b_y (Y,).

    Raises
    ------
    TypeError
        If E, H, Y or seed is not a whole number, or forget_bias is not a real number.
    ValueError
        If E, H or Y is below 1, seed below 0, or forget_bias not finite.
    """
    E, H, Y = (checks.check_count(n, name, low=1) for n, name in ((E, "E"), (H, "H"), (Y, "Y")))
    rng = np.random.default_rng(checks.check_count(seed, "seed"))
    forget_bias = checks.check_real(forget_bias, "forget_bias")
    k = 1.0 / np.sqrt(H)

    def uniform(*shape):
        return rng.uniform(-k, k, shape)

    W_e, W_h, W_hy, b_y = uniform(E, 4 * H), uniform(H, 4 * H), uniform(H, Y), uniform(Y)
    b = uniform(4 * H) + uniform(4 * H)
    b[H:2 * H] += forget_bias
    return LSTMParams(W_e=W_e, W_h=W_h, b=b, W_hy=W_hy, b_y=b_y)


@dataclass(frozen=True, eq=False)
class LSTMTrace:
    """Everything the LSTM's forward pass computed, kept for the backward pass.

    A batch adds a leading N to every field.

    Attributes
    ----------
    i : ndarray, shape (T, H) or (N, T, H)
        Input gates i_1 … i_T.
    f : ndarray, shape (T, H) or (N, T, H)
        Forget gates f_1 … f_T.
    g : ndarray, shape (T, H) or (N, T, H)
        Proposed memories g_1 … g_T.
    q : ndarray, shape (T, H) or (N, T, H)
        Output gates q_1 … q_T (PyTorch's o_t).
    c : ndarray, shape (T, H) or (N, T, H)
        Memories (cell states) c_1 … c_T.
    h : ndarray, shape (T, H) or (N, T, H)
        Hidden states h_1 … h_T.
    o : ndarray, shape (T, Y) or (N, T, Y)
        Logits o_1 … o_T.
    y_hat : ndarray, shape (T, Y) or (N, T, Y)
        Predicted probabilities ŷ_t = σ(o_t).
    h0 : ndarray, shape (H,) or (N, H)
        The initial hidden state h_0.
    c0 : ndarray, shape (H,) or (N, H)
        The initial memory c_0.
    """

    i: np.ndarray
    f: np.ndarray
    g: np.ndarray
    q: np.ndarray
    c: np.ndarray
    h: np.ndarray
    o: np.ndarray
    y_hat: np.ndarray
    h0: np.ndarray
    c0: np.ndarray


def _forward(p, X, h0, c0):
    """X: (N, T, E), h0, c0: (N, H). Returns z (N, T, 4H), i, f, g, q, c, h (N, T, H) and o (N, T, Y)."""
    with np.errstate(over="ignore", invalid="ignore"):
        N, T, _ = X.shape
        H = p.H
        z = (X.reshape(N * T, -1) @ p.W_e).reshape(N, T, 4 * H) + p.b  # x_t W_e + b, every t at once
        gates = np.empty_like(z)
        c, h = np.empty((N, T, H)), np.empty((N, T, H))
        h_prev, c_prev = h0, c0
        for t in range(T):
            z[:, t] += h_prev @ p.W_h  # z_t = x_t W_e + h_{t−1} W_h + b
            gates[:, t] = gate(z[:, t])  # σ for i, f and q ...
            gates[:, t, 2 * H:3 * H] = np.tanh(z[:, t, 2 * H:3 * H])  # ... tanh for g
            i, f, g, q = np.split(gates[:, t], 4, axis=-1)
            c_prev = c[:, t] = f * c_prev + i * g  # c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
            h_prev = h[:, t] = q * np.tanh(c_prev)  # h_t = q_t ⊙ tanh(c_t)
        o = h @ p.W_hy + p.b_y
    return (z, *np.split(gates, 4, axis=-1), c, h, o)


def _check_state_inputs(params: LSTMParams, X: ArrayLike, h0: ArrayLike | None,
                        c0: ArrayLike | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    check_cell(params, LSTMParams)
    X, h0, batched = check_inputs(params, X, h0)
    return X, h0, check_state(c0, "c0", X.shape[0], params.H, batched), batched


def forward(params: LSTMParams, X: ArrayLike, h0: ArrayLike | None = None,
            c0: ArrayLike | None = None) -> LSTMTrace:
    """Run the LSTM over one document or a batch.

    The equations of the module's docstring, for t = 1 … T.

    Parameters
    ----------
    params : LSTMParams
        The weights: W_e (E, 4H), W_h (H, 4H), b (4H,), W_hy (H, Y), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
    c0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial memory c_0, likewise; None means zeros.

    Returns
    -------
    LSTMTrace
        i, f, g, q, c, h (T, H), o, y_hat (T, Y), h0 and c0 (H,), each with a
        leading N when X is a batch.

    Raises
    ------
    TypeError
        If params is not an LSTMParams, or X, h0 or c0 is not numeric.
    ValueError
        If X, h0 or c0 has the wrong shape for params, holds NaN or infinities,
        or X is empty (N = 0 or T = 0).
    FloatingPointError
        If z or o overflows.
    """
    X, h0, c0, batched = _check_state_inputs(params, X, h0, c0)
    z, i, f, g, q, c, h, o = _forward(params, X, h0, c0)
    check_finite_result([("z", z), ("o", o)], "The forward pass")
    trace = LSTMTrace(i=i, f=f, g=g, q=q, c=c, h=h, o=o, y_hat=sigmoid(o), h0=h0, c0=c0)
    return unbatched(trace, batched)


def _backward(p, X, h0, c0, i, f, g, q, c, h, d_o):
    """BPTT through the LSTM for a batch, given dL/do (N, T, Y). Returns grads as LSTMParams.

    One pass from t = T down to 1. Two gradients flow back between steps:
    dL/dh_t, through the output o_t and the next step's z_{t+1}, and dL/dc_t,
    through h_t and the next step's memory c_{t+1}. The second path, ⊙ f_{t+1},
    is the LSTM's point: no weight matrix, no tanh′.
    """
    N, T, _ = X.shape
    h_prev_all = np.concatenate([h0[:, None], h[:, :-1]], axis=1)  # h_0 … h_{T−1}
    c_prev_all = np.concatenate([c0[:, None], c[:, :-1]], axis=1)  # c_0 … c_{T−1}
    d_z = np.empty((N, T, 4 * p.H))
    d_h_next, d_c_next = np.zeros_like(h0), np.zeros_like(c0)
    for t in reversed(range(T)):
        i_t, f_t, g_t, q_t = i[:, t], f[:, t], g[:, t], q[:, t]
        tanh_c = np.tanh(c[:, t])
        d_h = d_o[:, t] @ p.W_hy.T + d_h_next  # dL/dh_t, through o_t and z_{t+1}
        d_c = d_h * q_t * (1.0 - tanh_c**2) + d_c_next  # dL/dc_t, through h_t and c_{t+1}
        d_i = d_c * g_t  # dL/di_t, from c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
        d_f = d_c * c_prev_all[:, t]  # dL/df_t
        d_g = d_c * i_t  # dL/dg_t
        d_q = d_h * tanh_c  # dL/dq_t, from h_t = q_t ⊙ tanh(c_t)
        d_z[:, t] = np.concatenate(  # dL/dz_t: through σ′ = σ(1 − σ) and tanh′ = 1 − tanh², order i, f, g, o
            [d_i * i_t * (1.0 - i_t), d_f * f_t * (1.0 - f_t), d_g * (1.0 - g_t**2), d_q * q_t * (1.0 - q_t)],
            axis=-1,
        )
        d_h_next = d_z[:, t] @ p.W_h.T  # dL/dh_{t−1}, through z_t
        d_c_next = d_c * f_t  # dL/dc_{t−1}, through c_t: the carry

    def rows(a):
        return a.reshape(N * T, -1)

    return LSTMParams.trusted(  # no checks: bptt itself reports a gradient that overflowed
        W_e=rows(X).T @ rows(d_z),  # Σ_t x_tᵀ dL/dz_t
        W_h=rows(h_prev_all).T @ rows(d_z),  # Σ_t h_{t−1}ᵀ dL/dz_t
        b=rows(d_z).sum(axis=0),  # Σ_t dL/dz_t
        W_hy=rows(h).T @ rows(d_o),  # Σ_t h_tᵀ dL/do_t
        b_y=rows(d_o).sum(axis=0),  # Σ_t dL/do_t
    )


def _check_training_state_inputs(
    params: LSTMParams, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None, c0: ArrayLike | None, loss_on: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """check_training_inputs (cell.py) with c0: X (N, T, E), h0 and c0 (N, H), y (N, Y)."""
    checks.check_choice(loss_on, "loss_on", LOSS_ON)
    X, h0, c0, batched = _check_state_inputs(params, X, h0, c0)
    return X, h0, c0, check_labels(y, X.shape[0], params.Y, batched)


def bptt(params: LSTMParams, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
         c0: ArrayLike | None = None, loss_on: str = "last") -> tuple[float, LSTMParams]:
    """Loss and its gradient with respect to every LSTM weight, by backpropagation through time.

    The loss is ``rnn.bptt``'s: natural-log binary cross-entropy, summed over
    the Y outputs (and, for "all", the T steps) and averaged over the batch.

    Parameters
    ----------
    params : LSTMParams
        The weights: W_e (E, 4H), W_h (H, 4H), b (4H,), W_hy (H, Y), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
    c0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial memory c_0, likewise; None means zeros.
    loss_on : {"last", "all"}, default "last"
        "last" scores the prediction after the last step (many-to-one); "all" sums
        the losses of every step (many-to-many).

    Returns
    -------
    loss : float
        The loss L, in nats.
    grads : LSTMParams
        dL/d(every weight), of the same shapes as params.

    Raises
    ------
    TypeError
        If params is not an LSTMParams, loss_on is not a string, or X, y, h0 or c0 is not numeric.
    ValueError
        If loss_on is neither "last" nor "all"; X, y, h0 or c0 has the wrong
        shape, holds NaN or infinities, or X is empty; or a label is not 0 or 1.
    FloatingPointError
        If the forward pass (z or o) or a gradient overflows.
    """
    X, h0, c0, y = _check_training_state_inputs(params, X, y, h0, c0, loss_on)
    z, i, f, g, q, c, h, o = _forward(params, X, h0, c0)
    check_finite_result([("z", z), ("o", o)], "The forward pass")
    loss, d_o = loss_and_dlogits(o, y, loss_on)
    with np.errstate(over="ignore", invalid="ignore"):  # reported just below, by name
        grads = _backward(params, X, h0, c0, i, f, g, q, c, h, d_o)
    check_finite_result(grads.items(), "Backpropagation")
    return loss, grads


def evaluate_loss(params: LSTMParams, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None,
                  c0: ArrayLike | None = None, loss_on: str = "last") -> float:
    """The loss alone, as ``bptt`` computes it: for finite differences.

    Parameters
    ----------
    params : LSTMParams
        The weights: W_e (E, 4H), W_h (H, 4H), b (4H,), W_hy (H, Y), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of one document, or of a batch of N documents.
    y : array_like, shape (Y,), or (N, Y) for a batch
        The labels, each 0 or 1; when Y = 1, also shape (), or (N,) for a batch.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (one of shape (H,) serves every document); None means zeros.
    c0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial memory c_0, likewise; None means zeros.
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
        If params is not an LSTMParams, loss_on is not a string, or X, y, h0 or c0 is not numeric.
    ValueError
        If loss_on is neither "last" nor "all"; X, y, h0 or c0 has the wrong
        shape, holds NaN or infinities, or X is empty; or a label is not 0 or 1.
    FloatingPointError
        If the forward pass (z or o) overflows.
    """
    X, h0, c0, y = _check_training_state_inputs(params, X, y, h0, c0, loss_on)
    z, *_, o = _forward(params, X, h0, c0)
    check_finite_result([("z", z), ("o", o)], "The forward pass")
    return loss_and_dlogits(o, y, loss_on)[0]


def backward(params: LSTMParams, X: ArrayLike, trace: LSTMTrace, dL_do: ArrayLike) -> LSTMParams:
    """Backpropagation through time through the LSTM from any loss on the logits: dL/do_t in, dL/d(every weight) out.

    ``bptt`` is this with dL/do of the binary cross-entropy; a next-token model
    (``rnn_lib.language``) gives the softmax cross-entropy's dL/do_t at every step instead.

    Parameters
    ----------
    params : LSTMParams
        The weights: W_e (E, 4H), W_h (H, 4H), b (4H,), W_hy (H, Y), b_y (Y,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings the forward pass read.
    trace : LSTMTrace
        What ``forward(params, X, h0, c0)`` returned for this X (trusted to be that: only shapes are checked).
    dL_do : array_like, shape (T, Y) or (N, T, Y)
        The derivative of the loss with respect to every logit o_t; zeros at steps the loss does not score.

    Returns
    -------
    LSTMParams
        dL/d(every weight), of the same shapes as params.

    Raises
    ------
    TypeError
        If params is not an LSTMParams, trace is not an LSTMTrace, or X or dL_do is not numeric.
    ValueError
        If X, trace or dL_do has the wrong shape, or X or dL_do holds NaN or infinities.
    FloatingPointError
        If a gradient overflows.
    """
    check_cell(params, LSTMParams)
    X3, a, d_o = check_backward_inputs(params, X, trace, LSTMTrace, dL_do)
    with np.errstate(over="ignore", invalid="ignore"):  # reported just below, by name
        grads = _backward(params, X3, a["h0"], a["c0"], a["i"], a["f"], a["g"], a["q"], a["c"], a["h"], d_o)
    check_finite_result(grads.items(), "Backpropagation")
    return grads
