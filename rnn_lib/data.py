"""Text to numbers: tokens, the vocabulary, embeddings, and the slides' worked example.

Explained in the chapter *The problem* (slide 1). A document is split on
whitespace and closed with an end-of-sequence token ``<eos>``: that is why
"I love cats" takes four sequence steps, as on the slides (1/4 … 4/4).
"""

import numbers
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product

import numpy as np
from numpy.typing import ArrayLike

from . import checks
from .rnn import Params, forward

EOS = "<eos>"


def tokenize(text: str, eos: str = EOS) -> list[str]:
    """Split ``text`` on whitespace and append the end-of-sequence token.

    "I love cats" → ["I", "love", "cats", "<eos>"]. The last step reads <eos>,
    so the network sees the whole sentence before it gives its prediction.

    Parameters
    ----------
    text : str
        The document.
    eos : str
        The end-of-sequence token to append.

    Returns
    -------
    list of str
        The T tokens: the words of ``text``, then ``eos``.

    Raises
    ------
    TypeError
        If ``text`` is not a string.
    ValueError
        If ``text`` holds no word (empty or only whitespace).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}")
    words = text.split()
    if not words:
        raise ValueError("text is empty: a document needs at least one word")
    return words + [eos]


class Vocabulary:
    """A fixed list of tokens and their row numbers in an embedding table.

    A token given more than once keeps its first row.

    Parameters
    ----------
    tokens : sequence of str or ndarray of str, shape (V,)
        The tokens, in the order of the embedding table's rows (a list, tuple
        or 1-D array).

    Attributes
    ----------
    tokens : tuple of str
        The V distinct tokens, in order.
    index : dict of str to int
        The row number (id) of each token.

    Raises
    ------
    TypeError
        If ``tokens`` is a single string, is not iterable, or holds anything but strings.
    ValueError
        If ``tokens`` is an array that is not one-dimensional, or is empty.
    """

    def __init__(self, tokens: Sequence[str] | np.ndarray) -> None:
        self.tokens = tuple(dict.fromkeys(checks.as_tokens(tokens)))
        if not self.tokens:
            raise ValueError("tokens is empty: a vocabulary needs at least one token")
        self.index = {token: i for i, token in enumerate(self.tokens)}

    def __len__(self) -> int:
        return len(self.tokens)

    def __repr__(self) -> str:
        return f"Vocabulary({list(self.tokens)})"

    def encode(self, tokens: Sequence[str] | np.ndarray) -> np.ndarray:
        """Token strings → their ids.

        Parameters
        ----------
        tokens : sequence of str or ndarray of str, shape (T,)
            The tokens of one document (a list, tuple or 1-D array).

        Returns
        -------
        ndarray of int, shape (T,)
            The id (row number) of each token.

        Raises
        ------
        TypeError
            If ``tokens`` is a single string, is not iterable, or holds anything but strings.
        ValueError
            Naming any unknown token; or if ``tokens`` is empty, or an array
            that is not one-dimensional.
        """
        tokens = checks.as_tokens(tokens)
        unknown = [token for token in tokens if token not in self.index]
        if unknown:
            raise ValueError(
                f"unknown token(s) {unknown}: the vocabulary knows {list(self.tokens)}"
            )
        if not tokens:
            raise ValueError("tokens is empty: a document needs at least one token")
        return np.array([self.index[token] for token in tokens])

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Ids → token strings.

        Parameters
        ----------
        ids : iterable of int, shape (T,)
            Token ids (row numbers) in 0 … V − 1, for example from ``encode``:
            a list, tuple or 1-D array of whole numbers.

        Returns
        -------
        list of str
            The T tokens.

        Raises
        ------
        TypeError
            If ``ids`` is a string or not iterable, or holds anything but whole
            numbers (floats such as 2.0 and bools included).
        ValueError
            If an id lies outside 0 … V − 1 (negative ids included).
        """
        return [self.tokens[i] for i in _check_ids(ids, len(self))]


