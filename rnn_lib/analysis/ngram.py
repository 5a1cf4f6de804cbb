"""The baselines a language model has to beat: uniform, unigram and add-k smoothed n-gram models.

An n-gram model predicts a token from the n − 1 tokens before it only,

    p(w_t | w_{t−n+1} … w_{t−1}) = (c(context, w_t) + k) / (c(context) + k·V),

with counts c taken on the training documents and every count raised by k > 0,
so that a token never seen after a context keeps some probability ("add-k
smoothing"; k = 1 is Laplace's add-one; Jurafsky and Martin, *Speech and
Language Processing*, 3rd ed. draft, chapter 3, "N-gram Language Models").
Order n = 1 is the unigram model (no context), and order 0 is the uniform
model, 1/V for every token, whose perplexity is V.

A document's first tokens have a context that starts before it: it is padded
with ``start`` (for names, the end-of-name token), so every token of every
document, its end token included, is predicted once, as ``rnn_lib.per_token_loss``
does for the RNN. Perplexity is e to the mean negative log-likelihood per token.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .. import checks


@dataclass(frozen=True, eq=False)
class NGramModel:
    """An add-k smoothed n-gram model over V tokens, fitted by ``fit_ngram``.

    Attributes
    ----------
    order : int
        n ≥ 0: the model looks at the n − 1 tokens before each one (0: uniform, 1: unigram).
    size : int
        V, the vocabulary size.
    k : float
        The pseudo-count added to every count, > 0.
    start : int
        The id that pads a document's context before its first token.
    counts : dict of tuple of int to ndarray
        For every context seen in training (a tuple of n − 1 ids), the counts (V,) of the token that followed.
    """

    order: int
    size: int
    k: float
    start: int
    counts: dict[tuple[int, ...], np.ndarray]

    def probabilities(self, context: Sequence[int]) -> np.ndarray:
        """The distribution of the next token after ``context``.

        Parameters
        ----------
        context : sequence of int, shape (C,)
            The ids before the token, C ≥ 0, in 0 … V − 1; only the last n − 1
            count, and fewer are padded with ``start`` on the left.

        Returns
        -------
        ndarray, shape (V,)
            p(v | context) for every token v; sums to 1.

        Raises
        ------
        TypeError
            If context is not an array of whole numbers.
        ValueError
            If context is not 1-D or holds ids outside 0 … V − 1.
        """
        ids = checks.as_token_ids(context, "context", self.size, ndims=(1,))
        return self._probabilities(self._key(ids.tolist()))

    def _key(self, context: list[int]) -> tuple[int, ...]:
        width = max(self.order - 1, 0)
        padded = [self.start] * width + context
        return tuple(padded[len(padded) - width:])

    def _probabilities(self, key: tuple[int, ...]) -> np.ndarray:
        if self.order == 0:
            return np.full(self.size, 1.0 / self.size)
        counts = self.counts.get(key)
        if counts is None:
            return np.full(self.size, 1.0 / self.size)  # (0 + k) / (0 + k·V)
        return (counts + self.k) / (counts.sum() + self.k * self.size)


def _documents(documents: Sequence[ArrayLike], size: int) -> list[list[int]]:
    if isinstance(documents, (str, bytes, np.ndarray)) or not isinstance(documents, Sequence):
        raise TypeError(f"documents must be a list of 1-D arrays of token ids, got {type(documents).__name__}")
    if len(documents) == 0:
        raise ValueError("documents is empty: give at least one document")
    found = []
    for i, document in enumerate(documents):
        ids = checks.as_token_ids(document, f"documents[{i}]", size, ndims=(1,))
        if ids.size == 0:
            raise ValueError(f"documents[{i}] is empty: every document needs at least one token")
        found.append(ids.tolist())
    return found


def _positions(model: NGramModel, documents: list[list[int]]):
    """(context key, token) for every token of every document."""
    for ids in documents:
        for t, token in enumerate(ids):
            yield model._key(ids[:t]), token


def fit_ngram(documents: Sequence[ArrayLike], size: int, order: int, start: int, k: float = 1.0) -> NGramModel:
    """Count the n-grams of the training documents: an add-k smoothed model of order n.

    Parameters
    ----------
    documents : sequence of array_like of int, each of shape (T_d,)
        The training documents as ids in 0 … V − 1, each ending with its end token.
    size : int
        V ≥ 1, the vocabulary size.
    order : int
        n ≥ 0 (0 uniform, 1 unigram, 2 bigram, …).
    start : int
        The id that pads the context before a document's first token, in 0 … V − 1.
    k : float, default 1.0
        The pseudo-count, > 0.

    Returns
    -------
    NGramModel
        The counts of every context seen and the token after it.

    Raises
    ------
    TypeError
        If size, order or start is not a whole number, k is not a real number, or a
        document is not an array of whole numbers.
    ValueError
        If size < 1, order < 0, start is not in 0 … V − 1, k is not a finite number > 0,
        documents is empty, or a document is empty, not 1-D or holds ids outside 0 … V − 1.
    """
    size = checks.check_count(size, "size", low=1)
    order = checks.check_count(order, "order")
    start = checks.check_count(start, "start")
    if start >= size:
        raise ValueError(f"start must be an id in 0 … {size - 1}, got {start}")
    k = checks.check_positive(k, "k")
    model = NGramModel(order=order, size=size, k=k, start=start, counts={})
    for key, token in _positions(model, _documents(documents, size)):
        if key not in model.counts:
            model.counts[key] = np.zeros(size)
        model.counts[key][token] += 1
    return model


def ngram_perplexity(model: NGramModel, documents: Sequence[ArrayLike]) -> float:
    """Perplexity per token of ``model`` on documents: e^(−mean ln p(w_t | context)).

    Parameters
    ----------
    model : NGramModel
        A fitted model (``fit_ngram``).
    documents : sequence of array_like of int, each of shape (T_d,)
        Held-out documents as ids in 0 … V − 1, each ending with its end token.

    Returns
    -------
    float
        The perplexity, ≥ 1; V for the uniform model.

    Raises
    ------
    TypeError
        If model is not an NGramModel, or a document is not an array of whole numbers.
    ValueError
        If documents is empty, or a document is empty, not 1-D or holds ids outside 0 … V − 1.
    """
    if not isinstance(model, NGramModel):
        raise TypeError(f"model must be an NGramModel (from fit_ngram), got {type(model).__name__}")
    positions = _positions(model, _documents(documents, model.size))
    log_p = [np.log(model._probabilities(key)[token]) for key, token in positions]
    return float(np.exp(-np.mean(log_p)))
