"""Text to numbers: tokens, the vocabulary, embeddings, and the slides' worked example.

Explained in the chapter *The problem* (slide 1). A document is split on
whitespace and closed with an end-of-sequence token ``<eos>``: that is why
"I love cats" takes four sequence steps, as on the slides (1/4 … 4/4).
"""

from dataclasses import dataclass

import numpy as np

from . import _checks
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
        self.tokens = tuple(dict.fromkeys(tokens))
        if not self.tokens:
            raise ValueError("tokens is empty: a vocabulary needs at least one token")
        self.index = {token: i for i, token in enumerate(self.tokens)}

    def __len__(self):
        return len(self.tokens)

    def __repr__(self):
        return f"Vocabulary({list(self.tokens)})"

    def encode(self, tokens):
        """Token strings → their ids, shape (T,). Raises ValueError naming any unknown token."""
        if isinstance(tokens, str):
            raise TypeError("tokens must be a list of tokens; call tokenize(text) on a string first")
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

    tokens: list of T token strings. embeddings: (V, E), one row per vocabulary
    token. Returns X: (T, E), the RNN's input.
    """
    embeddings = _checks.as_float_array(embeddings, "embeddings", ndims=(2,))
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