def _check_ids(ids: Iterable[int], size: int) -> list[int]:
    """``ids`` as a list of ints, if each is a whole number in 0 … size − 1 (``Vocabulary.decode``)."""
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Iterable):
        raise TypeError(f"ids must be a list or 1-D array of token ids, got {type(ids).__name__} {ids!r}")
    ids = list(ids)
    for i in ids:
        if isinstance(i, (bool, np.bool_)) or not isinstance(i, numbers.Integral):
            raise TypeError(f"ids must hold whole numbers (token ids), got {type(i).__name__} {i!r}")
    outside = [int(i) for i in ids if not 0 <= i < size]
    if outside:
        raise ValueError(f"ids must lie in 0 … {size - 1} (the vocabulary has {size} tokens), got {outside}")
    return [int(i) for i in ids]


def embed(tokens: Sequence[str] | np.ndarray, vocabulary: Vocabulary, embeddings: ArrayLike) -> np.ndarray:
    """Look up each token's row of the embedding table.

    Parameters
    ----------
    tokens : sequence of str or ndarray of str, shape (T,)
        T token strings (a list, tuple or 1-D array).
    vocabulary : Vocabulary
        The V tokens and their rows.
    embeddings : array_like, shape (V, E)
        One row per vocabulary token.

    Returns
    -------
    ndarray, shape (T, E)
        X, the RNN's input: row t − 1 is the embedding x_t of token t.

    Raises
    ------
    TypeError
        If ``embeddings`` is not numeric; or as ``Vocabulary.encode`` for ``tokens``.
    ValueError
        If ``embeddings`` is not two-dimensional and finite or has not one row
        per vocabulary token; or as ``Vocabulary.encode`` for ``tokens``.
    """
    embeddings = checks.as_float_array(embeddings, "embeddings", ndims=(2,))
    if embeddings.shape[0] != len(vocabulary):
        raise ValueError(
            f"embeddings has {embeddings.shape[0]} rows but the vocabulary has"
            f" {len(vocabulary)} tokens: give one row per token"
        )
    return embeddings[vocabulary.encode(tokens)]


@dataclass(frozen=True, eq=False)
class WorkedExample:
    """The slides' example: "I love cats" → 1 (positive), with E = 3, H = 2, Y = 1.

    Attributes
    ----------
    text : str
        The document, "I love cats".
    tokens : list of str
        Its T = 4 tokens, the last one <eos>.
    vocabulary : Vocabulary
        The V = 4 tokens.
    embeddings : ndarray, shape (V, E) = (4, 3)
        The lookup that gives X, one row per vocabulary token.
    X : ndarray, shape (T, E) = (4, 3)
        The RNN's input, one row per token.
    y : int
        The label 1.
    params : Params
        The initial weights: W_eh (3, 2), W_hh (2, 2), W_hy (2, 1), b_h (2,), b_y (1,).
    """

    text: str
    tokens: list[str]
    vocabulary: Vocabulary
    embeddings: np.ndarray
    X: np.ndarray
    y: int
    params: Params


#: What slide 5 shows at step 4: the proposed hidden state z_4.
SLIDE_5_PROPOSED_STATE = np.array([-1.0, -2.0])


def _eos_embedding(params, words):
    """Solve x_eos W_eh = z_4 − h_3 W_hh − b_h for an embedding that lands slide 5's z_4 = [−1, −2].

    h_3 W_hh is not whole, so no whole-number embedding lands z_4 on whole
    numbers. W_eh (3, 2) has rank 2, so a whole line of embeddings solves the
    system; lstsq returns the shortest, and z_4 lands within rounding (2e-16).
    """
    h_3 = forward(params, words).h[-1]
    target = SLIDE_5_PROPOSED_STATE - h_3 @ params.W_hh - params.b_h
    x_eos, *_ = np.linalg.lstsq(params.W_eh.T, target, rcond=None)
    return x_eos


