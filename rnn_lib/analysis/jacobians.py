"""Slide 10's formula, term by term: the gradient of W_hh as a sum over paths back in time.

Explained in the chapter *Backpropagation through time* (slide 10). For the
loss L_t of step t, slide 10 writes

    ∂L_t/∂W_hh = ∂L_t/∂h_t · Σ_{k=1}^{t} ∂h_t/∂h_k · ∂⁺h_k/∂W_hh,
    ∂h_t/∂h_k  = ∂h_t/∂h_{t−1} ∂h_{t−1}/∂h_{t−2} ⋯ ∂h_{k+1}/∂h_k,

where ∂⁺h_k/∂W_hh is the *immediate* partial (h_{k−1} held fixed). With row
vectors multiplied from the left, one step's Jacobian is

    ∂h_i/∂h_{i−1} = diag(1 − h_i²) W_hhᵀ      (H, H), entry [a, b] = ∂h_i[a]/∂h_{i−1}[b].

``rnn.bptt`` computes the same sum right to left, one vector–matrix product
per step; this module builds every term separately, so that the chapter can
show each term, measure it, and drop some of them (truncated BPTT).

The functions take one document: X (T, E). Time indices t and k are 1-based
as in the book (h_0 is the initial state, h_T the last).
"""

from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike

from .. import checks
from ..activations import sigmoid
from ..cell import check_training_inputs
from ..rnn import Params, Trace, forward


def _check_trace(params, trace):
    if not isinstance(params, Params):
        raise TypeError(f"params must be an rnn_lib.Params, got {type(params).__name__}")
    if not isinstance(trace, Trace):
        raise TypeError(f"trace must be an rnn_lib.Trace (from forward), got {type(trace).__name__}")
    h = np.asarray(trace.h)
    if h.ndim != 2:
        raise ValueError(
            f"trace.h has shape {h.shape}: give the Trace of one document, h of shape (T, H)"
        )
    if h.shape[1] != params.H:
        raise ValueError(f"trace.h has shape {h.shape} but the hidden size of params is H = {params.H}")


