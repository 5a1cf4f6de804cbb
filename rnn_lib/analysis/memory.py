"""Long-range memory: how far back can a cell carry one word, and how much gradient reaches it?

Explained in the chapter *Long-range memory*. In ``data.long_range_corpus(k)``
one word decides the label and sits k steps before the end; everything after
it is noise. Two measurements, for the plain RNN and the GRU alike:

- the *gradient that reaches the deciding word*: with one-hot inputs, the
  embedding of token v is row v of W_eh (and, in a GRU, of W_er and W_eu), and
  the gradient of that row is what the word learns from;
- the *held-out accuracy* after training, against k.
"""

import numpy as np

from .. import checks
from ..cell import check_cell
from ..data import long_range_corpus, one_hot
from ..train import accuracy, init_params, train_classifier


def gradient_to_token(params, ids, y, step):
    """‖∂L/∂(embedding of the token at ``step``)‖ for one document.

    params: Params or GRUParams with E = the vocabulary size. ids: (T,) token
    ids, read one-hot; y: the label; step: 1-based position t of the token,
    which must occur only once in the document (otherwise its row of dL/dW_eh
    would add up the gradients of every occurrence). Returns a float.
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


def deciding_word_gradients(params, documents, k):
    """The gradient reaching the deciding word of every document of ``long_range_corpus(k)``.

    documents: a Documents of that corpus. Returns (N,) norms, one per document.
    """
    k = checks.check_count(k, "k", low=1)
    pairs = zip(documents.ids, documents.y)
    return np.array([gradient_to_token(params, ids, y, step=len(ids) - k) for ids, y in pairs])


def accuracy_against_k(cell, ks, seeds, learning_rate, epochs, H=16, max_norm=5.0, **init):
    """Train a cell on ``long_range_corpus(k)`` for every k and seed; held-out accuracy of each.

    cell: "rnn" or "gru". ks, seeds: sequences of whole numbers. Each run starts
    from ``init_params(cell, V, H, seed=seed, **init)`` and trains for ``epochs``
    epochs of mini-batches of 32 at ``learning_rate``, clipped to ``max_norm``.
    Returns (len(ks), len(seeds)) accuracies on the 256 held-out documents.
    """
    ks = checks.as_float_array(ks, "ks", ndims=(1,)).astype(int)
    seeds = checks.as_float_array(seeds, "seeds", ndims=(1,)).astype(int)
    table = np.empty((len(ks), len(seeds)))
    for i, k in enumerate(ks):
        corpus = long_range_corpus(int(k))
        V = len(corpus.vocabulary)
        for j, seed in enumerate(seeds):
            params = init_params(cell, V, H, seed=int(seed), **init)
            run = train_classifier(
                params, corpus.train.ids, corpus.train.y, learning_rate, epochs,
                max_norm=max_norm, seed=int(seed),
            )
            table[i, j] = accuracy(run.params, corpus.test.ids, corpus.test.y)
    return table