def worked_example() -> WorkedExample:
    """The slides' example, chosen so that the slides' numbers come out.

    - W_hh = [[3, −1], [1, −2]]: the entries visible on slide 5.
    - Embeddings of "I", "love", "cats": the unit vectors of E = 3, so x_t W_eh is
      a row of W_eh. W_eh: small whole numbers that make the state show .99 at
      step 2 and .96 at step 3, as slides 3 and 4 do: one of the fits of
      ``embedding_weight_fits``, picked by hand.
    - Embedding of <eos>: the shortest solving z_4 = [−1, −2] (slide 5, to rounding), hence
      h_4 = tanh([−1, −2]) = [−.76, −.96].
    - W_hy = [[1], [−2]] (slides 8–9 show HY weights [1, −3], then [1, −4]) and
      b_y = tanh 1 − 2 tanh 2, the one bias that makes the logit 0, so the
      prediction is exactly 0.5 (slide 6).

    Returns
    -------
    WorkedExample
        The text, tokens, vocabulary, embeddings (4, 3), X (4, 3), label and weights.
    """
    W_eh = np.array([[0.0, 1.0], [2.0, -1.0], [-3.0, 1.0]])
    W_hh = np.array([[3.0, -1.0], [1.0, -2.0]])
    W_hy = np.array([[1.0], [-2.0]])
    b_y = np.array([np.tanh(1.0) - 2.0 * np.tanh(2.0)])
    params = Params(W_eh=W_eh, W_hh=W_hh, W_hy=W_hy, b_y=b_y)
    text = "I love cats"
    tokens = tokenize(text)
    vocabulary = Vocabulary(tokens)
    words = np.eye(3)
    embeddings = np.vstack([words, _eos_embedding(params, words)])
    X = embed(tokens, vocabulary, embeddings)
    return WorkedExample(
        text=text,
        tokens=tokens,
        vocabulary=vocabulary,
        embeddings=embeddings,
        X=X,
        y=1,
        params=params,
    )


def embedding_weight_fits(values: Iterable[int] = range(-3, 4)) -> np.ndarray:
    """Every W_eh of whole numbers that makes the worked example show slides 3 and 4.

    The search behind ``worked_example``: with W_hh = [[3, −1], [1, −2]], no
    biases and "I", "love", "cats" embedded as the unit vectors of E = 3, try
    every W_eh (3, 2) whose entries are in ``values`` and keep those for which
    the first entry of h_2 reads .99 (it lies in [0.99, 1)), the second entry of
    h_3 reads .96 (in [0.96, 0.97)), and W_eh has rank 2, so that the embedding
    of <eos> can land z_4 = [−1, −2] (to rounding).

    Parameters
    ----------
    values : iterable of int, optional
        The whole numbers each entry may take (at least one, at most 9 of them).

    Returns
    -------
    ndarray, shape (n, 3, 2)
        The n weight matrices that fit, in the order of ``itertools.product``
        over the entries row by row.

    Raises
    ------
    TypeError
        If ``values`` holds something other than whole numbers.
    ValueError
        If ``values`` is empty, holds more than 9 numbers, or repeats one.
    """
    if not isinstance(values, Iterable):
        raise TypeError(f"values must be an iterable of whole numbers, got {type(values).__name__}")
    entries = list(values)
    for v in entries:
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            raise TypeError(f"values must hold whole numbers, got {v!r}")
    if not 1 <= len(entries) <= 9 or len(set(entries)) != len(entries):
        raise ValueError(f"values must be 1 to 9 distinct whole numbers, got {entries!r}")
    grid = np.array(entries, dtype=float)
    W = np.stack(np.meshgrid(*[grid] * 6, indexing="ij"), axis=-1).reshape(-1, 3, 2)
    W_hh = worked_example().params.W_hh
    h_1 = np.tanh(W[:, 0])
    h_2 = np.tanh(W[:, 1] + h_1 @ W_hh)
    h_3 = np.tanh(W[:, 2] + h_2 @ W_hh)
    fits = ((h_2[:, 0] >= 0.99) & (h_2[:, 0] < 1.0) & (h_3[:, 1] >= 0.96) & (h_3[:, 1] < 0.97)
            & (np.linalg.matrix_rank(W) == 2))
    return W[fits]


# ---------------------------------------------------------------- generated corpora
# Explained in the chapters *Does it really learn?* and *Long-range memory*.
# Generated, so that nothing is downloaded; seeded, so that every run is the same.


def one_hot(ids: ArrayLike, size: int) -> np.ndarray:
    """Token ids → one-hot rows X: row t is 1 at column ids[t].

    With one-hot inputs, x_t W_eh is row ids[t] of W_eh: the rows of W_eh are
    the words' embeddings (size H), learned with the rest of the weights.

    Parameters
    ----------
    ids : array_like of int, shape (T,)
        Token ids in 0 … size − 1.
    size : int
        The vocabulary size, ≥ 1.

    Returns
    -------
    ndarray, shape (T, size)
        The one-hot rows, 0.0 or 1.0.

    Raises
    ------
    TypeError
        If ``size`` is not a whole number, or ``ids`` is not an array of whole
        numbers (an empty list is no ids: zero rows).
    ValueError
        If ``size`` < 1, ``ids`` is not one-dimensional, or an id lies outside 0 … size − 1.
    """
    size = checks.check_count(size, "size", low=1)
    return np.eye(size)[checks.as_token_ids(ids, "ids", size)]