def _check_time(value, name, low, high):
    value = checks.check_count(value, name)
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _check_document(params, X, y, h0, loss_on) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One document only: X (T, E). Returns X (T, E), h0 (H,), y (Y,)."""
    X = checks.as_float_array(X, "X", ndims=(2, 3))
    if X.ndim == 3:
        raise ValueError(
            f"X has shape {X.shape}: these functions take one document, X of shape (T, E);"
            " for a batch, average the gradients of its documents"
        )
    if not isinstance(params, Params):
        raise TypeError(f"params must be an rnn_lib.Params, got {type(params).__name__}")
    X3, h0, y = check_training_inputs(params, X, y, h0, loss_on)
    return X3[0], h0[0], y[0]


def _jacobians(W_hh, h):
    """diag(1 − h_i²) W_hhᵀ for every step: h (T, H) → (T, H, H)."""
    return (1.0 - h**2)[:, :, None] * W_hh.T[None, :, :]


def _product(jacobians, t, k):
    """∂h_t/∂h_k = J_t J_{t−1} ⋯ J_{k+1}, with J_i = jacobians[i − 1]; the identity when k = t."""
    result = np.eye(jacobians.shape[1])
    for i in range(t, k, -1):  # i = t, t−1, …, k+1: the latest step stays leftmost
        result = result @ jacobians[i - 1]
    return result


def _immediate(h_prev, h_k):
    """∂⁺h_k/∂W_hh with h_{k−1} fixed: (H, H, H), entry [j, a, b] = (1 − h_k[j]²) h_{k−1}[a] δ_jb."""
    H = h_k.shape[0]
    tensor = np.zeros((H, H, H))
    for j in range(H):
        tensor[j, :, j] = (1.0 - h_k[j] ** 2) * h_prev
    return tensor


def step_jacobians(params: Params, trace: Trace) -> np.ndarray:
    """The Jacobian of every step, ∂h_t/∂h_{t−1} = diag(1 − h_t²) W_hhᵀ, for t = 1 … T.

    The transpose comes from the row-vector convention:
    h_t[a] = tanh(Σ_b h_{t−1}[b] W_hh[b, a] + …).

    Parameters
    ----------
    params : Params
        The weights of the plain RNN; W_hh (H, H).
    trace : Trace
        The Trace of one document (``forward(params, X)``, X (T, E)); h (T, H).

    Returns
    -------
    ndarray, shape (T, H, H)
        Entry [t − 1, a, b] = ∂h_t[a]/∂h_{t−1}[b].

    Raises
    ------
    TypeError
        If ``params`` is not a Params or ``trace`` is not a Trace.
    ValueError
        If ``trace.h`` is not (T, H) with the H of ``params`` (the Trace of a batch, say).
    """
    _check_trace(params, trace)
    return _jacobians(params.W_hh, np.asarray(trace.h, dtype=float))


def jacobian_product(jacobians: ArrayLike, t: int, k: int) -> np.ndarray:
    """∂h_t/∂h_k as slide 10's product of adjacent steps: J_t J_{t−1} ⋯ J_{k+1}.

    The order matters: matrices do not commute, and the latest step's Jacobian
    is leftmost.

    Parameters
    ----------
    jacobians : array_like, shape (T, H, H)
        From ``step_jacobians``: jacobians[i − 1] = J_i = ∂h_i/∂h_{i−1}.
    t : int
        1-based step, 0 ≤ t ≤ T.
    k : int
        1-based step, 0 ≤ k ≤ t (k = 0 is the initial state h_0).

    Returns
    -------
    ndarray, shape (H, H)
        Entry [a, b] = ∂h_t[a]/∂h_k[b]; the identity when k = t.

    Raises
    ------
    TypeError
        If ``jacobians`` is not numeric, or ``t`` or ``k`` is not a whole number.
    ValueError
        If ``jacobians`` is not a finite (T, H, H) array, or ``t`` or ``k`` is out of range.
    """
    jacobians = checks.as_float_array(jacobians, "jacobians", ndims=(3,))
    T, H, H2 = jacobians.shape
    if H != H2:
        raise ValueError(f"jacobians must have shape (T, H, H), got {jacobians.shape}")
    t = _check_time(t, "t", 0, T)
    k = _check_time(k, "k", 0, t)
    return _product(jacobians, t, k)


def immediate_dh_dW_hh(trace: Trace, k: int) -> np.ndarray:
    """The immediate partial ∂⁺h_k/∂W_hh, holding h_{k−1} fixed: a 3-D tensor (H, H, H).

    A row vector v = dL/dh_k contracts it to v · ∂⁺h_k/∂W_hh = h_{k−1}ᵀ (v ⊙ (1 − h_k²)), (H, H).

    Parameters
    ----------
    trace : Trace
        The Trace of one document: h (T, H), h0 (H,).
    k : int
        1-based step, 1 ≤ k ≤ T.

    Returns
    -------
    ndarray, shape (H, H, H)
        Entry [j, a, b] = ∂h_k[j]/∂W_hh[a, b] = (1 − h_k[j]²) h_{k−1}[a] if j = b, else 0.

    Raises
    ------
    TypeError
        If ``trace`` is not a Trace or ``k`` is not a whole number.
    ValueError
        If ``trace.h`` is not 2-D (the Trace of a batch, say) or ``k`` is not in 1 … T.
    """
    if not isinstance(trace, Trace):
        raise TypeError(f"trace must be an rnn_lib.Trace (from forward), got {type(trace).__name__}")
    h = np.asarray(trace.h, dtype=float)
    if h.ndim != 2:
        raise ValueError(f"trace.h has shape {h.shape}: give the Trace of one document, h of shape (T, H)")
    k = _check_time(k, "k", 1, h.shape[0])
    h_prev = np.asarray(trace.h0, dtype=float) if k == 1 else h[k - 2]
    return _immediate(h_prev, h[k - 1])


def _terms(params, X, y, h0, loss_on):
    """Every term of slide 10's double sum: (T, T, H, H), [t − 1, k − 1] = term (t, k); zero for k > t."""
    trace = forward(params, X, h0)
    h, o = trace.h, trace.o
    T, H = h.shape
    h_prev = np.vstack([h0[None], h[:-1]])
    jacobians = _jacobians(params.W_hh, h)
    dL_do = sigmoid(o) - y  # (T, Y): dL_t/do_t = ŷ_t − y for every step
    scored = [T] if loss_on == "last" else range(1, T + 1)
    terms = np.zeros((T, T, H, H))
    for t in scored:
        dL_dh_t = dL_do[t - 1] @ params.W_hy.T  # ∂L_t/∂ŷ_t · ∂ŷ_t/∂h_t, (H,)
        for k in range(1, t + 1):
            dL_dh_k = dL_dh_t @ _product(jacobians, t, k)  # · ∂h_t/∂h_k
            immediate = _immediate(h_prev[k - 1], h[k - 1])  # ∂⁺h_k/∂W_hh, (H, H, H)
            terms[t - 1, k - 1] = np.einsum("i,iab->ab", dL_dh_k, immediate)
    return terms


