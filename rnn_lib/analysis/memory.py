"""Long-range memory: how far back can a cell carry one word, and how much gradient reaches it?

Explained in the chapter *Long-range memory*. In ``data.long_range_corpus(n)``
one word decides the label and sits n steps before the end; everything after
it is noise. Two measurements, for the plain RNN, the GRU and the LSTM alike:

- the *gradient that reaches the deciding word*: with one-hot inputs, the
  embedding of token v is row v of W_eh (and, in a GRU, of W_er and W_eu; in
  an LSTM, row v of W_e, all four gates), and the gradient of that row is what
  the word learns from;
- the *held-out accuracy* after training, against the distance n.
"""

from collections.abc import Iterable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .. import checks
from ..cell import Cell, check_cell
from ..data import NEGATIVE_WORDS, POSITIVE_WORDS, Documents, long_range_corpus, one_hot
from ..train import CELLS, accuracy, init_params, train_classifier


def gradient_to_token(params: Cell, ids: ArrayLike, y: ArrayLike, step: int) -> float:
    """‖∂L/∂(embedding of the token at ``step``)‖ for one document.

    The token must occur only once in the document (otherwise its row of
    dL/dW_eh would add up the gradients of every occurrence). The norm is taken
    over the token's rows of every input weight together (W_eh; for a GRU also
    W_er and W_eu; for an LSTM, W_e), with the loss on the last step.

    Parameters
    ----------
    params : Cell
        Params, GRUParams or LSTMParams, with E = the vocabulary size.
    ids : array_like of int, shape (T,)
        Token ids, read one-hot.
    y : array_like, shape () or (Y,)
        The label, 0 or 1.
    step : int
        1-based step of the token, 1 ≤ step ≤ T.

    Returns
    -------
    float
        The Euclidean norm of the gradient of the token's embedding.

    Raises
    ------
    TypeError
        If ``params`` is not a cell's weights or ``step`` is not a whole number;
        or as ``one_hot`` and ``bptt``.
    ValueError
        If ``step`` is not in 1 … T, or the token at ``step`` occurs more than
        once; or as ``one_hot`` and ``bptt``.
    """
    check_cell(params)
    ids = np.asarray(ids)
    step = checks.check_count(step, "step", low=1)
    if step > len(ids):
        raise ValueError(f"step must be a whole number in 1 … {len(ids)} (the steps), got {step}")
    token = ids[step - 1]
    if np.count_nonzero(ids == token) != 1:
        raise ValueError(
            f"the token at step {step} (id {token}) occurs {np.count_nonzero(ids == token)} times:"
            " its embedding's gradient would mix every occurrence"
        )
    _, grads = params.bptt(one_hot(ids, params.E), y)
    rows = [getattr(grads, name)[token] for name in params.input_weights]
    return float(np.linalg.norm(np.concatenate(rows)))


def deciding_word_gradients(params: Cell, documents: Documents, distance: int) -> np.ndarray:
    """The gradient reaching the deciding word of every document of ``long_range_corpus(distance)``.

    The deciding word is the token at step T − n, n = ``distance``
    (``gradient_to_token``); n is checked against the documents: each must hold
    exactly one sentiment word (``data.POSITIVE_WORDS`` or
    ``data.NEGATIVE_WORDS``), n steps before the end. With the corpus's default
    ``lead`` = 2, that is T = n + 3 tokens.

    Parameters
    ----------
    params : Cell
        Params, GRUParams or LSTMParams, with E = the corpus's vocabulary size.
    documents : Documents
        N documents of ``long_range_corpus(distance)`` (any ``lead``), ids of shape (T_j,).
    distance : int
        n, the distance of the deciding word from the end, ≥ 1.

    Returns
    -------
    ndarray, shape (N,)
        The norms, one per document.

    Raises
    ------
    TypeError
        If ``params`` is not a cell's weights, ``distance`` is not a whole number or
        ``documents`` is not a Documents; or as ``gradient_to_token``.
    ValueError
        If ``distance`` < 1, or a document does not have exactly one sentiment
        word, ``distance`` steps before the end (documents of ``long_range_corpus``
        with another distance, or of another corpus); or as ``gradient_to_token``.
    """
    check_cell(params)
    distance = checks.check_count(distance, "distance", low=1)
    if not isinstance(documents, Documents):
        raise TypeError(f"documents must be an rnn_lib.data.Documents, got {type(documents).__name__}")
    _check_deciding_word(documents, distance)
    pairs = zip(documents.ids, documents.y)
    return np.array([gradient_to_token(params, ids, y, step=len(ids) - distance) for ids, y in pairs])