@dataclass(frozen=True, eq=False)
class Documents:
    """Labelled documents of a generated corpus.

    Attributes
    ----------
    texts : tuple of str
        N strings.
    ids : tuple of ndarray
        N arrays of token ids, shape (T_n,), each ending with <eos>.
    y : ndarray of int, shape (N,)
        Labels, 1 positive, 0 negative.
    kinds : tuple of str
        N template names.
    """

    texts: tuple[str, ...]
    ids: tuple[np.ndarray, ...]
    y: np.ndarray
    kinds: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.texts)

    def accuracy_by_kind(self, y_hat: ArrayLike) -> dict[str, float]:
        """{kind: accuracy} of predictions ``y_hat``, thresholded at 0.5, plus "all".

        Parameters
        ----------
        y_hat : array_like, shape (N,)
            One predicted probability per document; ŷ > 0.5 counts as positive.

        Returns
        -------
        dict of str to float
            The accuracy of each kind, in order of first appearance, then "all"
            for every document.

        Raises
        ------
        TypeError
            If ``y_hat`` is not numeric.
        ValueError
            If ``y_hat`` is not one-dimensional and finite, or its length is not N.
        """
        y_hat = checks.as_float_array(y_hat, "y_hat", ndims=(1,))
        if len(y_hat) != len(self):
            raise ValueError(f"y_hat has {len(y_hat)} predictions but there are {len(self)} documents")
        right = (y_hat > 0.5) == self.y
        kinds = np.array(self.kinds)
        scores = {kind: float(right[kinds == kind].mean()) for kind in dict.fromkeys(self.kinds)}
        return {**scores, "all": float(right.mean())}

    def select(self, indices: ArrayLike) -> "Documents":
        """The documents at ``indices``, as Documents.

        Parameters
        ----------
        indices : array_like of int, shape (M,), or of bool, shape (N,)
            An index array or a boolean mask (numpy's indexing rules, unchecked).

        Returns
        -------
        Documents
            The selected documents, in the order of ``indices`` (in their own
            order for a mask).
        """
        positions = np.arange(len(self))[np.asarray(indices)]
        return Documents(
            texts=tuple(self.texts[i] for i in positions),
            ids=tuple(self.ids[i] for i in positions),
            y=self.y[positions],
            kinds=tuple(self.kinds[i] for i in positions),
        )


@dataclass(frozen=True, eq=False)
class Corpus:
    """A vocabulary and two disjoint sets of documents: train and held-out test.

    Attributes
    ----------
    vocabulary : Vocabulary
        The V tokens; documents' ids are row numbers in it.
    train : Documents
        The training documents.
    test : Documents
        The held-out documents.
    """

    vocabulary: Vocabulary
    train: Documents
    test: Documents


SUBJECTS = ("I", "we", "they", "you")
LIKES = ("love", "like", "enjoy", "adore")
DISLIKES = ("hate", "dislike", "fear", "dread")
THINGS = ("cats", "dogs", "birds", "books", "movies", "songs", "trains", "storms")
ADVERB = "really"
FUNCTION_WORDS = ("do", "not", "but", "me")

#: The second half of each word class. A held-out sentence takes *every* content word
#: (subject, verbs, things) from here; a training sentence at most one, and none if it has only
#: two: every held-out sentence differs from every training sentence in two words or more, and
#: no two held-out content words ever meet in training.
HELD_OUT_WORDS = frozenset(SUBJECTS[2:] + LIKES[2:] + DISLIKES[2:] + THINGS[4:])

#: The kinds of ``sentiment_corpus``: a sentence is positive when its verb is a "like" verb,
#: flipped by "do not" however many times "really" comes between; in "A but B" only B counts.
#: "negated, 3 adverbs" is held out only: "not" four steps before the verb, farther than in any
#: training sentence.
SENTIMENT_KINDS = ("plain", "adverbs", "negated", "negated, 1 adverb", "negated, 2 adverbs", "negated, 3 adverbs",
                   "about me", "about me, negated", "but")

