"""How far held-out sentences are from training sentences, in words.

Explained in the chapter *Does it really learn?*. A held-out sentence one word
from a training sentence ("they love cats" after "I love cats") tests memory of
a template more than learning; the sentiment corpus is split so that every
held-out sentence is at least two words from every training sentence.
"""

from collections.abc import Sequence

import numpy as np


def _distances_to_all(sentence, others):
    """Word-level Levenshtein distance from one word-id array to each row of ``others``.

    others: (N, L) word ids, padded with −1 past each row's length; lengths: (N,).
    The classic dynamic programme, one column of the table at a time for all N rows:
    D[n, j] = distance from the first i words of ``sentence`` to the first j words of row n.
    """
    rows, lengths = others
    D = np.tile(np.arange(rows.shape[1] + 1), (len(rows), 1))  # i = 0: j insertions
    for i, word in enumerate(sentence, start=1):
        previous, D = D, np.empty_like(D)
        D[:, 0] = i
        for j in range(1, rows.shape[1] + 1):
            D[:, j] = np.minimum(np.minimum(previous[:, j] + 1, D[:, j - 1] + 1),
                                 previous[:, j - 1] + (rows[:, j - 1] != word))
    return D[np.arange(len(rows)), lengths]


def nearest_distances(held_out: Sequence[str], training: Sequence[str]) -> list[int]:
    """For each held-out sentence, its word distance to the nearest training sentence (any label).

    The distance is the word-level edit (Levenshtein) distance: the fewest words
    to substitute, insert or delete. "I love cats" → "we love cats": 1;
    → "I do not love cats": 2.

    Parameters
    ----------
    held_out : sequence of str, shape (M,)
        The held-out sentences.
    training : sequence of str, shape (N,)
        The training sentences, N ≥ 1.

    Returns
    -------
    list of int, shape (M,)
        The distance to the nearest training sentence, ≥ 0 (0: the same words).

    Raises
    ------
    TypeError
        If a sentence is not a string, or ``held_out`` or ``training`` is a single string.
    ValueError
        If ``training`` is empty.
    """
    for value, name in ((held_out, "held_out"), (training, "training")):
        if isinstance(value, str):
            raise TypeError(f"{name} must be a sequence of sentences, got the string {value!r}")
    if not training:
        raise ValueError("training is empty: give at least one training sentence")
    for value, name in ((held_out, "held_out"), (training, "training")):
        wrong = [text for text in value if not isinstance(text, str)]
        if wrong:
            raise TypeError(f"{name} must hold sentences (strings), got {wrong[0]!r}")
    seen = dict.fromkeys(word for text in [*held_out, *training] for word in text.split())
    words = {word: i for i, word in enumerate(seen)}  # each word → an id, so rows are integer arrays
    ids = [[words[w] for w in text.split()] for text in training]
    lengths = np.array([len(row) for row in ids])
    rows = np.full((len(ids), max(lengths.max(), 1)), -1)
    for n, row in enumerate(ids):
        rows[n, :len(row)] = row
    return [int(_distances_to_all([words[w] for w in text.split()], (rows, lengths)).min()) for text in held_out]
