"""Text to numbers: tokens, the vocabulary, embeddings, and the slides' worked example.

Explained in the chapter *The problem* (slide 1). A document is split on
whitespace and closed with an end-of-sequence token ``<eos>``: that is why
"I love cats" takes four sequence steps, as on the slides (1/4 … 4/4).
"""

from dataclasses import dataclass

import numpy as np

from . import checks
from .rnn import Params, forward

EOS = "<eos>"


def tokenize(text, eos=EOS):
    """Split ``text`` on whitespace and append the end-of-sequence token.

    "I love cats" → ["I", "love", "cats", "<eos>"]. The last step reads <eos>,
    so the network sees the whole sentence before it gives its prediction.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}")
    words = text.split()
    if not words:
        raise ValueError("text is empty: a document needs at least one word")
    return words + [eos]


class Vocabulary:
    """A fixed list of tokens and their row numbers in an embedding table."""

    def __init__(self, tokens):
        self.tokens = tuple(dict.fromkeys(checks.as_tokens(tokens)))
        if not self.tokens:
            raise ValueError("tokens is empty: a vocabulary needs at least one token")
        self.index = {token: i for i, token in enumerate(self.tokens)}

    def __len__(self):
        return len(self.tokens)

    def __repr__(self):
        return f"Vocabulary({list(self.tokens)})"

    def encode(self, tokens):
        """Token strings (a list, tuple or 1-D array) → their ids, shape (T,).

        Raises ValueError naming any unknown token.
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

    def decode(self, ids):
        """Ids → token strings."""
        return [self.tokens[i] for i in ids]


def embed(tokens, vocabulary, embeddings):
    """Look up each token's row of the embedding table.

    tokens: T token strings (a list, tuple or 1-D array). embeddings: (V, E), one row per vocabulary
    token. Returns X: (T, E), the RNN's input.
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

    text: the document. tokens: its T = 4 tokens. vocabulary, embeddings (V, E):
    the lookup that gives X (T, E). y: the label 1. params: the initial weights.
    """

    text: str
    tokens: list
    vocabulary: Vocabulary
    embeddings: np.ndarray
    X: np.ndarray
    y: int
    params: Params


#: What slide 5 shows at step 4: the proposed hidden state z_4.
SLIDE_5_PROPOSED_STATE = np.array([-1.0, -2.0])


def _eos_embedding(params, words):
    """Solve x_eos W_eh = z_4 − h_3 W_hh − b_h for the one embedding that lands slide 5's z_4 = [−1, −2].

    h_3 is a sum of tanh values (irrational), so no whole-number embedding can
    make z_4 whole; W_eh has rank 2, so the least-squares solution is exact.
    """
    h_3 = forward(params, words).h[-1]
    target = SLIDE_5_PROPOSED_STATE - h_3 @ params.W_hh - params.b_h
    x_eos, *_ = np.linalg.lstsq(params.W_eh.T, target, rcond=None)
    return x_eos