#: (training, held-out) sentences drawn of each kind; "but" counts pairs of twins.
SENTIMENT_SIZES = {"plain": (128, 32), "adverbs": (96, 32), "negated": (48, 32), "negated, 1 adverb": (48, 32),
                   "negated, 2 adverbs": (48, 32), "negated, 3 adverbs": (0, 32), "about me": (16, 16),
                   "about me, negated": (16, 16), "but": (64, 24)}


def _sentences_by_kind():
    """{kind: [(content words, [(text, label), ...]), ...]}: every sentence the templates make.

    A "but" entry holds its two twins: the same words in another order and the opposite label.
    """
    verbs = [(v, int(v in LIKES)) for v in LIKES + DISLIKES]
    kinds: dict[str, list] = {kind: [] for kind in SENTIMENT_KINDS}
    for s, (v, liked), o in product(SUBJECTS, verbs, THINGS):
        words = (s, v, o)
        kinds["plain"].append((words, [(f"{s} {v} {o}", liked)]))
        kinds["adverbs"] += [(words, [(f"{s} {really} {v} {o}", liked)]) for really in (ADVERB, f"{ADVERB} {ADVERB}")]
        kinds["negated"].append((words, [(f"{s} do not {v} {o}", 1 - liked)]))
        for k in (1, 2, 3):
            really = " ".join([ADVERB] * k)
            kinds[f"negated, {k} adverb{'s' * (k > 1)}"].append((words, [(f"{s} do not {really} {v} {o}", 1 - liked)]))
    for o, (v, liked) in product(THINGS, verbs):
        kinds["about me"].append(((o, v), [(f"{o} {v} me", liked)]))
        kinds["about me, negated"].append(((o, v), [(f"{o} do not {v} me", 1 - liked)]))
    for s, like, dislike, o1, o2 in product(SUBJECTS, LIKES, DISLIKES, THINGS, THINGS):
        if o1 != o2:
            kinds["but"].append(((s, like, dislike, o1, o2), [(f"{s} {like} {o1} but {s} {dislike} {o2}", 0),
                                                              (f"{s} {dislike} {o1} but {s} {like} {o2}", 1)]))
    return kinds


def _draw(pool, count, rng):
    """``count`` entries of ``pool`` at random, in the pool's order."""
    return [pool[i] for i in sorted(rng.choice(len(pool), size=count, replace=False))]


def _documents(vocabulary, rows):
    """Documents from (text, label, kind) rows."""
    return Documents(
        texts=tuple(text for text, _, _ in rows),
        ids=tuple(vocabulary.encode(tokenize(text)) for text, _, _ in rows),
        y=np.array([label for _, label, _ in rows]),
        kinds=tuple(kind for _, _, kind in rows),
    )


def _split(vocabulary, rows, n_test, rng):
    """Hold out ``n_test`` random rows of (text, label, kind); every row becomes a document."""
    in_test = np.isin(np.arange(len(rows)), rng.permutation(len(rows))[:n_test])
    documents = _documents(vocabulary, rows)
    return Corpus(vocabulary, documents.select(~in_test), documents.select(in_test))


