"""Hidden tests of the exercises of *The forward pass*."""

import rnn_lib
from grading.cases import case, close

#: The cores that compute a forward pass: the plain RNN's loop, the GRU's (which can mimic
#: it), and the tanh recurrence of the vanishing chapter.
FORWARD_PASS = ("rnn_lib.rnn:_forward_steps", "rnn_lib.gru:_forward", "rnn_lib.analysis.vanishing:tanh_rnn_states")
WORDS = ["I", "love", "cats"]


#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL = {"ex-forward-orderings": 1}


def same_trace(mine, params, X):
    reference = rnn_lib.forward(params, X)
    return (isinstance(mine, (tuple, list)) and len(mine) == 3
            and all(close(got, want) for got, want in zip(mine, (reference.z, reference.h, reference.y_hat))))


def random_network(rng, E, H, Y):
    return rnn_lib.Params(rng.normal(size=(E, H)), rng.normal(size=(H, H)), rng.normal(size=(H, Y)),
                          rng.normal(size=H), rng.normal(size=Y))


def embedded(example, text):
    return rnn_lib.embed(rnn_lib.tokenize(text), example.vocabulary, example.embeddings)


@case("ex-forward-by-hand")
def matches_rnn_lib_on_documents_of_the_worked_example(forward_by_hand, example, rng):
    """forward_by_hand gives rnn_lib.forward's z, h and ŷ on documents of the worked example."""
    for length in (int(rng.integers(1, 4)), int(rng.integers(4, 9))):
        X = embedded(example, " ".join(rng.choice(WORDS, size=length)))
        assert same_trace(forward_by_hand(example.params, X), example.params, X)


@case("ex-forward-by-hand")
def works_for_other_sizes_and_biases(forward_by_hand, rng):
    """forward_by_hand works for other sizes E, H, Y and T, and for biases that are not zero."""
    E, H, Y, T = (int(n) for n in rng.integers(2, 7, size=4))
    params = random_network(rng, E, H, Y)
    X = rng.normal(size=(T, E))
    assert same_trace(forward_by_hand(params, X), params, X)


@case("ex-forward-by-hand", refuse=FORWARD_PASS)
def computes_the_pass_itself(forward_by_hand, rng):
    """forward_by_hand computes the pass itself, without rnn_lib's forward pass."""
    E, H, T = (int(n) for n in rng.integers(2, 6, size=3))
    params = random_network(rng, E, H, Y=1)
    X = rng.normal(size=(T, E))
    assert same_trace(forward_by_hand(params, X), params, X)


def one_by_one(texts, example):
    return [rnn_lib.forward(example.params, embedded(example, text)).y_hat[-1, 0] for text in texts]


def random_texts(rng, N, length):
    return [" ".join(rng.choice(WORDS, size=length)) for _ in range(N)]


@case("ex-forward-orderings")
def predicts_a_batch_of_texts(last_predictions, example, rng):
    """last_predictions gives one prediction per text, the same as running each text alone."""
    texts = random_texts(rng, int(rng.integers(3, 9)), int(rng.integers(2, 6)))
    assert close(last_predictions(texts), one_by_one(texts, example))


@case("ex-forward-orderings")
def predicts_one_word_texts(last_predictions, example, rng):
    """last_predictions works for texts of one word (two steps with <eos>)."""
    texts = random_texts(rng, int(rng.integers(2, 5)), 1)
    assert close(last_predictions(texts), one_by_one(texts, example))


@case("ex-forward-orderings")
def runs_one_forward_pass_on_the_whole_batch(last_predictions, example, library_calls, rng):
    """last_predictions runs rnn_lib.forward once, on the whole batch."""
    texts = random_texts(rng, 4, 3)
    result = last_predictions(texts)
    assert library_calls.count("rnn_lib.rnn:_forward_steps") == 1
    assert close(result, one_by_one(texts, example))
