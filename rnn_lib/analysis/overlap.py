"""How far held-out sentences are from training sentences, in words.

Explained in the chapter *Does it really learn?*. A held-out sentence one word
from a training sentence ("they love cats" after "I love cats") tests memory of
a template more than learning; the sentiment corpus is split so that every
held-out sentence is at least two words from every training sentence.
"""

from collections.abc import Sequence


def _word_distance(a, b):
    """Word-level Levenshtein distance: fewest words to substitute, insert or delete."""
    words_b = b.split()
    previous = list(range(len(words_b) + 1))  # distances from the empty prefix of a
    for i, word in enumerate(a.split(), start=1):
        current = [i]
        for j, other in enumerate(words_b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other)))
        previous = current
    return previous[-1]


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
    return [min(_word_distance(text, other) for other in training) for text in held_out]