def sentiment_corpus(seed: int = 0) -> Corpus:
    """A generated sentiment corpus, split so that no held-out sentence is one word from a training one.

    Templates (``SENTIMENT_KINDS``) over a vocabulary of 25 words and <eos>:
    "I love cats" (1), "I really love cats" and "I really really love cats" (1),
    negations "I do not love cats" (0), with one, two or three "really"
    between "not" and the verb ("I do not really really love cats", 0),
    "cats hate me" (0) and "cats do not hate me" (1), and pairs of "but"
    twins: "I love cats but I hate dogs" (0) next to "I hate cats but I love
    dogs" (1), the same words in another order with the opposite label (the
    clause after "but" decides).

    The split is by words, not by sentence: a held-out sentence takes every
    content word (subject, verbs, things) from ``HELD_OUT_WORDS``, a training
    sentence at most one (none if it has two). So every held-out sentence differs from
    every training sentence in at least two words, and no held-out negation
    has its un-negated twin in training. Every word is seen in training; no
    held-out pair of content words is. "negated, 3 adverbs" is held out only
    (a length no training negation has). ``SENTIMENT_SIZES`` sentences of each
    kind are drawn with the seed; twins stay together. Token ids are those of
    the corpus's vocabulary.

    Parameters
    ----------
    seed : int
        Seed of the random choices, ≥ 0.

    Returns
    -------
    Corpus
        The vocabulary (V = 26) and the train (528) and test (272) Documents.

    Raises
    ------
    TypeError
        If ``seed`` is not a whole number.
    ValueError
        If ``seed`` < 0.
    """
    rng = np.random.default_rng(checks.check_count(seed, "seed"))
    vocabulary = Vocabulary(SUBJECTS + LIKES + DISLIKES + THINGS + (ADVERB,) + FUNCTION_WORDS + (EOS,))
    train: list[tuple[str, int, str]] = []
    test: list[tuple[str, int, str]] = []
    for kind, pool in _sentences_by_kind().items():
        held_out = [sum(word in HELD_OUT_WORDS for word in words) for words, _ in pool]
        n_train, n_test = SENTIMENT_SIZES[kind]
        for rows, count, keep in ((train, n_train, lambda n, words: n <= min(1, len(words) - 2)),
                                  (test, n_test, lambda n, words: n == len(words))):
            eligible = [sentences for n, (words, sentences) in zip(held_out, pool) if keep(n, words)]
            rows += [(text, label, kind) for sentences in _draw(eligible, count, rng) for text, label in sentences]
    return Corpus(vocabulary, _documents(vocabulary, train), _documents(vocabulary, test))


POSITIVE_WORDS = ("good", "great", "fine", "nice")
NEGATIVE_WORDS = ("bad", "awful", "poor", "sad")
FILLERS = ("the", "a", "cat", "dog", "sat", "ran", "on", "mat", "and", "then", "it", "was")


def long_range_corpus(
    distance: int, n_train: int = 512, n_test: int = 256, seed: int = 0, lead: int = 2
) -> Corpus:
    """Documents whose one deciding word sits n = ``distance`` steps before the end.

    Each document is ``lead`` random filler words, one sentiment word (from
    ``POSITIVE_WORDS``, label 1, or ``NEGATIVE_WORDS``, label 0), n − 1 more
    fillers, and <eos>: T = lead + n + 1 tokens, the deciding word at step
    T − n. The fillers carry no sentiment, so the prediction after <eos> must
    remember one word across n steps. The vocabulary (21 tokens) is the same
    for every n.

    Parameters
    ----------
    distance : int
        n, how many steps before the end the deciding word sits, ≥ 1.
    n_train : int
        The number of training documents, ≥ 1.
    n_test : int
        The number of held-out documents, ≥ 1.
    seed : int
        Seed of the random choices, ≥ 0.
    lead : int
        The number of filler words before the deciding word, ≥ 0.

    Returns
    -------
    Corpus
        ``n_train`` training and ``n_test`` held-out documents, each of
        T = lead + n + 1 tokens.

    Raises
    ------
    TypeError
        If ``distance``, ``n_train``, ``n_test``, ``seed`` or ``lead`` is not a whole number.
    ValueError
        If ``distance``, ``n_train`` or ``n_test`` < 1, or ``seed`` or ``lead`` < 0.
    """
    for value, name in ((distance, "distance"), (n_train, "n_train"), (n_test, "n_test")):
        checks.check_count(value, name, low=1)
    for value, name in ((lead, "lead"), (seed, "seed")):
        checks.check_count(value, name)
    rng = np.random.default_rng(seed)
    vocabulary = Vocabulary(POSITIVE_WORDS + NEGATIVE_WORDS + FILLERS + (EOS,))
    rows = []
    for _ in range(n_train + n_test):
        label = int(rng.integers(2))
        word = (NEGATIVE_WORDS, POSITIVE_WORDS)[label][rng.integers(4)]
        fillers = [FILLERS[j] for j in rng.integers(len(FILLERS), size=lead + distance - 1)]
        text = " ".join(fillers[:lead] + [word] + fillers[lead:])
        rows.append((text, label, f"n = {distance}"))
    return _split(vocabulary, rows, n_test, rng)