def worked_example():
    """The slides' example, chosen so that the slides' numbers come out.

    - W_hh = [[3, −1], [1, −2]]: the entries visible on slide 5.
    - Embeddings of "I", "love", "cats": the unit vectors of E = 3, so x_t W_eh is
      a row of W_eh. W_eh: small whole numbers found by search so that the state
      shows .99 at step 2 and .96 at step 3, as slides 3 and 4 do.
    - Embedding of <eos>: solved so that z_4 = [−1, −2] exactly (slide 5), hence
      h_4 = tanh([−1, −2]) = [−.76, −.96].
    - W_hy = [[1], [−2]] (slides 8–9 show HY weights [1, −3], then [1, −4]) and
      b_y = tanh 1 − 2 tanh 2, the one bias that makes the logit 0, so the
      prediction is exactly 0.5 (slide 6).
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


# ---------------------------------------------------------------- generated corpora
# Explained in the chapters *Does it really learn?* and *Long-range memory*.
# Generated, so that nothing is downloaded; seeded, so that every run is the same.


def one_hot(ids, size):
    """Token ids (T,) → one-hot rows X (T, size): row t is 1 at column ids[t].

    With one-hot inputs, x_t W_eh is row ids[t] of W_eh: the rows of W_eh are
    the words' embeddings (size H), learned with the rest of the weights.
    """
    size = checks.check_count(size, "size", low=1)
    ids = np.asarray(ids)
    if not np.issubdtype(ids.dtype, np.integer):
        raise TypeError(f"ids must be a 1-D array of whole numbers, got dtype {ids.dtype}")
    if ids.ndim != 1:
        raise ValueError(f"ids must be a 1-D array of whole numbers, got shape {ids.shape}")
    if ids.size and (ids.min() < 0 or ids.max() >= size):
        raise ValueError(f"ids must lie in 0 … {size - 1} (the vocabulary's size), got {ids.tolist()}")
    return np.eye(size)[ids]


@dataclass(frozen=True, eq=False)
class Documents:
    """Labelled documents of a generated corpus.

    texts: N strings. ids: N arrays of token ids (T_i,), each ending with <eos>.
    y: (N,) labels, 1 positive, 0 negative. kinds: N template names.
    """

    texts: tuple
    ids: tuple
    y: np.ndarray
    kinds: tuple

    def __len__(self):
        return len(self.texts)

    def accuracy_by_kind(self, y_hat):
        """{kind: accuracy} of predictions ``y_hat`` (N,), thresholded at 0.5, plus "all"."""
        y_hat = checks.as_float_array(y_hat, "y_hat", ndims=(1,))
        if len(y_hat) != len(self):
            raise ValueError(f"y_hat has {len(y_hat)} predictions but there are {len(self)} documents")
        right = (y_hat > 0.5) == self.y
        kinds = np.array(self.kinds)
        scores = {kind: float(right[kinds == kind].mean()) for kind in dict.fromkeys(self.kinds)}
        return {**scores, "all": float(right.mean())}

    def select(self, indices):
        """The documents at ``indices`` (an index array or a boolean mask), as Documents."""
        indices = np.arange(len(self))[np.asarray(indices)]
        return Documents(
            texts=tuple(self.texts[i] for i in indices),
            ids=tuple(self.ids[i] for i in indices),
            y=self.y[indices],
            kinds=tuple(self.kinds[i] for i in indices),
        )


@dataclass(frozen=True, eq=False)
class Corpus:
    """A vocabulary and two disjoint sets of documents: train and held-out test."""

    vocabulary: Vocabulary
    train: Documents
    test: Documents


SUBJECTS = ("I", "we", "they", "you")
LIKES = ("love", "like", "enjoy", "adore")
DISLIKES = ("hate", "dislike", "fear", "dread")
THINGS = ("cats", "dogs", "birds", "books", "movies", "songs", "trains", "storms")
FUNCTION_WORDS = ("do", "not", "but", "me")

#: The templates of ``sentiment_corpus``; a sentence is positive when its verb is a "like" verb,
#: flipped by "do not"; in "A but B" only B counts.
SENTIMENT_KINDS = ("plain", "negated", "about me", "about me, negated", "but")


def _sentiment_sentences(rng, negated, but_pairs):
    """(text, label, kind, group) rows; the two twins of a "but" pair share a group."""
    verbs = [(v, int(v in LIKES)) for v in LIKES + DISLIKES]
    plain = [(f"{s} {v} {o}", liked, "plain") for s in SUBJECTS for v, liked in verbs for o in THINGS]
    about_me = [(f"{o} {v} me", liked, "about me") for o in THINGS for v, liked in verbs]
    sentences = plain + about_me
    # Negation is rarer than plain statements, as in real text: a random subset of each.
    for pool, kind, count in ((plain, "negated", negated), (about_me, "about me, negated", negated // 4)):
        for i in sorted(rng.choice(len(pool), size=min(count, len(pool)), replace=False)):
            text, liked, _ = pool[i]
            words = text.split()
            sentences.append((" ".join(words[:1] + ["do", "not"] + words[1:]), 1 - liked, kind))
    rows = [(text, label, kind, i) for i, (text, label, kind) in enumerate(sentences)]
    pairs = [
        (s, like, dislike, o1, o2)
        for s in SUBJECTS for like in LIKES for dislike in DISLIKES
        for o1 in THINGS for o2 in THINGS if o1 != o2
    ]
    chosen = rng.choice(len(pairs), size=min(but_pairs, len(pairs)), replace=False)
    for pair, index in enumerate(chosen):
        s, like, dislike, o1, o2 = pairs[index]
        group = len(sentences) + pair
        # Twins: the same words in another order, and the opposite label.
        rows.append((f"{s} {like} {o1} but {s} {dislike} {o2}", 0, "but", group))
        rows.append((f"{s} {dislike} {o1} but {s} {like} {o2}", 1, "but", group))
    return rows


def _split(vocabulary, rows, n_test_groups, rng):
    """Hold out ``n_test_groups`` random groups of rows; every row becomes a document."""
    groups = np.array([group for *_, group in rows])
    test_groups = rng.permutation(np.unique(groups))[:n_test_groups]
    in_test = np.isin(groups, test_groups)
    documents = Documents(
        texts=tuple(text for text, *_ in rows),
        ids=tuple(vocabulary.encode(tokenize(text)) for text, *_ in rows),
        y=np.array([label for _, label, *_ in rows]),
        kinds=tuple(kind for _, _, kind, _ in rows),
    )
    return Corpus(vocabulary, documents.select(~in_test), documents.select(in_test))


def _check_fraction(test_fraction):
    checks.check_real(test_fraction, "test_fraction", 0, 1, low_open=True, high_open=True)


def sentiment_corpus(seed=0, test_fraction=0.25, negated=96, but_pairs=96):
    """A generated sentiment corpus in which negation and word order decide the label.

    Templates (``SENTIMENT_KINDS``) over a vocabulary of 24 words and <eos>:
    every "I love cats" (1) and "cats hate me" (0) — 256 + 64 sentences —,
    ``negated`` random negations "I do not love cats" (0) and a quarter as
    many "cats do not hate me" (1), and ``but_pairs`` pairs of "but" twins:
    "I love cats but I hate dogs" (0) next to "I hate cats but I love dogs" (1),
    the same words in another order with the opposite label (the clause after
    "but" decides). A seeded ``test_fraction`` is held out; twins stay
    together. Returns a Corpus; token ids are those of its vocabulary.
    """
    _check_fraction(test_fraction)
    for value, name in ((negated, "negated"), (but_pairs, "but_pairs"), (seed, "seed")):
        checks.check_count(value, name)
    rng = np.random.default_rng(seed)
    vocabulary = Vocabulary(SUBJECTS + LIKES + DISLIKES + THINGS + FUNCTION_WORDS + (EOS,))
    rows = _sentiment_sentences(rng, negated, but_pairs)
    n_groups = len({group for *_, group in rows})
    return _split(vocabulary, rows, int(round(test_fraction * n_groups)), rng)


POSITIVE_WORDS = ("good", "great", "fine", "nice")
NEGATIVE_WORDS = ("bad", "awful", "poor", "sad")
FILLERS = ("the", "a", "cat", "dog", "sat", "ran", "on", "mat", "and", "then", "it", "was")


def long_range_corpus(k, n_train=512, n_test=256, seed=0, lead=2):
    """Documents whose one deciding word sits k steps before the end.

    Each document is ``lead`` random filler words, one sentiment word (from
    ``POSITIVE_WORDS``, label 1, or ``NEGATIVE_WORDS``, label 0), k − 1 more
    fillers, and <eos>: T = lead + k + 1 tokens, the deciding word at step
    T − k. The fillers carry no sentiment, so the prediction after <eos> must
    remember one word across k steps. Returns a Corpus of ``n_train`` training
    and ``n_test`` held-out documents; the vocabulary (21 tokens) is the same
    for every k.
    """
    for value, name in ((k, "k"), (n_train, "n_train"), (n_test, "n_test")):
        checks.check_count(value, name, low=1)
    for value, name in ((lead, "lead"), (seed, "seed")):
        checks.check_count(value, name)
    rng = np.random.default_rng(seed)
    vocabulary = Vocabulary(POSITIVE_WORDS + NEGATIVE_WORDS + FILLERS + (EOS,))
    rows = []
    for i in range(n_train + n_test):
        label = int(rng.integers(2))
        word = (NEGATIVE_WORDS, POSITIVE_WORDS)[label][rng.integers(4)]
        fillers = [FILLERS[j] for j in rng.integers(len(FILLERS), size=lead + k - 1)]
        text = " ".join(fillers[:lead] + [word] + fillers[lead:])
        rows.append((text, label, f"k = {k}", i))
    return _split(vocabulary, rows, n_test, rng)
