"""The n-gram baselines: distributions that sum to one, the uniform model's perplexity V, and counts
checked by hand."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from problems import examples
from rnn_lib.analysis.ngram import fit_ngram, ngram_perplexity

DOCUMENTS = [np.array([0, 1, 3]), np.array([1, 1, 3]), np.array([2, 3]), np.array([0, 2, 1, 3])]


@settings(max_examples=examples(100), deadline=None)
@given(order=st.integers(0, 4), k=st.floats(1e-3, 10), V=st.integers(2, 6),
       context=st.lists(st.integers(0, 5), max_size=6), seed=st.integers(0, 1000))
def test_the_probabilities_sum_to_one_for_any_context(order, k, V, context, seed):
    rng = np.random.default_rng(seed)
    documents = [rng.integers(0, V, rng.integers(1, 6)) for _ in range(5)]
    model = fit_ngram(documents, V, order, start=V - 1, k=k)
    p = model.probabilities([c % V for c in context])
    assert p.shape == (V,) and np.all(p > 0) and p.sum() == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("V", [4, 5, 27, 1000])
def test_the_uniform_model_has_perplexity_v(V):
    model = fit_ngram(DOCUMENTS, V, order=0, start=3)
    assert ngram_perplexity(model, DOCUMENTS) == pytest.approx(V, rel=1e-13)


def test_a_bigram_by_hand():
    """Contexts padded with start = 3: after 3 come 0, 1, 2, 0; after 1 come 3, 1, 3, 3."""
    model = fit_ngram(DOCUMENTS, 4, order=2, start=3, k=0.5)
    np.testing.assert_allclose(model.probabilities([]), (np.array([2, 1, 1, 0]) + 0.5) / (4 + 2))
    np.testing.assert_allclose(model.probabilities([2, 2, 1]), (np.array([0, 1, 0, 3]) + 0.5) / (4 + 2))
    np.testing.assert_allclose(model.probabilities([3]), model.probabilities([]))
    np.testing.assert_allclose(model.probabilities([2]), (np.array([0, 1, 0, 1]) + 0.5) / (2 + 2))
    unigram = fit_ngram(DOCUMENTS, 4, order=1, start=3, k=1.0)
    np.testing.assert_allclose(unigram.probabilities([0, 1]), (np.array([2, 4, 2, 4]) + 1.0) / (12 + 4))


def test_perplexity_is_e_to_the_mean_negative_log_likelihood():
    model = fit_ngram(DOCUMENTS, 4, order=2, start=3, k=0.5)
    held_out = [np.array([0, 3]), np.array([1, 2, 3])]
    log_p = [np.log(model.probabilities(list(d[:t]))[d[t]]) for d in held_out for t in range(len(d))]
    assert ngram_perplexity(model, held_out) == pytest.approx(np.exp(-np.mean(log_p)), rel=1e-13)


@pytest.mark.parametrize("call, error, match", [
    (lambda: fit_ngram(DOCUMENTS, 4, order=2, start=3, k=0), ValueError, r"k must be a finite number > 0"),
    (lambda: fit_ngram(DOCUMENTS, 4, order=-1, start=3), ValueError, r"order must be a whole number >= 0"),
    (lambda: fit_ngram(DOCUMENTS, 4, order=2, start=4), ValueError, r"start must be an id in 0 … 3"),
    (lambda: fit_ngram(DOCUMENTS, 3, order=2, start=0), ValueError, r"documents\[0\] must hold ids in 0 … 2"),
    (lambda: fit_ngram([[0.0, 1.0]], 3, order=2, start=0), TypeError, r"documents\[0\] must hold token ids"),
    (lambda: fit_ngram([], 3, order=2, start=0), ValueError, r"documents is empty"),
    (lambda: fit_ngram(DOCUMENTS, 4, 2, 3).probabilities([4]), ValueError, r"context must hold ids in 0 … 3"),
    (lambda: ngram_perplexity("model", DOCUMENTS), TypeError, r"model must be an NGramModel"),
])
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()
