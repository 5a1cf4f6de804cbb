"""Hidden tests of the exercises of *The problem*."""

import numpy as np

import rnn_lib
from grading.cases import case, close

#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL = {"ex-problem-count": 1, "ex-problem-order": 1}


def parameter_count(E, H, Y):
    shapes = rnn_lib.Params(np.zeros((E, H)), np.zeros((H, H)), np.zeros((H, Y)))
    return sum(array.size for _, array in shapes.items())


def sizes(rng, Y=None):
    E, H = (int(n) for n in rng.integers(1, 400, size=2))
    return E, H, int(rng.integers(2, 10)) if Y is None else Y


@case("ex-problem-count")
def counts_a_network_with_one_output(count_parameters, rng):
    """count_parameters counts every weight and bias of networks with one output (Y = 1)."""
    for E, H, Y in (sizes(rng, Y=1) for _ in range(3)):
        assert count_parameters(E, H, Y) == parameter_count(E, H, Y), (E, H, Y)


@case("ex-problem-count")
def counts_a_network_with_several_outputs(count_parameters, rng):
    """count_parameters counts every weight and bias of networks with several outputs."""
    for E, H, Y in (sizes(rng) for _ in range(3)):
        assert count_parameters(E, H, Y) == parameter_count(E, H, Y), (E, H, Y)


@case("ex-problem-count")
def gives_e_and_h_their_own_roles(count_parameters, rng):
    """count_parameters treats E and H differently: swapping them changes the count."""
    E, H, Y = sizes(rng)
    H = E + int(rng.integers(1, 50))
    assert count_parameters(E=E, H=H, Y=Y) == parameter_count(E, H, Y)
    assert count_parameters(E=H, H=E, Y=Y) == parameter_count(H, E, Y)


def random_text(rng, words, length):
    return " ".join(rng.choice(words, size=length))


def prediction(example, text):
    X = rnn_lib.embed(rnn_lib.tokenize(text), example.vocabulary, example.embeddings)
    return rnn_lib.forward(example.params, X).y_hat[-1, 0]


@case("ex-problem-order")
def predicts_the_words_in_another_order(last_prediction, example, rng):
    """last_prediction gives the worked example's prediction for "I love cats" in another order."""
    text = " ".join(rng.permutation(["I", "love", "cats"]))
    assert close(last_prediction(text), prediction(example, text), rtol=0, atol=1e-12)


@case("ex-problem-order")
def predicts_texts_of_other_lengths(last_prediction, example, rng):
    """last_prediction works for texts of one to seven words of the vocabulary."""
    for length in (1, int(rng.integers(2, 8))):
        text = random_text(rng, ["I", "love", "cats"], length)
        assert close(last_prediction(text), prediction(example, text), rtol=0, atol=1e-12), length
