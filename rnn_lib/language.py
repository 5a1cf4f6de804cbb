"""Next-token prediction: the plain RNN as a character (or word) language model.

Many-to-many: at every step the RNN reads token x_t and predicts the token
that follows, with a softmax over the V tokens of the vocabulary. The
recurrence is the one of ``rnn.forward``; only the output changes:

    z_t = x_t W_eh + h_{t−1} W_hh + b_h,  h_t = tanh(z_t)     as in rnn.forward
    o_t = h_t W_hy + b_y                                     logits, (1, V): W_hy is (H, V)
    p_t = softmax(o_t)                                       next-token probabilities, (1, V)
    L   = −1/(N·T) Σ_n Σ_t ln p_t[target_t]                  nats per token; perplexity = e^L

and dL/do_t = (p_t − onehot(target_t)) / (N·T) enters the same backpropagation
through time (``rnn.backward``).

Long texts are read in chunks of K steps (truncated BPTT): the state after one
chunk, ``h_last``, is the h_0 of the next, so the forward pass is exactly the
one over the whole text, but the gradient of a chunk stops at its first step —
h_0 enters as a constant, no gradient flows back into the previous chunk.

Example: a character model of first names (``rnn_lib.names_corpus``). This
setting reached a validation perplexity of 7.76 per character against 7.85
for the best add-k n-gram, in 2.3 s of training with numpy's BLAS on one
thread and 27 s with its default threads on a busy 2-core machine (measured
by ``scripts/names_feasibility.py``, which prints the numbers)::

    import numpy as np
    import rnn_lib

    corpus = rnn_lib.names_corpus()                       # lowercase names, V = 27 with <eos>
    V, eos = len(corpus.vocabulary), corpus.vocabulary.index[rnn_lib.EOS]
    stream = rnn_lib.token_stream(corpus.ids("train"), rows=32, seed=0)   # (32, T_total) ids
    params = rnn_lib.init_params("rnn", V, 128, Y=V, seed=0)
    for learning_rate, epochs in [(1.0, 6), (0.3, 3), (0.1, 3)]:          # a decaying schedule
        run = rnn_lib.train_language_model(params, stream, learning_rate, chunk_length=16,
                                           epochs=epochs, max_norm=5.0)
        params = run.params
    loss = rnn_lib.per_token_loss(params, corpus.ids("validation"), start=eos)
    print("validation perplexity", np.exp(loss))
    ids = rnn_lib.sample_tokens(params, np.eye(V), start=[eos], n=60, temperature=0.8, seed=0)
    print("".join(corpus.vocabulary.decode(ids)).replace(rnn_lib.EOS, " "))
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import checks
from .activations import softmax
from .cell import check_cell, check_finite_result, check_inputs
from .data import one_hot
from .rnn import Params, backward, forward
from .train import chunk_slices, clip_gradients, gradient_norm, gradient_step


def _cross_entropy(o: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean softmax cross-entropy of logits o (N, T, V) for ids targets (N, T), and dL/do (N, T, V)."""
    shifted = o - o.max(axis=-1, keepdims=True)  # o_t − max o_t: every e^(·) ≤ 1, no overflow
    log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))  # ln p_t = ln softmax(o_t)
    picked = np.take_along_axis(log_p, targets[..., None], axis=-1)  # ln p_t[target_t], (N, T, 1)
    count = targets.size  # N·T positions
    d_o = np.exp(log_p)  # p_t
    n, t = np.indices(targets.shape)
    d_o[n, t, targets] -= 1.0  # p_t − onehot(target_t)
    d_o /= count  # dL/do_t = (p_t − onehot(target_t)) / (N·T)
    return -float(picked.sum()) / count, d_o


def _check_targets(targets: ArrayLike, params: Params, lead: tuple[int, ...]) -> np.ndarray:
    ids = checks.as_token_ids(targets, "targets", params.Y, ndims=(len(lead),))
    if ids.shape != lead:
        raise ValueError(
            f"targets has shape {ids.shape} but X has {lead} positions: give one next-token id per step"
        )
    return ids


