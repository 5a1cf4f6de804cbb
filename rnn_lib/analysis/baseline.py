"""The baselines an RNN has to beat: logistic regression on a bag of words, or of n-grams.

Explained in the chapter *Does it really learn?*. A bag of n-grams keeps only
how often each run of 1 … n consecutive tokens occurs: document j becomes a
row of counts c_j (1 × F), one column per n-gram. With n = 1 this is the bag of
words (F = V, column v counts token v): it forgets word order entirely; with
n = 2 or 3 it keeps order inside a window of n tokens, and nothing beyond.
Logistic regression then predicts

    ŷ_j = σ(c_j w + b),        w: (F,) one weight per n-gram,  b: a number,

trained by full-batch gradient descent on the same natural-log binary
cross-entropy as the RNN plus an L2 penalty ½·l2·‖w‖² (l2 = 1e-3 by default), from zero weights.
Two documents with the same n-grams get the same prediction: whatever a bag
of n-grams gets right, it gets right without order beyond n tokens.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .. import checks
from ..activations import sigmoid
from ..loss import bce_with_logits

Gram = tuple[int, ...]


def ngrams(ids: ArrayLike, n: int) -> list[Gram]:
    """Every run of 1 … n consecutive token ids of one document: its unigrams, then bigrams, …

    [4, 7, 9] with n = 2 → [(4,), (7,), (9,), (4, 7), (7, 9)].

    Parameters
    ----------
    ids : array_like of int, shape (T,)
        The token ids of one document.
    n : int
        The longest run, ≥ 1.

    Returns
    -------
    list of tuple of int
        The T + (T − 1) + … + (T − n + 1) runs (none longer than T), shortest first.

    Raises
    ------
    TypeError
        If ``n`` is not a whole number, or ``ids`` is not an array of whole numbers.
    ValueError
        If ``n`` < 1, or ``ids`` is not one-dimensional.
    """
    n = checks.check_count(n, "n", low=1)
    checked = checks.as_token_ids(ids, "ids")
    return [tuple(int(i) for i in checked[t:t + k]) for k in range(1, n + 1) for t in range(len(checked) - k + 1)]


@dataclass(frozen=True, eq=False)
class NgramBag:
    """The columns of a bag of n-grams: which runs of 1 … n tokens it counts, in which column.

    Built by ``ngram_bag``. The first V columns are the tokens 0 … V − 1, so that
    with n = 1 column v counts token v, as in ``bag_of_words``.

    Attributes
    ----------
    size : int
        The vocabulary size V.
    n : int
        The longest n-gram counted.
    grams : tuple of tuple of int, shape (F,)
        The n-gram of each column.
    """

    size: int
    n: int
    grams: tuple[Gram, ...]

    def __len__(self) -> int:
        return len(self.grams)

    def counts(self, documents: Sequence[ArrayLike]) -> np.ndarray:
        """Row n, column f: how often n-gram ``grams[f]`` occurs in document n.

        N-grams that are not columns (not seen when the bag was built) are not counted.

        Parameters
        ----------
        documents : sequence of array_like of int, each of shape (T_n,)
            N arrays of token ids in 0 … V − 1.

        Returns
        -------
        ndarray, shape (N, F)
            The counts c_n, one row per document.

        Raises
        ------
        TypeError
            If a document is not an array of whole numbers (an integer dtype; an
            empty list counts as floats).
        ValueError
            If a document is not one-dimensional or holds ids outside 0 … V − 1.
        """
        column = {gram: f for f, gram in enumerate(self.grams)}
        counts = np.zeros((len(documents), len(self.grams)))
        for row, document in enumerate(documents):
            for gram in ngrams(_check_document(document, row, self.size), self.n):
                if gram in column:
                    counts[row, column[gram]] += 1.0
        return counts


def _check_document(document, row, size):
    """Document ``row`` as an array of ids in 0 … size − 1."""
    return checks.as_token_ids(document, f"documents[{row}]", size)


def ngram_bag(documents: Sequence[ArrayLike], size: int, n: int) -> NgramBag:
    """The columns of a bag of 1 … n-grams: every token, then every longer n-gram seen in ``documents``.

    Parameters
    ----------
    documents : sequence of array_like of int, each of shape (T_n,)
        The N training documents, arrays of token ids in 0 … size − 1.
    size : int
        The vocabulary size V, ≥ 1.
    n : int
        The longest n-gram, ≥ 1 (1: a bag of words).

    Returns
    -------
    NgramBag
        V unigram columns, then the 2 … n-grams in order of first appearance.

    Raises
    ------
    TypeError
        If ``size`` or ``n`` is not a whole number, or a document is not an
        array of whole numbers.
    ValueError
        If ``size`` or ``n`` < 1, or a document is not one-dimensional or
        holds ids outside 0 … size − 1.
    """
    size = checks.check_count(size, "size", low=1)
    n = checks.check_count(n, "n", low=1)
    grams: dict[Gram, None] = {(v,): None for v in range(size)}
    for row, document in enumerate(documents):
        grams.update(dict.fromkeys(ngrams(_check_document(document, row, size), n)))
    return NgramBag(size=size, n=n, grams=tuple(grams))


def bag_of_words(documents: Sequence[ArrayLike], size: int) -> np.ndarray:
    """Counts of each token: row n, column v is how often token v occurs in document n.

    The bag of n-grams with n = 1.

    Parameters
    ----------
    documents : sequence of array_like of int, each of shape (T_n,)
        N arrays of token ids in 0 … size − 1.
    size : int
        The vocabulary size V, ≥ 1.

    Returns
    -------
    ndarray, shape (N, size)
        The counts c_n, one row per document.

    Raises
    ------
    TypeError
        If ``size`` is not a whole number, or a document is not an array of
        whole numbers (an integer dtype; an empty list counts as floats).
    ValueError
        If ``size`` < 1, or a document is not one-dimensional or holds ids
        outside 0 … size − 1.
    """
    return ngram_bag([], size, 1).counts(documents)


@dataclass(frozen=True, eq=False)
class BagOfNgrams:
    """A trained logistic regression on a bag of n-grams, ŷ_n = σ(c_n w + b).

    Attributes
    ----------
    bag : NgramBag
        The F columns: which n-grams are counted.
    w : ndarray, shape (F,)
        One weight per column; with n = 1, w[v] is the weight of token v.
    b : float
        The bias.
    loss : ndarray, shape (steps + 1,)
        Training loss (mean binary cross-entropy plus the L2 penalty) before
        each update and after the last.
    """

    bag: NgramBag
    w: np.ndarray
    b: float
    loss: np.ndarray

    def predict(self, documents: Sequence[ArrayLike]) -> np.ndarray:
        """Probabilities ŷ that each document is positive.

        Parameters
        ----------
        documents : sequence of array_like of int, each of shape (T_n,)
            N arrays of token ids in 0 … V − 1.

        Returns
        -------
        ndarray, shape (N,)
            ŷ_n = σ(c_n w + b) for each document.

        Raises
        ------
        TypeError
            As ``NgramBag.counts``, for a document that is not an array of whole numbers.
        ValueError
            As ``NgramBag.counts``, for a document that is not 1-D or holds ids outside 0 … V − 1.
        """
        return sigmoid(self.bag.counts(documents) @ self.w + self.b)


def _loss_and_grads(counts, y, w, b, l2):
    logits = counts @ w + b
    N = len(y)
    loss = np.mean(bce_with_logits(y, logits)) + 0.5 * l2 * w @ w
    d_logits = (sigmoid(logits) - y) / N
    return float(loss), counts.T @ d_logits + l2 * w, float(d_logits.sum())


def fit_bag_of_ngrams(
    documents: Sequence[ArrayLike],
    y: ArrayLike,
    size: int,
    n: int = 1,
    learning_rate: float = 1.0,
    steps: int = 2000,
    l2: float = 1e-3,
) -> BagOfNgrams:
    """Fit logistic regression on the counts of 1 … n-grams by full-batch gradient descent.

    The columns are every token and every longer n-gram of the training
    documents (``ngram_bag``). The loss is the mean binary cross-entropy plus
    ½·l2·‖w‖² (the bias is not penalised). It is convex, so the result does not
    depend on a seed: weights start at zero. Every n uses the same optimiser.

    Parameters
    ----------
    documents : sequence of array_like of int, each of shape (T_n,)
        N arrays of token ids in 0 … size − 1.
    y : array_like, shape (N,)
        Labels, 0 or 1.
    size : int
        The vocabulary size V, ≥ 1.
    n : int
        The longest n-gram, ≥ 1 (1: a bag of words).
    learning_rate : float
        η > 0.
    steps : int
        The number of updates, ≥ 0.
    l2 : float
        The strength of the L2 penalty, ≥ 0.

    Returns
    -------
    BagOfNgrams
        The columns, the weights w (F,), the bias b and the losses (steps + 1,).

    Raises
    ------
    TypeError
        If ``y`` is not numeric, ``learning_rate`` or ``l2`` is not a real
        number, or ``steps``, ``size`` or ``n`` is not a whole number; or as
        ``ngram_bag`` for ``documents``.
    ValueError
        If ``y`` is not one-dimensional, finite and 0/1, its length is not N,
        ``learning_rate`` is not > 0, ``steps`` < 0, ``l2`` < 0; or as
        ``ngram_bag`` for ``documents``, ``size`` and ``n``.
    """
    y = checks.as_float_array(y, "y", ndims=(1,))
    checks.check_binary_labels(y)
    if len(y) != len(documents):
        raise ValueError(f"y has {len(y)} labels but there are {len(documents)} documents")
    learning_rate = checks.check_positive(learning_rate, "learning_rate")
    steps = checks.check_count(steps, "steps")
    l2 = checks.check_real(l2, "l2", low=0)
    bag = ngram_bag(documents, size, n)
    counts = bag.counts(documents)
    w, b = np.zeros(len(bag)), 0.0
    losses = []
    for _ in range(steps):
        loss, d_w, d_b = _loss_and_grads(counts, y, w, b, l2)
        losses.append(loss)
        w, b = w - learning_rate * d_w, b - learning_rate * d_b
    losses.append(_loss_and_grads(counts, y, w, b, l2)[0])
    return BagOfNgrams(bag=bag, w=w, b=b, loss=np.array(losses))
