"""The generated corpora: deterministic, disjoint splits, labels that follow their rules."""

import numpy as np
import pytest

from rnn_lib import data


@pytest.fixture(scope="module")
def corpus():
    return data.sentiment_corpus()


def test_sentiment_corpus_is_deterministic_and_seeded(corpus):
    again = data.sentiment_corpus()
    assert corpus.train.texts == again.train.texts and corpus.test.texts == again.test.texts
    np.testing.assert_array_equal(corpus.train.y, again.train.y)
    assert data.sentiment_corpus(seed=1).test.texts != corpus.test.texts


def test_vocabulary_has_24_words_and_eos(corpus):
    assert len(corpus.vocabulary) == 25
    assert corpus.vocabulary.tokens[-1] == data.EOS


def test_splits_are_disjoint_and_cover_every_kind(corpus):
    assert not set(corpus.train.texts) & set(corpus.test.texts)
    for split in (corpus.train, corpus.test):
        assert set(split.kinds) == set(data.SENTIMENT_KINDS)
    assert len(corpus.test) / (len(corpus.train) + len(corpus.test)) == pytest.approx(0.25, abs=0.03)


def sentence_label(text):
    """The corpus' rules, written out again independently: like-verbs are positive,
    "do not" flips, and after "but" only the second clause counts."""
    words = text.split()
    if "but" in words:
        words = words[words.index("but") + 1:]
    liked = any(w in data.LIKES for w in words)
    return int(liked != ("not" in words))


@pytest.mark.parametrize("split", ["train", "test"])
def test_labels_follow_the_rules(corpus, split):
    documents = getattr(corpus, split)
    assert [sentence_label(t) for t in documents.texts] == documents.y.tolist()


def test_but_twins_have_the_same_words_and_opposite_labels(corpus):
    for split in (corpus.train, corpus.test):
        buts = [(t, y) for t, y, k in zip(split.texts, split.y, split.kinds) if k == "but"]
        assert len(buts) % 2 == 0
        for (a, ya), (b, yb) in zip(buts[::2], buts[1::2]):
            assert sorted(a.split()) == sorted(b.split()) and a != b
            assert ya + yb == 1


def test_ids_encode_the_texts_with_eos(corpus):
    for text, ids in zip(corpus.test.texts, corpus.test.ids):
        assert corpus.vocabulary.decode(ids) == data.tokenize(text)


def test_select_keeps_documents_aligned(corpus):
    picked = corpus.test.select([3, 0])
    assert picked.texts == (corpus.test.texts[3], corpus.test.texts[0])
    assert picked.y.tolist() == [corpus.test.y[3], corpus.test.y[0]]
    mask = np.array([k == "but" for k in corpus.test.kinds])
    assert set(corpus.test.select(mask).kinds) == {"but"}


@pytest.mark.parametrize("k", [1, 5, 17])
def test_long_range_corpus_puts_the_deciding_word_k_steps_before_the_end(k):
    corpus = data.long_range_corpus(k, n_train=40, n_test=20)
    assert len(corpus.train) == 40 and len(corpus.test) == 20
    vocabulary = corpus.vocabulary
    for split in (corpus.train, corpus.test):
        for ids, y in zip(split.ids, split.y):
            tokens = vocabulary.decode(ids)
            assert len(tokens) == k + 3 and tokens[-1] == data.EOS
            sentiment = [i for i, t in enumerate(tokens) if t not in data.FILLERS + (data.EOS,)]
            assert sentiment == [len(tokens) - k - 1]  # 0-based index of step T − k
            assert (tokens[sentiment[0]] in data.POSITIVE_WORDS) == bool(y)


def test_long_range_vocabulary_does_not_depend_on_k():
    assert data.long_range_corpus(2).vocabulary.tokens == data.long_range_corpus(9).vocabulary.tokens


def test_one_hot_rows_pick_rows_of_W_eh():
    W_eh = np.arange(12.0).reshape(4, 3)
    X = data.one_hot(np.array([2, 0, 2]), 4)
    np.testing.assert_array_equal(X @ W_eh, W_eh[[2, 0, 2]])


ABC = data.Vocabulary(["a", "b", "c"])


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: data.sentiment_corpus(test_fraction=1.5), ValueError,
         r"test_fraction must be a finite number in \(0, 1\)"),
        (lambda: data.sentiment_corpus(but_pairs=-1), ValueError, r"but_pairs must be a whole number >= 0"),
        (lambda: data.long_range_corpus(0), ValueError, r"k must be a whole number >= 1, got 0"),
        (lambda: data.long_range_corpus(2.5), TypeError, r"k must be a whole number >= 1, got 2.5"),
        (lambda: data.long_range_corpus(3, lead=-1), ValueError, r"lead must be a whole number >= 0"),
        (lambda: data.one_hot([0, 5], 4), ValueError, r"ids must lie in 0 … 3"),
        (lambda: data.one_hot([0.5], 4), TypeError, r"ids must be a 1-D array of whole numbers"),
        (lambda: data.one_hot([[0]], 4), ValueError, r"ids must be a 1-D array of whole numbers"),
        (lambda: ABC.decode([0, -1]), ValueError,
         r"ids must lie in 0 … 2 \(the vocabulary has 3 tokens\), got \[-1\]"),
        (lambda: ABC.decode(np.array([3, 1])), ValueError, r"ids must lie in 0 … 2 .*got \[3\]"),
        (lambda: ABC.decode([1.0]), TypeError, r"ids must hold whole numbers .*float 1.0"),
        (lambda: ABC.decode([True]), TypeError, r"ids must hold whole numbers"),
        (lambda: ABC.decode(2), TypeError, r"ids must be a list or 1-D array of token ids"),
    ],
)
def test_bad_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_accuracy_by_kind(corpus):
    perfect = corpus.test.accuracy_by_kind(corpus.test.y.astype(float))
    assert set(perfect) == set(data.SENTIMENT_KINDS) | {"all"} and set(perfect.values()) == {1.0}
    flipped = corpus.test.accuracy_by_kind(1.0 - corpus.test.y)
    assert set(flipped.values()) == {0.0}
    with pytest.raises(ValueError, match=r"y_hat has 2 predictions but there are"):
        corpus.test.accuracy_by_kind([0.1, 0.9])


def test_decode_takes_whole_numbers_of_any_integer_type():
    assert ABC.decode(np.array([2, 0], dtype=np.uint8)) == ["c", "a"]
    assert ABC.decode((np.int64(1), 2)) == ["b", "c"]
    assert ABC.decode(iter([0])) == ["a"] and ABC.decode([]) == []