def next_token_bptt(params: Params, X: ArrayLike, targets: ArrayLike,
                    h0: ArrayLike | None = None) -> tuple[float, Params, np.ndarray]:
    """The next-token loss, its gradient by backpropagation through time, and the last state.

    The loss is the natural-log softmax cross-entropy averaged over all N·T
    positions, so that e^loss is the perplexity per token. ``h_last`` is the
    state after step T, to be passed as ``h0`` of the next chunk (truncated
    BPTT): the gradient of this chunk treats h0 as a constant, so nothing flows
    back into an earlier chunk.

    Parameters
    ----------
    params : Params
        The weights: W_eh (E, H), W_hh (H, H), W_hy (H, V), b_h (H,), b_y (V,); V = params.Y tokens.
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of the tokens read, of one sequence or a batch of N.
    targets : array_like of int, shape (T,) or (N, T)
        The id of the token that follows each one read, in 0 … V − 1 (an integer array:
        floats such as 1.0 and bools raise TypeError, as token ids do everywhere in rnn_lib).
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state h_0 (for example the previous chunk's h_last); None means zeros.

    Returns
    -------
    loss : float
        The mean cross-entropy L, in nats per token.
    grads : Params
        dL/dW_eh, dL/dW_hh, dL/dW_hy, dL/db_h and dL/db_y, of the same shapes as params.
    h_last : ndarray, shape (H,) or (N, H)
        The hidden state h_T after the last step (a new array).

    Raises
    ------
    TypeError
        If params is not a Params, X or h0 is not numeric, or targets is not an array of whole numbers.
    ValueError
        If X, targets or h0 has the wrong shape, X or h0 holds NaN or infinities,
        X is empty, or a target lies outside 0 … V − 1.
    FloatingPointError
        If the forward pass or a gradient overflows.
    """
    check_cell(params, Params)
    X3, h0_3, batched = check_inputs(params, X, h0)
    N, T, _ = X3.shape
    targets = _check_targets(targets, params, (N, T) if batched else (T,)).reshape(N, T)
    trace = forward(params, X3, h0_3)
    loss, d_o = _cross_entropy(trace.o, targets)
    grads = backward(params, X3, trace, d_o)
    h_last = trace.h[:, -1].copy()
    return loss, grads, h_last if batched else h_last[0]