def whh_gradient_terms(
    params: Params, X: ArrayLike, y: ArrayLike, h0: ArrayLike | None = None, loss_on: str = "last"
) -> tuple[np.ndarray, np.ndarray]:
    """Slide 10's formula for dL/dW_hh, term by term, and its sum.

    The loss is the natural-log binary cross-entropy, as in ``bptt``.

    Parameters
    ----------
    params : Params
        The weights of the plain RNN: W_eh (E, H), W_hh (H, H), W_hy (H, Y).
    X : array_like, shape (T, E)
        One document.
    y : array_like, shape () or (Y,)
        Its label, 0 or 1.
    h0 : array_like, shape (H,), optional
        The initial hidden state; None for zeros.
    loss_on : str
        "last" (many-to-one, L = L_T) or "all" (many-to-many, L = Σ_t L_t).

    Returns
    -------
    terms : ndarray, shape (T, T, H, H)
        terms[t − 1, k − 1] = ∂L_t/∂h_t · ∂h_t/∂h_k · ∂⁺h_k/∂W_hh (zero where
        k > t, and for t < T under "last").
    dL_dW_hh : ndarray, shape (H, H)
        Their sum, equal to ``bptt(...)[1].W_hh``.

    Raises
    ------
    TypeError
        If ``params`` is not a Params; or for X, y, h0 and loss_on as ``bptt``.
    ValueError
        If X is a batch (N, T, E) or not 2-D; or for X, y, h0 and loss_on as ``bptt``.
    """
    X, h0, y = _check_document(params, X, y, h0, loss_on)
    terms = _terms(params, X, y, h0, loss_on)
    return terms, terms.sum(axis=(0, 1))


def _check_K(K):
    return checks.check_count(K, "K", low=1)  # K = 1 keeps only the immediate terms


def _truncation_mask(T, K):
    """(T, T) booleans: True where term (t, k) is kept, that is 0 ≤ t − k < K."""
    t = np.arange(1, T + 1)[:, None]
    k = np.arange(1, T + 1)[None, :]
    return (t - k >= 0) & (t - k < K)


def truncated_bptt_whh(
    params: Params, X: ArrayLike, y: ArrayLike, K: int, h0: ArrayLike | None = None, loss_on: str = "last"
) -> np.ndarray:
    """dL/dW_hh from the terms of slide 10's sum with t − k < K only (truncated BPTT).

    Every loss L_t sends its gradient back at most K steps, to h_t … h_{t−K+1}
    (Williams and Peng's BPTT(h) with h = K). K = 1 keeps only the immediate
    terms k = t; K ≥ T keeps all and gives the true gradient.

    Parameters
    ----------
    params : Params
        The weights of the plain RNN: W_eh (E, H), W_hh (H, H), W_hy (H, Y).
    X : array_like, shape (T, E)
        One document.
    y : array_like, shape () or (Y,)
        Its label, 0 or 1.
    K : int
        The truncation length, ≥ 1.
    h0 : array_like, shape (H,), optional
        The initial hidden state; None for zeros.
    loss_on : str
        "last" (many-to-one, L = L_T) or "all" (many-to-many, L = Σ_t L_t).

    Returns
    -------
    ndarray, shape (H, H)
        The truncated gradient.

    Raises
    ------
    TypeError
        If ``K`` is not a whole number, or ``params`` is not a Params; or for X,
        y, h0 and loss_on as ``bptt``.
    ValueError
        If ``K`` < 1, or X is a batch (N, T, E) or not 2-D; or for X, y, h0 and
        loss_on as ``bptt``.
    """
    K = _check_K(K)
    X, h0, y = _check_document(params, X, y, h0, loss_on)
    terms = _terms(params, X, y, h0, loss_on)
    return terms[_truncation_mask(X.shape[0], K)].sum(axis=0)


