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

from dataclasses import dataclass

import numpy as np

from .. import checks
from ..activations import sigmoid
from ..loss import bce_with_logits


def bag_of_words(documents, size):
    """Counts of each token: documents, a list of N id arrays → (N, size) counts."""
    size = checks.check_count(size, "size", low=1)
    counts = np.zeros((len(documents), size))
    for n, document in enumerate(documents):
        ids = np.asarray(document)
        if ids.ndim != 1 or not np.issubdtype(ids.dtype, np.integer):
            raise ValueError(f"documents[{n}] must be a 1-D array of token ids, got {ids!r}")
        if ids.size and (ids.min() < 0 or ids.max() >= size):
            raise ValueError(
                f"documents[{n}] holds ids outside 0 … {size - 1} (the vocabulary's size)"
            )
        np.add.at(counts[n], ids, 1.0)
    return counts


@dataclass(frozen=True, eq=False)
class BagOfWords:
    """A trained bag-of-words logistic regression.

    w: (V,) one weight per token. b: the bias. loss: (steps + 1,) training loss
    before each update and after the last.
    """

    w: np.ndarray
    b: float
    loss: np.ndarray

    def predict(self, documents):
        """Probabilities ŷ (N,) that each document (a list of id arrays) is positive."""
        return sigmoid(bag_of_words(documents, self.w.size) @ self.w + self.b)


def _loss_and_grads(counts, y, w, b, l2):
    logits = counts @ w + b
    N = len(y)
    loss = np.mean(bce_with_logits(y, logits)) + 0.5 * l2 * w @ w
    d_logits = (sigmoid(logits) - y) / N
    return float(loss), counts.T @ d_logits + l2 * w, float(d_logits.sum())


def fit_bag_of_words(documents, y, size, learning_rate=1.0, steps=2000, l2=1e-3):
    """Fit logistic regression on bag-of-words counts by full-batch gradient descent.

    documents: N id arrays; y: (N,) labels 0/1; size: the vocabulary size V.
    The loss is convex, so the result does not depend on a seed: weights start
    at zero. Returns a BagOfWords.
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
