"""Hidden tests of the exercises of *Sentiment: does it really learn?*."""

import numpy as np

import rnn_lib
from grading.cases import case, close
from rnn_lib import data
from rnn_lib.analysis import baseline
from rnn_lib.train import init_params


def same_ids(got, want):
    return close(got, want, rtol=0, atol=0)


def expected(ids):
    return np.concatenate([ids[-2::-1], ids[-1:]])


@case("ex-sentiment-shuffle")
def reverses_documents_of_the_corpus(reversed_words, corpus, rng):
    """reversed_words reverses the words of documents of the corpus and keeps <eos> last."""
    for i in rng.choice(len(corpus.test.ids), size=20, replace=False):
        ids = corpus.test.ids[i]
        assert same_ids(reversed_words(ids), expected(ids)), i


@case("ex-sentiment-shuffle")
def handles_short_documents(reversed_words, rng):
    """reversed_words handles documents of one and two tokens, and longer ones of any ids."""
    for length in (1, 2, int(rng.integers(3, 12))):
        ids = rng.integers(0, 50, size=length)
        assert same_ids(reversed_words(ids), expected(ids)), length


@case("ex-sentiment-shuffle")
def keeps_every_bag_of_words(reversed_words, corpus, rng):
    """Reversed training documents keep their bags of words."""
    V = len(corpus.vocabulary)
    documents = [corpus.train.ids[i] for i in rng.choice(len(corpus.train.ids), size=20, replace=False)]
    flipped = [reversed_words(ids) for ids in documents]
    assert all(np.shape(f) == np.shape(ids) for f, ids in zip(flipped, documents))
    counts = baseline.bag_of_words([np.asarray(f, dtype=int) for f in flipped], V)
    assert np.array_equal(counts, baseline.bag_of_words(documents, V))
    assert all(same_ids(f, expected(ids)) for f, ids in zip(flipped, documents))


@case("ex-sentiment-embeddings")
def agrees_with_finite_differences(embedding_grads, rng):
    """embedding_grads agrees with finite differences of a loss that is not linear in C W_eh."""
    V, E, H = (int(n) for n in rng.integers(2, 8, size=3))
    C, W, A = rng.normal(size=(V, E)), rng.normal(size=(E, H)), rng.normal(size=(V, H))
    loss_of = lambda C, W: np.sum(A * np.tanh(C @ W))  # noqa: E731
    got = embedding_grads(C, W, A * (1 - np.tanh(C @ W) ** 2))
    assert isinstance(got, (tuple, list)) and len(got) == 2
    assert close(got[0], rnn_lib.numerical_gradient(lambda c: loss_of(c, W), C), atol=1e-7)
    assert close(got[1], rnn_lib.numerical_gradient(lambda w: loss_of(C, w), W), atol=1e-7)


@case("ex-sentiment-embeddings")
def gives_the_rnns_gradients(embedding_grads, corpus, rng):
    """embedding_grads gives the gradients of the RNN's loss on a document of the corpus."""
    V = len(corpus.vocabulary)
    net = init_params("rnn", E=V, H=4, seed=int(rng.integers(0, 1000)))
    C, W = rng.normal(size=(V, 3)), rng.normal(size=(3, 4))
    i = int(rng.integers(0, len(corpus.test.ids)))
    X, y = data.one_hot(corpus.test.ids[i], V), corpus.test.y[i]
    loss = lambda C, W: rnn_lib.evaluate_loss(net.replace(W_eh=C @ W), X, y)  # noqa: E731
    grads = rnn_lib.bptt(net.replace(W_eh=C @ W), X, y)[1].W_eh
    got = embedding_grads(C, W, grads)
    assert isinstance(got, (tuple, list)) and len(got) == 2
    fd_C = rnn_lib.numerical_gradient(lambda c: loss(c, W), C)
    fd_W = rnn_lib.numerical_gradient(lambda w: loss(C, w), W)
    assert close(got[0], fd_C, rtol=1e-5, atol=1e-8) and close(got[1], fd_W, rtol=1e-5, atol=1e-8)
