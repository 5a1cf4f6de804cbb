"""The baseline an RNN has to beat: logistic regression on a bag of words.

Explained in the chapter *Does it really learn?*. A bag of words forgets the
order of the tokens and keeps only how often each occurs: document n becomes
a row of counts c_n (1 × V). Logistic regression then predicts

    ŷ_n = σ(c_n w + b),        w: (V,) one weight per word,  b: a number,

trained by full-batch gradient descent on the same natural-log binary
cross-entropy as the RNN (plus an optional L2 penalty). Two documents with the
same words in another order get the same counts, so the same prediction:
whatever a bag of words gets right, it gets right without word order.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .. import checks
from ..activations import sigmoid
from ..loss import bce_with_logits


def bag_of_words(documents: Sequence[ArrayLike], size: int) -> np.ndarray:
    """Counts of each token: row n, column v is how often token v occurs in document n.

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
    size = checks.check_count(size, "size", low=1)
    counts = np.zeros((len(documents), size))
    for n, document in enumerate(documents):
        ids = np.asarray(document)
        if not np.issubdtype(ids.dtype, np.integer):
            raise TypeError(f"documents[{n}] must be a 1-D array of whole numbers (token ids), got dtype {ids.dtype}")
        if ids.ndim != 1:
            raise ValueError(f"documents[{n}] must be a 1-D array of token ids, got shape {ids.shape}")
        if ids.size and (ids.min() < 0 or ids.max() >= size):
            raise ValueError(
                f"documents[{n}] holds ids outside 0 … {size - 1} (the vocabulary's size)"
            )
        np.add.at(counts[n], ids, 1.0)
    return counts


@dataclass(frozen=True, eq=False)
class BagOfWords:
    """A trained bag-of-words logistic regression, ŷ_n = σ(c_n w + b).

    Attributes
    ----------
    w : ndarray, shape (V,)
        One weight per token.
    b : float
        The bias.
    loss : ndarray, shape (steps + 1,)
        Training loss (mean binary cross-entropy plus the L2 penalty) before
        each update and after the last.
    """

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
            As ``bag_of_words``, for a document that is not an array of whole numbers.
        ValueError
            As ``bag_of_words``, for a document that is not 1-D or holds ids outside 0 … V − 1.
        """
        return sigmoid(bag_of_words(documents, self.w.size) @ self.w + self.b)


def _loss_and_grads(counts, y, w, b, l2):
    logits = counts @ w + b
    N = len(y)
    loss = np.mean(bce_with_logits(y, logits)) + 0.5 * l2 * w @ w
    d_logits = (sigmoid(logits) - y) / N
    return float(loss), counts.T @ d_logits + l2 * w, float(d_logits.sum())


def fit_bag_of_words(
    documents: Sequence[ArrayLike],
    y: ArrayLike,
    size: int,
    learning_rate: float = 1.0,
    steps: int = 2000,
    l2: float = 1e-3,
) -> BagOfWords:
    """Fit logistic regression on bag-of-words counts by full-batch gradient descent.

    The loss is the mean binary cross-entropy plus ½·l2·‖w‖² (the bias is not
    penalised). It is convex, so the result does not depend on a seed: weights
    start at zero.

    Parameters
    ----------
    documents : sequence of array_like of int, each of shape (T_n,)
        N arrays of token ids in 0 … size − 1.
    y : array_like, shape (N,)
        Labels, 0 or 1.
    size : int
        The vocabulary size V, ≥ 1.
    learning_rate : float
        η > 0.
    steps : int
        The number of updates, ≥ 0.
    l2 : float
        The strength of the L2 penalty, ≥ 0.

    Returns
    -------
    BagOfWords
        The weights w (V,), the bias b and the losses (steps + 1,).

    Raises
    ------
    TypeError
        If ``y`` is not numeric, ``learning_rate`` or ``l2`` is not a real
        number, or ``steps`` or ``size`` is not a whole number; or as
        ``bag_of_words`` for ``documents``.
    ValueError
        If ``y`` is not one-dimensional, finite and 0/1, its length is not N,
        ``learning_rate`` is not > 0, ``steps`` < 0 or ``l2`` < 0; or as
        ``bag_of_words`` for ``documents`` and ``size``.
    """
    y = checks.as_float_array(y, "y", ndims=(1,))
    checks.check_binary_labels(y)
    if len(y) != len(documents):
        raise ValueError(f"y has {len(y)} labels but there are {len(documents)} documents")
    learning_rate = checks.check_positive(learning_rate, "learning_rate")
    steps = checks.check_count(steps, "steps")
    l2 = checks.check_real(l2, "l2", low=0)
    counts = bag_of_words(documents, size)
    w, b = np.zeros(size), 0.0
    losses = []
    for _ in range(steps):
        loss, d_w, d_b = _loss_and_grads(counts, y, w, b, l2)
        losses.append(loss)
        w, b = w - learning_rate * d_w, b - learning_rate * d_b
    losses.append(_loss_and_grads(counts, y, w, b, l2)[0])
    return BagOfWords(w=w, b=b, loss=np.array(losses))
