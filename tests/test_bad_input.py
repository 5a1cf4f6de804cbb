"""Bad input gets a clear error that names the argument and says what was expected."""

import math

import numpy as np
import pytest

import rnn_lib
from rnn_lib import (
    Params,
    Vocabulary,
    bptt,
    embed,
    forward,
    log_loss,
    log_loss_from_logit,
    tokenize,
    worked_example,
)

E, H, Y = 3, 2, 1


@pytest.fixture
def params():
    return worked_example().params


@pytest.fixture
def X():
    return worked_example().X


def weights(**changes):
    arrays = {"W_eh": np.ones((E, H)), "W_hh": np.ones((H, H)), "W_hy": np.ones((H, Y))}
    arrays.update(changes)
    return arrays


@pytest.mark.parametrize(
    "changes, error, message",
    [
        ({"W_eh": np.ones(3)}, ValueError, r"W_eh must have 2 dimensions, got 1"),
        ({"W_hh": np.ones((2, 3))}, ValueError, r"W_hh must be square \(H, H\), got shape \(2, 3\)"),
        ({"W_hh": np.ones((3, 3))}, ValueError, r"W_hh has shape \(3, 3\) but W_eh .* H = 2"),
        ({"W_hy": np.ones((3, 1))}, ValueError, r"W_hy has shape \(3, 1\) but the hidden size is H = 2"),
        ({"b_h": np.ones(3)}, ValueError, r"b_h must have shape \(2,\), got \(3,\)"),
        ({"b_y": np.ones(2)}, ValueError, r"b_y must have shape \(1,\), got \(2,\)"),
        ({"b_h": np.ones((2, 1))}, ValueError, r"b_h must have 1 dimensions"),
        ({"W_hh": [[1, np.nan], [0, 1]]}, ValueError, r"W_hh must be finite, but W_hh\[0, 1\] is nan"),
        ({"W_eh": np.full((3, 2), np.inf)}, ValueError, r"W_eh must be finite"),
        ({"b_y": [-np.inf]}, ValueError, r"b_y must be finite"),
        ({"W_hy": [["a"], ["b"]]}, TypeError, r"W_hy must be numeric"),
        ({"W_eh": "weights"}, TypeError, r"W_eh must be numeric"),
        ({"W_hy": [[1j], [2]]}, TypeError, r"W_hy must be real"),
        ({"W_eh": np.ones((0, 2))}, ValueError, r"W_eh has shape \(0, 2\)"),
        ({"W_eh": [[1, 2], [3]]}, ValueError, r"W_eh must be a rectangular array"),
    ],
)
def test_bad_params(changes, error, message):
    with pytest.raises(error, match=message):
        Params(**weights(**changes))


@pytest.mark.parametrize(
    "X, error, message",
    [
        (np.ones(3), ValueError, r"X must have 2 or 3 dimensions, got 1"),
        (np.ones((1, 2, 3, 3)), ValueError, r"X must have 2 or 3 dimensions, got 4"),
        (np.ones((4, 5)), ValueError, r"X has shape \(4, 5\) but W_eh expects embeddings of size E = 3"),
        (np.ones((0, 3)), ValueError, r"empty sequence \(T = 0\)"),
        (np.ones((2, 0, 3)), ValueError, r"empty sequence \(T = 0\)"),
        (np.ones((0, 4, 3)), ValueError, r"no documents \(N = 0\)"),
        (np.array([[1, 2, np.nan]]), ValueError, r"X must be finite, but X\[0, 2\] is nan"),
        (np.array([[1, np.inf, 0]]), ValueError, r"X must be finite"),
        ([["I", "love", "cats"]], TypeError, r"X must be numeric"),
    ],
)
def test_bad_X(params, X, error, message):
    with pytest.raises(error, match=message):
        forward(params, X)
    with pytest.raises(error, match=message):
        bptt(params, X, 1)


@pytest.mark.parametrize(
    "h0, batched, message",
    [
        (np.ones(3), False, r"h0 has shape \(3,\) but the hidden size is H = 2"),
        (np.ones((1, 2)), False, r"h0 must have 1 dimensions"),
        (np.ones((3, 2)), True, r"h0 has 3 rows but X holds N = 2 documents"),
        (np.array([0.0, np.nan]), False, r"h0 must be finite"),
    ],
)
def test_bad_h0(params, X, h0, batched, message):
    X = np.stack([X, X]) if batched else X
    with pytest.raises(ValueError, match=message):
        forward(params, X, h0)


def test_params_must_be_params(X):
    with pytest.raises(TypeError, match="params must be an rnn_lib.Params, got dict"):
        forward(weights(), X)