def next_token_probabilities(params: Params, X: ArrayLike, h0: ArrayLike | None = None,
                             temperature: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """The distribution of the next token after every step, p_t = softmax(o_t / temperature), and the last state.

    Given a state h and one token x, ``next_token_probabilities(params, x[None], h)``
    gives the distribution of the token that follows and the state to continue from.
    A temperature below 1 sharpens the distribution, above 1 flattens it.

    Parameters
    ----------
    params : Params
        The weights: W_eh (E, H), W_hh (H, H), W_hy (H, V), b_h (H,), b_y (V,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings of the tokens read.
    h0 : array_like, shape (H,), or (H,) or (N, H) for a batch, optional
        The initial hidden state; None means zeros.
    temperature : float, default 1.0
        τ > 0: the logits are divided by τ before the softmax.

    Returns
    -------
    p : ndarray, shape (T, V) or (N, T, V)
        Row t − 1 is the distribution of the token after step t; each row sums to 1.
    h_last : ndarray, shape (H,) or (N, H)
        The hidden state h_T after the last step.

    Raises
    ------
    TypeError
        If params is not a Params, X or h0 is not numeric, or temperature is not a real number.
    ValueError
        If temperature is not a finite number > 0, or as ``rnn_lib.forward`` for X and h0.
    FloatingPointError
        If the forward pass overflows, or o / temperature does (a temperature too close to 0).
    """
    check_cell(params, Params)
    temperature = checks.check_positive(temperature, "temperature")
    trace = forward(params, X, h0)
    with np.errstate(over="ignore"):
        scaled = trace.o / temperature
    check_finite_result([("o / temperature", scaled)], "Dividing the logits by the temperature")
    return softmax(scaled), trace.h[..., -1, :].copy()


def sample_tokens(params: Params, embeddings: ArrayLike, start: ArrayLike, n: int,
                  temperature: float = 1.0, seed: int = 0, h0: ArrayLike | None = None) -> np.ndarray:
    """Generate ``n`` tokens: read ``start``, then draw each next token from p_t and read it in turn.

    Seeded: the same arguments give the same tokens. With one-hot inputs, pass
    ``embeddings = np.eye(V)``.

    Parameters
    ----------
    params : Params
        The weights: W_eh (E, H), W_hh (H, H), W_hy (H, V), b_h (H,), b_y (V,).
    embeddings : array_like, shape (V, E)
        The input embedding of every token (row v for token id v).
    start : array_like of int, shape (S,)
        The S ≥ 1 ids read before the first draw (for names, the end-of-name id).
    n : int
        How many tokens to draw, ≥ 0.
    temperature : float, default 1.0
        τ > 0, as in ``next_token_probabilities``.
    seed : int, default 0
        Seed of the random generator, ≥ 0.
    h0 : array_like, shape (H,), optional
        The state before ``start``; None means zeros.

    Returns
    -------
    ndarray of int, shape (n,)
        The ids drawn, in order (``start`` not included).

    Raises
    ------
    TypeError
        If params is not a Params, embeddings or h0 is not numeric, start is not an array of
        whole numbers, n or seed is not a whole number, or temperature is not a real number.
    ValueError
        If embeddings is not (V, E) for params, start is empty or holds ids outside 0 … V − 1,
        n or seed < 0, temperature is not > 0, or h0 has the wrong shape.
    """
    check_cell(params, Params)
    table = checks.as_float_array(embeddings, "embeddings", ndims=(2,))
    V = params.Y
    if table.shape != (V, params.E):
        raise ValueError(
            f"embeddings has shape {table.shape} but params read E = {params.E} and predict V = {V}"
            f" tokens: give one row per token, ({V}, {params.E})"
        )
    start = checks.as_token_ids(start, "start", V, ndims=(1,))
    if start.size == 0:
        raise ValueError("start is empty: give at least one token id to read before the first draw")
    n = checks.check_count(n, "n")
    rng = np.random.default_rng(checks.check_count(seed, "seed"))
    p, h = next_token_probabilities(params, table[start], h0, temperature)
    drawn = np.empty(n, dtype=np.int64)
    for i in range(n):
        drawn[i] = rng.choice(V, p=p[-1])
        if i + 1 < n:
            p, h = next_token_probabilities(params, table[drawn[i:i + 1]], h, temperature)
    return drawn


def _check_documents(documents: Sequence[ArrayLike], size: int | None) -> list[np.ndarray]:
    if isinstance(documents, (str, bytes, np.ndarray)) or not isinstance(documents, Sequence):
        raise TypeError(f"documents must be a list of 1-D arrays of token ids, got {type(documents).__name__}")
    if len(documents) == 0:
        raise ValueError("documents is empty: give at least one document")
    found = [checks.as_token_ids(d, f"documents[{i}]", size, ndims=(1,)) for i, d in enumerate(documents)]
    for i, ids in enumerate(found):
        if ids.size == 0:
            raise ValueError(f"documents[{i}] is empty: every document needs at least one token")
    return found


def token_stream(documents: Sequence[ArrayLike], rows: int, seed: int = 0) -> np.ndarray:
    """Shuffle documents (seeded), join them into one sequence and cut it into ``rows`` equal rows.

    The layout of truncated BPTT: row n is read left to right, chunk after
    chunk, its state carried along. The last len % rows tokens (fewer than
    ``rows``) are dropped, so the rows have one length.

    Parameters
    ----------
    documents : sequence of array_like of int, each of shape (T_d,)
        The documents as token ids, each ending with its end token (for names, <eos>).
    rows : int
        The number of rows N (parallel streams, the batch size), ≥ 1.
    seed : int, default 0
        Seed of the shuffle, ≥ 0.

    Returns
    -------
    ndarray of int, shape (rows, ⌊Σ_d T_d / rows⌋)
        The stream, row after row.

    Raises
    ------
    TypeError
        If documents is not a sequence of arrays of whole numbers, or rows or seed is not a whole number.
    ValueError
        If documents is empty, a document is empty or not 1-D, an id is negative, rows < 1,
        seed < 0, or there are fewer tokens than 2·rows.
    """
    rows = checks.check_count(rows, "rows", low=1)
    seed = checks.check_count(seed, "seed")
    ids = _check_documents(documents, None)
    order = np.random.default_rng(seed).permutation(len(ids))
    joined = np.concatenate([ids[i] for i in order])
    length = len(joined) // rows
    if length < 2:
        raise ValueError(f"documents hold {len(joined)} tokens: too few for rows = {rows} rows of at least 2")
    return joined[:rows * length].reshape(rows, length)


@dataclass(frozen=True, eq=False)
class LanguageRun:
    """What chunked truncated-BPTT training did.

    Attributes
    ----------
    params : Params
        The final weights.
    loss : ndarray, shape (updates,)
        The training loss of every chunk (nats per token), each taken before its update.
    gradient_norms : ndarray, shape (updates,)
        The norm of every chunk's gradient, before clipping.
    """

    params: Params
    loss: np.ndarray
    gradient_norms: np.ndarray


def train_language_model(params: Params, stream: ArrayLike, learning_rate: float, chunk_length: int,
                         epochs: int = 1, max_norm: float | None = None) -> LanguageRun:
    """Train next-token prediction on a stream of ids by truncated BPTT, chunk by chunk.

    Each epoch walks the (N, T_total) stream left to right in chunks of K =
    ``chunk_length`` steps: the inputs are the one-hot ids of columns s … s+K−1,
    the targets those of s+1 … s+K (the last chunk may be shorter). The state
    starts at 0 each epoch and is carried from chunk to chunk (the gradient is
    not: truncated BPTT). Every chunk takes one step W ← W − η dL/dW
    (``gradient_step``), its gradient first clipped to ``max_norm`` if given
    (``clip_gradients``). There is no randomness: shuffle with ``token_stream``'s seed.

    Parameters
    ----------
    params : Params
        The starting weights, with one-hot inputs: W_eh (V, H), W_hh (H, H), W_hy (H, V).
    stream : array_like of int, shape (N, T_total)
        N rows of token ids in 0 … V − 1, T_total ≥ 2 (for example from ``token_stream``).
    learning_rate : float
        η > 0.
    chunk_length : int
        K ≥ 1, the number of steps backpropagated through.
    epochs : int, default 1
        Passes over the stream, ≥ 0.
    max_norm : float, optional
        Clip every gradient to this norm (> 0); None for no clipping.

    Returns
    -------
    LanguageRun
        The final weights, and the loss and gradient norm of every chunk, (updates,)
        with updates = epochs · ⌈(T_total − 1) / K⌉.

    Raises
    ------
    TypeError
        If params is not a Params, stream is not an array of whole numbers, learning_rate or
        max_norm is not a real number, or chunk_length or epochs is not a whole number.
    ValueError
        If params do not read and predict the same V tokens (E ≠ Y), stream is not 2-D with
        T_total ≥ 2 or holds ids outside 0 … V − 1, learning_rate or max_norm is not > 0,
        chunk_length < 1 or epochs < 0.
    FloatingPointError
        If a forward pass or a gradient overflows.
    """
    check_cell(params, Params)
    if params.E != params.Y:
        raise ValueError(
            f"params read E = {params.E} inputs but predict Y = {params.Y} tokens: a language model on"
            " one-hot ids needs E = Y = V (init_params('rnn', V, H, Y=V))"
        )
    V = params.Y
    stream = checks.as_token_ids(stream, "stream", V, ndims=(2,))
    N, total = stream.shape
    if total < 2:
        raise ValueError(f"stream has shape {stream.shape}: each row needs at least 2 tokens (one input, one target)")
    learning_rate = checks.check_positive(learning_rate, "learning_rate")
    K = checks.check_count(chunk_length, "chunk_length", low=1)
    epochs = checks.check_count(epochs, "epochs")
    if max_norm is not None:
        max_norm = checks.check_positive(max_norm, "max_norm")
    losses, norms = [], []
    for _ in range(epochs):
        h = np.zeros((N, params.H))
        for part in chunk_slices(total - 1, K):  # inputs: columns 0 … total−2; targets: one step later
            inputs = stream[:, part]
            X = one_hot(inputs.ravel(), V).reshape(inputs.shape + (V,))
            loss, grads, h = next_token_bptt(params, X, stream[:, part.start + 1:part.stop + 1], h)
            if max_norm is None:
                norm = gradient_norm(grads)
            else:
                grads, norm = clip_gradients(grads, max_norm)
            params = gradient_step(params, grads, learning_rate)
            losses.append(loss)
            norms.append(norm)
    return LanguageRun(params, np.array(losses), np.array(norms))


def per_token_loss(params: Params, documents: Sequence[ArrayLike], start: int) -> float:
    """The mean next-token loss over held-out documents, each read on its own from h_0 = 0.

    Document d = (w_1 … w_T) is read as ``start`` w_1 … w_{T−1} and scored on
    w_1 … w_T, so every token, its end token included, is predicted once:
    the same positions an n-gram model scores (``rnn_lib.analysis.ngram``).
    Documents of one length go through the RNN together.

    Parameters
    ----------
    params : Params
        One-hot weights: W_eh (V, H), W_hh (H, H), W_hy (H, V).
    documents : sequence of array_like of int, each of shape (T_d,)
        The documents as ids in 0 … V − 1, each ending with its end token.
    start : int
        The id read before a document's first token (for names, the end-of-name id).

    Returns
    -------
    float
        Σ_d Σ_t −ln p(w_t | start, w_1 … w_{t−1}) / Σ_d T_d, in nats per token; e^loss is the perplexity.

    Raises
    ------
    TypeError
        If params is not a Params, start is not a whole number, or a document is not an array of whole numbers.
    ValueError
        If E ≠ Y, documents is empty, a document is empty or not 1-D, or an id (start included)
        lies outside 0 … V − 1.
    FloatingPointError
        If the forward pass overflows.
    """
    check_cell(params, Params)
    if params.E != params.Y:
        raise ValueError(f"params read E = {params.E} inputs but predict Y = {params.Y} tokens: need E = Y = V")
    V = params.Y
    start = checks.check_count(start, "start")
    if start >= V:
        raise ValueError(f"start must be an id in 0 … {V - 1}, got {start}")
    ids = _check_documents(documents, V)
    lengths = np.array([len(d) for d in ids])
    total = 0.0
    for T in np.unique(lengths):
        targets = np.stack([ids[i] for i in np.flatnonzero(lengths == T)])  # (n, T)
        inputs = np.concatenate([np.full((len(targets), 1), start), targets[:, :-1]], axis=1)
        trace = forward(params, one_hot(inputs.ravel(), V).reshape(inputs.shape + (V,)))
        total += _cross_entropy(trace.o, targets)[0] * targets.size
    return total / lengths.sum()
