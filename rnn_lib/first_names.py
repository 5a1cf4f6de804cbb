"""A real corpus: the first names of the 1990 US Census, for character-level language models.

The Census Bureau's lists of frequent female and male first names (public
domain; vendored with their provenance in ``rnn_lib/datasets/census_1990/``)
give 5163 distinct names of 2 to 11 letters. Each name is a document of
characters closed by the end-of-name token ``<eos>`` (``rnn_lib.EOS``): "mary"
→ m a r y <eos>, so a model that predicts the next character also learns where
a name ends. The names are split once, by name, into train, validation and
test sets: no name is in two of them.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import checks
from .data import EOS, Vocabulary

#: The folder of the vendored Census files and their README.
DATA_DIR = Path(__file__).resolve().parent / "datasets" / "census_1990"
FILES = ("dist.female.first", "dist.male.first")
SPLITS = ("train", "validation", "test")


def _read_names() -> list[str]:
    """The distinct lowercase names of both files, sorted."""
    names = set()
    for file in FILES:
        for line in (DATA_DIR / file).read_text(encoding="ascii").splitlines():
            if line.strip():
                names.add(line.split()[0].lower())
    return sorted(names)


@dataclass(frozen=True, eq=False)
class NamesCorpus:
    """Lowercase first names split into train, validation and test, and their character vocabulary.

    Attributes
    ----------
    vocabulary : Vocabulary
        The V = 27 tokens: the letters a … z (ids 0 … 25), then <eos> (id 26).
    train : tuple of str
        The training names.
    validation : tuple of str
        The held-out names for choices (learning rate, smoothing, when to stop).
    test : tuple of str
        The held-out names for the final number, looked at once.
    """

    vocabulary: Vocabulary
    train: tuple[str, ...]
    validation: tuple[str, ...]
    test: tuple[str, ...]

    def ids(self, split: str) -> list[np.ndarray]:
        """The names of one split as arrays of token ids, each closed by the id of <eos>.

        Parameters
        ----------
        split : {"train", "validation", "test"}
            Which names.

        Returns
        -------
        list of ndarray of int, each of shape (len(name) + 1,)
            One array per name, in the split's order.

        Raises
        ------
        TypeError
            If split is not a string.
        ValueError
            If split is not one of "train", "validation", "test".
        """
        checks.check_choice(split, "split", SPLITS)
        return [self.vocabulary.encode([*name, EOS]) for name in getattr(self, split)]


def names_corpus(seed: int = 0, validation_fraction: float = 0.1, test_fraction: float = 0.1) -> NamesCorpus:
    """The 1990 Census first names, lowercased, without duplicates, split by name (seeded).

    The 5163 distinct names (the female and male lists together; 331 are on
    both) are sorted, shuffled with ``seed`` and cut: round(5163 ·
    validation_fraction) validation names, round(5163 · test_fraction) test
    names, the rest for training. The same seed gives the same split on every
    machine. Each name appears once, whatever its frequency: the model learns
    how names are spelled, not how common each is.

    Parameters
    ----------
    seed : int, default 0
        Seed of the shuffle, ≥ 0.
    validation_fraction : float, default 0.1
        The fraction of names held out for validation, in (0, 1).
    test_fraction : float, default 0.1
        The fraction of names held out for testing, in (0, 1); with validation_fraction below 1.

    Returns
    -------
    NamesCorpus
        The vocabulary (V = 27) and the three disjoint splits (4131, 516 and 516 names by default).

    Raises
    ------
    TypeError
        If seed is not a whole number, or a fraction is not a real number.
    ValueError
        If seed < 0, a fraction is not in (0, 1), or the two leave no name for training.
    """
    seed = checks.check_count(seed, "seed")
    validation_fraction = checks.check_real(validation_fraction, "validation_fraction", 0, 1,
                                            low_open=True, high_open=True)
    test_fraction = checks.check_real(test_fraction, "test_fraction", 0, 1, low_open=True, high_open=True)
    names = _read_names()
    n_validation, n_test = round(len(names) * validation_fraction), round(len(names) * test_fraction)
    if n_validation + n_test >= len(names):
        raise ValueError(
            f"validation_fraction + test_fraction = {validation_fraction + test_fraction:g} leaves no name"
            f" of {len(names)} for training: keep the sum below 1"
        )
    shuffled = [names[i] for i in np.random.default_rng(seed).permutation(len(names))]
    letters = sorted({letter for name in names for letter in name})
    return NamesCorpus(
        vocabulary=Vocabulary([*letters, EOS]),
        train=tuple(shuffled[n_validation + n_test:]),
        validation=tuple(shuffled[:n_validation]),
        test=tuple(shuffled[n_validation:n_validation + n_test]),
    )
