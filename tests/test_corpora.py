"""The generated corpora: deterministic, disjoint splits, labels that follow their rules."""

import itertools

import numpy as np
import pytest

from rnn_lib import data
from rnn_lib.analysis import overlap


@pytest.fixture(scope="module")
def corpus():
    return data.sentiment_corpus()


def test_sentiment_corpus_is_deterministic_and_seeded(corpus):
    again = data.sentiment_corpus()
    assert corpus.train.texts == again.train.texts and corpus.test.texts == again.test.texts
    np.testing.assert_array_equal(corpus.train.y, again.train.y)
    assert data.sentiment_corpus(seed=1).test.texts != corpus.test.texts


def test_vocabulary_has_25_words_and_eos(corpus):
    assert len(corpus.vocabulary) == 26
    assert corpus.vocabulary.tokens[-1] == data.EOS


def test_splits_are_disjoint_and_have_the_sizes_of_each_kind(corpus):
    assert not set(corpus.train.texts) & set(corpus.test.texts)
    for split, column in ((corpus.train, 0), (corpus.test, 1)):
        for kind, sizes in data.SENTIMENT_SIZES.items():
            assert split.kinds.count(kind) == sizes[column] * (2 if kind == "but" else 1), (kind, column)
    assert "negated, 3 adverbs" not in corpus.train.kinds and "negated, 3 adverbs" in corpus.test.kinds


def word_edit_distance(a, b):
    """Levenshtein distance between two word lists: substitutions, insertions and deletions."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def test_word_edit_distance_on_hand_examples():
    assert word_edit_distance("I love cats".split(), "I love cats".split()) == 0
    assert word_edit_distance("I love cats".split(), "we love cats".split()) == 1
    assert word_edit_distance("I love cats".split(), "I do not love cats".split()) == 2
    assert word_edit_distance("cats love me".split(), "I love cats".split()) == 2


def test_the_librarys_word_distance_agrees_with_the_one_written_out_here(corpus):
    assert overlap.nearest_distances(["I love cats", "", "cats love me"], ["I do not love cats"]) == [2, 5, 4]
    assert overlap.nearest_distances(["I love cats", "we hate dogs"], ["I love dogs", "I love cats"]) == [0, 2]
    rng = np.random.default_rng(0)
    texts = corpus.train.texts + corpus.test.texts
    for i, j in rng.integers(0, len(texts), size=(200, 2)):
        want = word_edit_distance(texts[i].split(), texts[j].split())
        assert overlap.nearest_distances([texts[i]], [texts[j]]) == [want]
    with pytest.raises(TypeError, match=r"training must hold sentences \(strings\), got 3"):
        overlap.nearest_distances(["a"], ["b", 3])


@pytest.mark.parametrize("seed", [0, 1])
def test_every_held_out_sentence_is_two_words_or_more_from_every_training_sentence(seed):
    """The honest split: whatever the labels, no held-out sentence is one substitution, insertion or
    deletion away from a training sentence (a random split put 129 of 157 one word away)."""
    corpus = data.sentiment_corpus(seed=seed)
    train = [text.split() for text in corpus.train.texts]
    nearest = [min(word_edit_distance(text.split(), other) for other in train) for text in corpus.test.texts]
    assert min(nearest) >= 2


def test_no_held_out_negation_has_its_un_negated_twin_in_training(corpus):
    train = set(corpus.train.texts)
    negations = [text for text in corpus.test.texts if " do not " in f" {text} "]
    assert len(negations) == 4 * 32 + 16
    for text in negations:
        twin = text.replace("do not ", "")
        assert twin not in train and twin.replace("really ", "") not in train, text


def test_every_held_out_word_is_seen_in_training_but_no_held_out_pair_of_content_words(corpus):
    train_words = {w for text in corpus.train.texts for w in text.split()}
    assert {w for text in corpus.test.texts for w in text.split()} <= train_words
    content = set(data.SUBJECTS + data.LIKES + data.DISLIKES + data.THINGS)
    pairs = {frozenset(p) for text in corpus.train.texts
             for p in itertools.combinations(set(text.split()) & content, 2)}
    for text in corpus.test.texts:
        for pair in itertools.combinations(set(text.split()) & content, 2):
            assert frozenset(pair) not in pairs, (text, pair)


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


@pytest.mark.parametrize("n", [1, 5, 17])
def test_long_range_corpus_puts_the_deciding_word_n_steps_before_the_end(n):
    corpus = data.long_range_corpus(n, n_train=40, n_test=20)
    assert len(corpus.train) == 40 and len(corpus.test) == 20
    vocabulary = corpus.vocabulary
    for split in (corpus.train, corpus.test):
        for ids, y in zip(split.ids, split.y):
            tokens = vocabulary.decode(ids)
            assert len(tokens) == n + 3 and tokens[-1] == data.EOS
            sentiment = [i for i, t in enumerate(tokens) if t not in data.FILLERS + (data.EOS,)]
            assert sentiment == [len(tokens) - n - 1]  # 0-based index of step T − n
            assert (tokens[sentiment[0]] in data.POSITIVE_WORDS) == bool(y)


def test_long_range_vocabulary_does_not_depend_on_the_distance():
    assert data.long_range_corpus(2).vocabulary.tokens == data.long_range_corpus(9).vocabulary.tokens


def test_one_hot_rows_pick_rows_of_W_eh():
    W_eh = np.arange(12.0).reshape(4, 3)
    X = data.one_hot(np.array([2, 0, 2]), 4)
    np.testing.assert_array_equal(X @ W_eh, W_eh[[2, 0, 2]])


ABC = data.Vocabulary(["a", "b", "c"])


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: data.sentiment_corpus(seed=-1), ValueError, r"seed must be a whole number >= 0"),
        (lambda: data.sentiment_corpus(seed=0.5), TypeError, r"seed must be a whole number >= 0"),
        (lambda: data.long_range_corpus(0), ValueError, r"distance must be a whole number >= 1, got 0"),
        (lambda: data.long_range_corpus(2.5), TypeError, r"distance must be a whole number >= 1, got 2.5"),
        (lambda: data.long_range_corpus(3, lead=-1), ValueError, r"lead must be a whole number >= 0"),
        (lambda: data.one_hot([0, 5], 4), ValueError, r"ids must hold ids in 0 … 3"),
        (lambda: data.one_hot([0.5], 4), TypeError, r"ids must hold token ids as whole numbers"),
        (lambda: data.one_hot([[0]], 4), ValueError, r"ids must have 1 dimensions"),
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