def _check_deciding_word(documents, distance):
    """Raise ValueError unless every document has one sentiment word, ``distance`` steps before the end."""
    sentiment = set(POSITIVE_WORDS + NEGATIVE_WORDS)
    for j, text in enumerate(documents.texts):
        words = text.split()  # the tokens but the final <eos>: T = len(words) + 1, word i at step i + 1
        distances = [len(words) - i for i, word in enumerate(words) if word in sentiment]
        if distances != [distance]:
            raise ValueError(
                f"distance = {distance} does not match the documents: those of long_range_corpus(distance) have"
                f" one sentiment word, distance steps before the end, but document {j} ({text!r}) has sentiment"
                f" words at {distances} steps"
                " before the end"
            )


def _check_whole_numbers(values: object, name: str, low: int) -> list[int]:
    """``values`` as a non-empty list of ints ≥ ``low``, each checked by ``checks.check_count``."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a list or 1-D array of whole numbers, got {values!r}")
    if isinstance(values, np.ndarray) and values.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of whole numbers, got shape {values.shape}")
    items = values.tolist() if isinstance(values, np.ndarray) else values  # Python numbers, for the messages
    numbers = [checks.check_count(value, f"{name}[{i}]", low) for i, value in enumerate(items)]
    if not numbers:
        raise ValueError(f"{name} is empty: give at least one whole number >= {low}")
    return numbers


def accuracy_against_distance(
    cell: str,
    distances: Iterable[int],
    seeds: Iterable[int],
    learning_rate: float,
    epochs: int,
    H: int = 16,
    max_norm: float | None = 5.0,
    **init: Any,
) -> np.ndarray:
    """Train a cell on ``long_range_corpus(n)`` for every distance n and seed; held-out accuracy of each.

    Each run starts from ``init_params(cell, V, H, seed=seed, **init)`` and
    trains for ``epochs`` epochs of mini-batches of 32 at ``learning_rate``,
    clipped to ``max_norm`` (the training shuffle uses the same seed).

    Parameters
    ----------
    cell : str
        "rnn", "gru" or "lstm".
    distances : iterable of int, length D
        Distances n ≥ 1, whole numbers (a list, tuple or 1-D integer array), at least one.
    seeds : iterable of int, length S
        Seeds ≥ 0, whole numbers (a list, tuple or 1-D integer array), at least one.
    learning_rate : float
        η > 0.
    epochs : int
        Epochs of training per run, ≥ 0.
    H : int
        Hidden size, ≥ 1.
    max_norm : float, optional
        Clip every gradient to this norm (> 0); None for no clipping.
    **init : int or float
        Further keyword arguments of ``init_params`` (``Y``, ``input_scale``,
        ``recurrent_scale``, for the GRU only ``update_bias``, for the LSTM only ``forget_bias``).

    Returns
    -------
    ndarray, shape (D, S)
        Entry [i, j]: the accuracy on the 256 held-out documents for distances[i] and seeds[j].

    Raises
    ------
    TypeError
        If ``cell`` is not a string, ``distances`` or ``seeds`` is a string or not
        iterable, or an entry of theirs is not a whole number (2.7 and 2.0
        included); or as ``long_range_corpus``, ``init_params`` and ``train_classifier``.
    ValueError
        If ``cell`` is not one of "rnn", "gru", "lstm", ``distances`` or ``seeds`` is empty
        or an array that is not one-dimensional, a distance < 1 or a seed < 0; or as
        ``long_range_corpus``, ``init_params`` and ``train_classifier``.
    """
    checks.check_choice(cell, "cell", CELLS)
    distance_list = _check_whole_numbers(distances, "distances", low=1)
    seed_list = _check_whole_numbers(seeds, "seeds", low=0)
    table = np.empty((len(distance_list), len(seed_list)))
    for i, distance in enumerate(distance_list):
        corpus = long_range_corpus(distance)
        V = len(corpus.vocabulary)
        for j, seed in enumerate(seed_list):
            params = init_params(cell, V, H, seed=seed, **init)
            run = train_classifier(
                params, corpus.train.ids, corpus.train.y, learning_rate, epochs,
                max_norm=max_norm, seed=seed,
            )
            table[i, j] = accuracy(run.params, corpus.test.ids, corpus.test.y)
    return table
