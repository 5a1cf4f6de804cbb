"""Next-token prediction: any cell (RNN, GRU, LSTM) as a character (or word) language model.

Many-to-many: at every step the cell reads token x_t and predicts the token
that follows, with a softmax over the V tokens of the vocabulary. The
recurrence is the cell's own (``params.forward``); only the output changes.
For the plain RNN:

    z_t = x_t W_eh + h_{t−1} W_hh + b_h,  h_t = tanh(z_t)     as in rnn.forward
    o_t = h_t W_hy + b_y                                     logits, (1, V): W_hy is (H, V)
    p_t = softmax(o_t)                                       next-token probabilities, (1, V)
    L   = −1/(N·T) Σ_n Σ_t ln p_t[target_t]                  nats per token; perplexity = e^L

and dL/do_t = (p_t − onehot(target_t)) / (N·T) enters the cell's own
backpropagation through time (``params.backward``: ``rnn.backward``,
``gru.backward``, ``lstm.backward``). The state carried from one call to the
next is h, or the LSTM's pair (h, c) (``params.last_state``).

Long texts are read in chunks of K steps (truncated BPTT): the state after one
chunk is the h_0 of the next, so the forward pass is exactly the
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
from .cell import Cell, State, check_cell, check_finite_result
from .data import one_hot
from .train import chunk_slices, clip_gradients, gradient_norm, gradient_step

#: The state carried from one call to the next: None (zeros), h, or the LSTM's pair (h, c).
StateLike = ArrayLike | tuple[ArrayLike, ArrayLike] | None


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


def _check_targets(targets: ArrayLike, params: Cell, lead: tuple[int, ...]) -> np.ndarray:
    ids = checks.as_token_ids(targets, "targets", params.Y, ndims=(len(lead),))
    if ids.shape != lead:
        raise ValueError(
            f"targets has shape {ids.shape} but X has {lead} positions: give one next-token id per step"
        )
    return ids


def next_token_bptt(params: Cell, X: ArrayLike, targets: ArrayLike,
                    state: StateLike = None) -> tuple[float, Cell, State]:
    """The next-token loss, its gradient by backpropagation through time, and the last state, for any cell.

    The loss is the natural-log softmax cross-entropy averaged over all N·T
    positions, so that e^loss is the perplexity per token. The cell's own
    forward and backward passes do the work (``params.forward``,
    ``params.backward``): only dL/do_t differs from the classifier's. The state
    returned is the one after step T, to be passed as ``state`` of the next
    chunk (truncated BPTT): the gradient of this chunk treats it as a constant,
    so nothing flows back into an earlier chunk.

    Parameters
    ----------
    params : Params, GRUParams or LSTMParams
        The weights of any cell, with W_hy (H, V) and b_y (V,); V = params.Y tokens.
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings x_1 … x_T of the tokens read, of one sequence or a batch of N.
    targets : array_like of int, shape (T,) or (N, T)
        The id of the token that follows each one read, in 0 … V − 1 (an integer array:
        floats such as 1.0 and bools raise TypeError, as token ids do everywhere in rnn_lib).
    state : array_like or pair of array_like, optional
        The state to start from (for example the previous chunk's): h_0 of shape (H,), or (H,)
        or (N, H) for a batch; for the LSTM the pair (h_0, c_0) of such arrays. None means zeros.

    Returns
    -------
    loss : float
        The mean cross-entropy L, in nats per token.
    grads : Params, GRUParams or LSTMParams
        dL/d(every weight), of the class and shapes of params.
    state : ndarray, shape (H,) or (N, H), or a pair of them for the LSTM
        The state after the last step: h_T, or (h_T, c_T) (new arrays).

    Raises
    ------
    TypeError
        If params is not a cell's weights, X or the state is not numeric (or, for the LSTM, not a pair),
        or targets is not an array of whole numbers.
    ValueError
        If X, targets or the state has the wrong shape, X or the state holds NaN or infinities,
        X is empty, or a target lies outside 0 … V − 1.
    FloatingPointError
        If the forward pass or a gradient overflows.
    """
    check_cell(params)
    trace = params.forward(X, **params.state_keywords(state))  # checks X and the state
    lead = trace.o.shape[:-1]  # (T,) or (N, T)
    ids = _check_targets(targets, params, lead)
    loss, d_o = _cross_entropy(trace.o.reshape((-1,) + trace.o.shape[-2:]), ids.reshape((-1, lead[-1])))
    grads = params.backward(X, trace, d_o.reshape(trace.o.shape))
    return loss, grads, params.last_state(trace)


def next_token_probabilities(params: Cell, X: ArrayLike, state: StateLike = None,
                             temperature: float = 1.0) -> tuple[np.ndarray, State]:
    """The distribution of the next token after every step, p_t = softmax(o_t / temperature), and the last state.

    Given a state and one token x, ``next_token_probabilities(params, x[None], state)``
    gives the distribution of the token that follows and the state to continue from.
    A temperature below 1 sharpens the distribution, above 1 flattens it.

    Parameters
    ----------
    params : Params, GRUParams or LSTMParams
        The weights of any cell, with W_hy (H, V) and b_y (V,).
    X : array_like, shape (T, E) or (N, T, E)
        The embeddings of the tokens read.
    state : array_like or pair of array_like, optional
        The state to start from, as for ``next_token_bptt``; None means zeros.
    temperature : float, default 1.0
        τ > 0: the logits are divided by τ before the softmax.

    Returns
    -------
    p : ndarray, shape (T, V) or (N, T, V)
        Row t − 1 is the distribution of the token after step t; each row sums to 1.
    state : ndarray, shape (H,) or (N, H), or a pair of them for the LSTM
        The state after the last step, h_T or (h_T, c_T).

    Raises
    ------
    TypeError
        If params is not a cell's weights, X or the state is not numeric, or temperature is not a real number.
    ValueError
        If temperature is not a finite number > 0, or as the cell's ``forward`` for X and the state.
    FloatingPointError
        If the forward pass overflows, or o / temperature does (a temperature too close to 0).
    """
    check_cell(params)
    temperature = checks.check_positive(temperature, "temperature")
    trace = params.forward(X, **params.state_keywords(state))
    with np.errstate(over="ignore"):
        scaled = trace.o / temperature
    check_finite_result([("o / temperature", scaled)], "Dividing the logits by the temperature")
    return softmax(scaled), params.last_state(trace)


def sample_tokens(params: Cell, embeddings: ArrayLike, start: ArrayLike, n: int,
                  temperature: float = 1.0, seed: int = 0, state: StateLike = None) -> np.ndarray:
    """Generate ``n`` tokens: read ``start``, then draw each next token from p_t and read it in turn.

    Seeded: the same arguments give the same tokens. With one-hot inputs, pass
    ``embeddings = np.eye(V)``.

    Parameters
    ----------
    params : Params, GRUParams or LSTMParams
        The weights of any cell, with W_hy (H, V) and b_y (V,).
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
    state : array_like or pair of array_like, optional
        The state before ``start``, h (H,) or the LSTM's (h, c); None means zeros.

    Returns
    -------
    ndarray of int, shape (n,)
        The ids drawn, in order (``start`` not included).

    Raises
    ------
    TypeError
        If params is not a cell's weights, embeddings or the state is not numeric, start is not an array of
        whole numbers, n or seed is not a whole number, or temperature is not a real number.
    ValueError
        If embeddings is not (V, E) for params, start is empty or holds ids outside 0 … V − 1,
        n or seed < 0, temperature is not > 0, or the state has the wrong shape.
    """
    check_cell(params)
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
    p, state = next_token_probabilities(params, table[start], state, temperature)
    drawn = np.empty(n, dtype=np.int64)
    for i in range(n):
        drawn[i] = rng.choice(V, p=p[-1])
        if i + 1 < n:
            p, state = next_token_probabilities(params, table[drawn[i:i + 1]], state, temperature)
    return drawn


def _check_one_hot_model(params: Cell) -> int:
    """Check that params are a cell's weights that read and predict the same V tokens; return V."""
    check_cell(params)
    if params.E != params.Y:
        raise ValueError(
            f"params read E = {params.E} inputs but predict Y = {params.Y} tokens: a language model on"
            " one-hot ids needs E = Y = V (init_params('rnn', V, H, Y=V))"
        )
    return params.Y


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
    params : Params, GRUParams or LSTMParams
        The final weights.
    loss : ndarray, shape (updates,)
        The training loss of every chunk (nats per token), each taken before its update.
    gradient_norms : ndarray, shape (updates,)
        The norm of every chunk's gradient, before clipping.
    """

    params: Cell
    loss: np.ndarray
    gradient_norms: np.ndarray


def train_language_model(params: Cell, stream: ArrayLike, learning_rate: float, chunk_length: int,
                         epochs: int = 1, max_norm: float | None = None) -> LanguageRun:
    """Train next-token prediction on a stream of ids by truncated BPTT, chunk by chunk.

    Each epoch walks the (N, T_total) stream left to right in chunks of K =
    ``chunk_length`` steps: the inputs are the one-hot ids of columns s … s+K−1,
    the targets those of s+1 … s+K (the last chunk may be shorter). The state
    (h, or the LSTM's (h, c)) starts at 0 each epoch and is carried from chunk
    to chunk (the gradient is not: truncated BPTT). Every chunk takes one step W ← W − η dL/dW
    (``gradient_step``), its gradient first clipped to ``max_norm`` if given
    (``clip_gradients``). There is no randomness: shuffle with ``token_stream``'s seed.

    Parameters
    ----------
    params : Params, GRUParams or LSTMParams
        The starting weights of any cell, with one-hot inputs: E = V, and W_hy (H, V).
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
        If params is not a cell's weights, stream is not an array of whole numbers, learning_rate or
        max_norm is not a real number, or chunk_length or epochs is not a whole number.
    ValueError
        If params do not read and predict the same V tokens (E ≠ Y), stream is not 2-D with
        T_total ≥ 2 or holds ids outside 0 … V − 1, learning_rate or max_norm is not > 0,
        chunk_length < 1 or epochs < 0.
    FloatingPointError
        If a forward pass or a gradient overflows.
    """
    V = _check_one_hot_model(params)
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
        state: StateLike = None  # zeros: h_0 = 0 (and c_0 = 0) at the start of every epoch
        for part in chunk_slices(total - 1, K):  # inputs: columns 0 … total−2; targets: one step later
            inputs = stream[:, part]
            X = one_hot(inputs.ravel(), V).reshape(inputs.shape + (V,))
            loss, grads, state = next_token_bptt(params, X, stream[:, part.start + 1:part.stop + 1], state)
            if max_norm is None:
                norm = gradient_norm(grads)
            else:
                grads, norm = clip_gradients(grads, max_norm)
            params = gradient_step(params, grads, learning_rate)
            losses.append(loss)
            norms.append(norm)
    return LanguageRun(params, np.array(losses), np.array(norms))


def per_token_loss(params: Cell, documents: Sequence[ArrayLike], start: int) -> float:
    """The mean next-token loss over held-out documents, each read on its own from h_0 = 0.

    Document d = (w_1 … w_T) is read as ``start`` w_1 … w_{T−1} and scored on
    w_1 … w_T, so every token, its end token included, is predicted once:
    the same positions an n-gram model scores (``rnn_lib.analysis.ngram``).
    Documents of one length go through the RNN together.

    Parameters
    ----------
    params : Params, GRUParams or LSTMParams
        The weights of any cell, with one-hot inputs: E = V, and W_hy (H, V).
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
        If params is not a cell's weights, start is not a whole number, or a document is not an array of whole numbers.
    ValueError
        If E ≠ Y, documents is empty, a document is empty or not 1-D, or an id (start included)
        lies outside 0 … V − 1.
    FloatingPointError
        If the forward pass overflows.
    """
    V = _check_one_hot_model(params)
    start = checks.check_count(start, "start")
    if start >= V:
        raise ValueError(f"start must be an id in 0 … {V - 1}, got {start}")
    ids = _check_documents(documents, V)
    lengths = np.array([len(d) for d in ids])
    total = 0.0
    for T in np.unique(lengths):
        targets = np.stack([ids[i] for i in np.flatnonzero(lengths == T)])  # (n, T)
        inputs = np.concatenate([np.full((len(targets), 1), start), targets[:, :-1]], axis=1)
        trace = params.forward(one_hot(inputs.ravel(), V).reshape(inputs.shape + (V,)))
        total += _cross_entropy(trace.o, targets)[0] * targets.size
    return total / lengths.sum()


@dataclass(frozen=True, eq=False)
class EpochRun:
    """What ``train_by_epoch`` did: the weights and both losses after every epoch.

    Attributes
    ----------
    params : list of Params, GRUParams or LSTMParams
        The weights after epoch 1, 2, …, one entry per epoch (the last is the trained model).
    train_loss : ndarray, shape (epochs,)
        The mean training loss of each epoch's chunks (nats per token), each taken before its update.
    validation_loss : ndarray, shape (epochs,)
        ``per_token_loss`` on the validation documents after each epoch (nats per token).
    gradient_norms : ndarray, shape (updates,)
        The norm of every chunk's gradient, before clipping.
    """

    params: list[Cell]
    train_loss: np.ndarray
    validation_loss: np.ndarray
    gradient_norms: np.ndarray


def train_by_epoch(params: Cell, stream: ArrayLike, schedule: Sequence[tuple[float, int]], chunk_length: int,
                   validation: Sequence[ArrayLike], start: int, max_norm: float | None = None) -> EpochRun:
    """Train by truncated BPTT epoch by epoch, with a learning rate that decays in steps, scoring held-out documents.

    ``train_language_model`` for one epoch at a time: ``schedule`` [(η_1, e_1),
    (η_2, e_2), …] runs e_1 epochs at η_1, then e_2 at η_2, and so on; after
    every epoch the loss on the validation documents is measured
    (``per_token_loss``), for learning curves and for choosing a setting.

    Parameters
    ----------
    params : Params, GRUParams or LSTMParams
        The starting weights of any cell, with one-hot inputs: E = V, and W_hy (H, V).
    stream : array_like of int, shape (N, T_total)
        The training stream, as for ``train_language_model``.
    schedule : sequence of (float, int)
        (learning rate η > 0, epochs ≥ 0) pairs, run in order; at least one epoch in all.
    chunk_length : int
        K ≥ 1, the number of steps backpropagated through.
    validation : sequence of array_like of int, each of shape (T_d,)
        The held-out documents, as for ``per_token_loss``.
    start : int
        The id read before a validation document's first token (for names, the end-of-name id).
    max_norm : float, optional
        Clip every gradient to this norm (> 0); None for no clipping.

    Returns
    -------
    EpochRun
        The weights, training and validation losses after every epoch, and every chunk's gradient norm.

    Raises
    ------
    TypeError
        If schedule is not a sequence of (number, whole number) pairs, or as ``train_language_model``
        and ``per_token_loss``.
    ValueError
        If schedule holds no epoch, or as ``train_language_model`` and ``per_token_loss``.
    FloatingPointError
        If a forward pass or a gradient overflows.
    """
    steps = _check_schedule(schedule)
    snapshots, train_loss, validation_loss, norms = [], [], [], []
    for learning_rate in steps:
        run = train_language_model(params, stream, learning_rate, chunk_length, 1, max_norm)
        params = run.params
        snapshots.append(params)
        train_loss.append(float(run.loss.mean()))
        validation_loss.append(per_token_loss(params, validation, start))
        norms.append(run.gradient_norms)
    return EpochRun(snapshots, np.array(train_loss), np.array(validation_loss), np.concatenate(norms))


def _check_schedule(schedule: Sequence[tuple[float, int]]) -> list[float]:
    """The learning rate of every epoch, from [(η, epochs), …]."""
    if isinstance(schedule, (str, bytes)) or not isinstance(schedule, Sequence):
        raise TypeError(f"schedule must be a list of (learning rate, epochs) pairs, got {type(schedule).__name__}")
    rates = []
    for i, pair in enumerate(schedule):
        if not isinstance(pair, Sequence) or isinstance(pair, (str, bytes)) or len(pair) != 2:
            raise TypeError(f"schedule[{i}] must be a (learning rate, epochs) pair, got {pair!r}")
        rate = checks.check_positive(pair[0], f"schedule[{i}]'s learning rate")
        rates += [rate] * checks.check_count(pair[1], f"schedule[{i}]'s epochs")
    if not rates:
        raise ValueError("schedule holds no epoch: give at least one (learning rate, epochs) pair with epochs ≥ 1")
    return rates
