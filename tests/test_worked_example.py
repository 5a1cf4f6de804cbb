"""The slides' numbers, as worked_example() produces them (slides 1–7)."""

import math

import numpy as np
import pytest

import rnn_lib
from rnn_lib import bptt, forward, log_loss, worked_example


@pytest.fixture(scope="module")
def example():
    return worked_example()


@pytest.fixture(scope="module")
def trace(example):
    return forward(example.params, example.X)


def two_digits(x):
    """The slides show two decimals: 0.9951 → .99, −0.7616 → −.76 (cutting and rounding agree here)."""
    return np.trunc(np.asarray(x) * 100) / 100


def test_sizes_of_slide_1(example):
    assert example.text == "I love cats"
    assert example.tokens == ["I", "love", "cats", "<eos>"]
    assert example.X.shape == (4, 3)
    assert (example.params.E, example.params.H, example.params.Y) == (3, 2, 1)
    assert example.y == 1


def test_step_4_of_slide_5(trace):
    np.testing.assert_allclose(trace.z[3], [-1.0, -2.0], atol=1e-12)
    np.testing.assert_array_equal(two_digits(trace.h[3]), [-0.76, -0.96])


def test_99_at_step_2_and_96_at_step_3(trace):
    assert 0.99 in two_digits(trace.h[1])
    assert 0.96 in two_digits(trace.h[2])
    # and they first appear there, as on the slides
    assert 0.99 not in two_digits(trace.h[0])
    assert 0.96 not in two_digits(trace.h[:2])


def test_prediction_of_slide_6_is_one_half(trace):
    assert trace.o[3, 0] == pytest.approx(0.0, abs=1e-15)
    assert trace.y_hat[3, 0] == pytest.approx(0.5, abs=1e-15)


def test_weights_shown_on_the_slides(example):
    np.testing.assert_array_equal(example.params.W_hh, [[3, -1], [1, -2]])
    np.testing.assert_array_equal(example.params.W_hy, [[1], [-2]])
    words = example.embeddings[:3]
    np.testing.assert_array_equal(words, np.eye(3))
    assert np.all(example.params.W_eh == np.round(example.params.W_eh))


@pytest.mark.parametrize("p, slide, natural", [(0.5, 0.3, 0.693), (0.78, 0.108, 0.248), (0.98, 0.008, 0.0202)])
def test_slide_losses_are_base_10(p, slide, natural):
    # The slides round or truncate (0.301 → 0.3, 0.1079 → 0.108, 0.0088 → 0.008):
    # agree to the last digit the slide prints.
    digits = len(str(slide).split(".")[1])
    assert abs(log_loss(1, p, base=10) - slide) < 10**-digits
    assert log_loss(1, p) == pytest.approx(natural, abs=5e-4)
    assert log_loss(1, p, base=10) == pytest.approx(log_loss(1, p) / math.log(10), rel=1e-14)


def test_first_loss_is_ln_2(example):
    loss, _ = bptt(example.params, example.X, example.y)
    assert loss == pytest.approx(math.log(2), rel=1e-14)


def test_the_search_for_W_eh_finds_the_books_choice_among_1703_fits():
    """The problem chapter's claim: 1,703 of the 7⁶ whole-number W_eh in {−3, …, 3} fit slides 3 and 4."""
    fits = rnn_lib.embedding_weight_fits()
    assert fits.shape == (1703, 3, 2)
    assert any(np.array_equal(W, worked_example().params.W_eh) for W in fits)
    for W in fits[::97]:  # every fit, checked the long way: the forward pass of the library
        h = rnn_lib.forward(worked_example().params.replace(W_eh=W), np.eye(3)).h
        assert 0.99 <= h[1, 0] < 1 and 0.96 <= h[2, 1] < 0.97 and np.linalg.matrix_rank(W) == 2


@pytest.mark.parametrize("values, error", [(5, TypeError), ([0.5, 1], TypeError), ([True], TypeError),
                                           ([], ValueError), ([1, 1], ValueError), (range(10), ValueError)])
def test_the_search_rejects_bad_values(values, error):
    with pytest.raises(error, match="values"):
        rnn_lib.embedding_weight_fits(values)