@pytest.mark.parametrize(
    "y, batched, message",
    [
        (2, False, r"y must hold labels 0 or 1, got \[2.0\]"),
        (-1, False, r"labels 0 or 1"),
        (0.5, False, r"labels 0 or 1, got \[0.5\]"),
        ([1, 0], False, r"y has shape \(2,\) .* expected \(\) or \(1,\)"),
        ([1, 0, 1], True, r"y has shape \(3,\) .* expected \(2,\) or \(2, 1\)"),
        ([1], True, r"y has shape \(1,\)"),
        ([1, np.nan], True, r"y must be finite"),
        ("positive", False, r"y must be numeric"),
    ],
)
def test_bad_labels(params, X, y, batched, message):
    X = np.stack([X, X]) if batched else X
    with pytest.raises((ValueError, TypeError), match=message):
        bptt(params, X, y)


@pytest.mark.parametrize("loss_on, error", [("first", ValueError), ("ALL", ValueError), (None, TypeError),
                                            (1, TypeError)])
def test_unknown_loss_on(params, X, loss_on, error):
    with pytest.raises(error, match=r"loss_on must be one of \['last', 'all'\]"):
        bptt(params, X, 1, loss_on=loss_on)


@pytest.mark.parametrize(
    "p, message",
    [
        (1.5, r"p must hold probabilities in \[0, 1\], got \[1.5\]"),
        (-0.1, r"probabilities in \[0, 1\]"),
        (np.nan, r"p must be finite"),
    ],
)
def test_bad_probabilities(p, message):
    with pytest.raises(ValueError, match=message):
        log_loss(1, p)


@pytest.mark.parametrize("base", [0, -10, 1, 1.0, math.inf, math.nan])
def test_bad_log_base(base):
    with pytest.raises(ValueError, match=r"base must be a finite number > 0 and != 1"):
        log_loss(1, 0.5, base=base)


@pytest.mark.parametrize("base", ["10", None, True])
def test_non_numeric_log_base(base):
    with pytest.raises(TypeError, match="base must be a real number"):
        log_loss(1, 0.5, base=base)


def test_loss_label_and_prediction_shapes_must_match():
    with pytest.raises(ValueError, match=r"y has shape \(2,\) but p has shape \(3,\)"):
        log_loss([1, 0], [0.2, 0.3, 0.4])
    with pytest.raises(ValueError, match=r"y must hold labels 0 or 1"):
        log_loss_from_logit([3], [0.0])
    with pytest.raises(ValueError, match="y is empty"):
        log_loss([], [])


def test_unknown_tokens():
    example = worked_example()
    with pytest.raises(ValueError, match=r"unknown token\(s\) \['dogs'\]: the vocabulary knows"):
        embed(tokenize("I love dogs"), example.vocabulary, example.embeddings)


def test_bad_tokens_and_text():
    vocabulary = Vocabulary(["I", "love"])
    with pytest.raises(TypeError, match="tokens must be a list of tokens"):
        vocabulary.encode("I love")
    with pytest.raises(ValueError, match="tokens is empty"):
        vocabulary.encode([])
    with pytest.raises(ValueError, match="text is empty"):
        tokenize("   ")
    with pytest.raises(TypeError, match="text must be a string"):
        tokenize(["I", "love"])
    with pytest.raises(ValueError, match="embeddings has 3 rows but the vocabulary has 2 tokens"):
        embed(["I"], vocabulary, np.ones((3, 4)))


@pytest.mark.parametrize("kind", [list, tuple, np.array, lambda t: np.array(t, dtype=object)])
def test_every_function_of_token_sequences_takes_lists_tuples_and_arrays(kind):
    example = rnn_lib.worked_example()
    tokens = kind(["I", "love", "cats", "<eos>"])
    assert list(example.vocabulary.encode(tokens)) == [0, 1, 2, 3]
    assert np.array_equal(rnn_lib.embed(tokens, example.vocabulary, example.embeddings), example.X)
    assert rnn_lib.Vocabulary(kind(["a", "b", "a"])).tokens == ("a", "b")


@pytest.mark.parametrize("tokens, error, message", [
    ("I love cats", TypeError, "call tokenize"), (np.array([["I"]]), ValueError, "one-dimensional"),
    ([1, 2], TypeError, "must hold strings"), (7, TypeError, "list, tuple or array of strings")])
def test_a_bad_token_sequence_gets_a_clear_error(tokens, error, message):
    with pytest.raises(error, match=message):
        rnn_lib.worked_example().vocabulary.encode(tokens)