def truncation_errors(
    params: Params,
    X: ArrayLike,
    y: ArrayLike,
    Ks: Iterable[int],
    h0: ArrayLike | None = None,
    loss_on: str = "last",
) -> np.ndarray:
    """How far truncated BPTT misses: ‖G_K − G‖ / ‖G‖ for each K in Ks (Frobenius norms).

    G is the true dL/dW_hh, G_K the truncated one (``truncated_bptt_whh``).

    Parameters
    ----------
    params : Params
        The weights of the plain RNN: W_eh (E, H), W_hh (H, H), W_hy (H, Y).
    X : array_like, shape (T, E)
        One document.
    y : array_like, shape () or (Y,)
        Its label, 0 or 1.
    Ks : iterable of int, length R
        Truncation lengths, each ≥ 1 (a list, say).
    h0 : array_like, shape (H,), optional
        The initial hidden state; None for zeros.
    loss_on : str
        "last" (many-to-one, L = L_T) or "all" (many-to-many, L = Σ_t L_t).

    Returns
    -------
    ndarray, shape (R,)
        The relative error for each K, in the order of ``Ks``.

    Raises
    ------
    TypeError
        If ``Ks`` is a string or not iterable, or holds anything but whole
        numbers, or ``params`` is not a Params; or for X, y, h0 and loss_on as ``bptt``.
    ValueError
        If ``Ks`` is empty or holds a K < 1, X is a batch (N, T, E) or not 2-D,
        or the true gradient is zero (the relative error is then undefined);
        or for X, y, h0 and loss_on as ``bptt``.
    """
    if isinstance(Ks, (str, bytes)) or not hasattr(Ks, "__iter__"):
        raise TypeError(f"Ks must be a list of truncation lengths, got {Ks!r}")
    Ks = [_check_K(K) for K in Ks]
    if not Ks:
        raise ValueError("Ks is empty: give at least one truncation length")
    X, h0, y = _check_document(params, X, y, h0, loss_on)
    terms = _terms(params, X, y, h0, loss_on)
    true = terms.sum(axis=(0, 1))
    scale = np.linalg.norm(true)
    if scale == 0:
        raise ValueError("the true gradient dL/dW_hh is zero: a relative error is undefined")
    T = X.shape[0]
    return np.array(
        [np.linalg.norm(terms[_truncation_mask(T, K)].sum(axis=0) - true) / scale for K in Ks]
    )


def scaled_orthogonal_rnn(scale: float, T: int = 30, E: int = 3, H: int = 8,
                          seed: int = 0) -> tuple[Params, np.ndarray]:
    """A seeded random RNN whose W_hh = scale · Q for a random orthogonal Q, and a document.

    Every singular value of W_hh is ``scale``, so ``scale`` sets how much one
    step can stretch a gradient (before tanh's factor 1 − h_t² shrinks it).
    The chapter uses it to show gradients that vanish (scale < 1) or explode.

    Parameters
    ----------
    scale : float
        The singular value s of W_hh, > 0.
    T : int, optional
        Steps of the document, ≥ 1.
    E : int, optional
        Embedding size, ≥ 1.
    H : int, optional
        Hidden size, ≥ 1.
    seed : int, optional
        Seed of numpy's default generator.

    Returns
    -------
    params : Params
        W_eh ~ N(0, 1/E) (E, H), W_hh = scale · Q (H, H), W_hy ~ N(0, 1) (H, 1), zero biases.
    X : ndarray, shape (T, E)
        Inputs x_1 … x_T drawn from N(0, 1).

    Raises
    ------
    TypeError
        If ``scale`` is not a real number, or T, E, H, seed are not integers.
    ValueError
        If ``scale`` is not positive and finite, or T, E, H are below 1, or seed is negative.
    """
    scale = checks.check_positive(scale, "scale")
    T, E, H = (checks.check_count(n, name, low=1) for n, name in ((T, "T"), (E, "E"), (H, "H")))
    rng = np.random.default_rng(checks.check_count(seed, "seed"))
    Q, _ = np.linalg.qr(rng.normal(size=(H, H)))
    params = Params(W_eh=rng.normal(0, 1 / np.sqrt(E), (E, H)), W_hh=scale * Q, W_hy=rng.normal(0, 1, (H, 1)))
    return params, rng.normal(0, 1, (T, E))
