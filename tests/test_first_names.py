"""The vendored Census names: the files are the ones the README names, and the split is disjoint,
complete and deterministic."""

import hashlib
import re

import numpy as np
import pytest

import rnn_lib
from rnn_lib.first_names import DATA_DIR, FILES


def test_the_vendored_files_are_the_ones_the_readme_describes():
    readme = (DATA_DIR / "README.md").read_text()
    for name in FILES:
        data = (DATA_DIR / name).read_bytes()
        row = re.search(rf"\| `{re.escape(name)}` \| (\d+) \| (\d+) \| `([0-9a-f]{{64}})` \|", readme)
        assert row, name
        assert (data.count(b"\n"), len(data), hashlib.sha256(data).hexdigest()) == (
            int(row[1]), int(row[2]), row[3])


def every_name():
    """Read apart from the loader: the first field of every line, lowercased."""
    return {line.split()[0].lower() for name in FILES for line in (DATA_DIR / name).read_text().splitlines()}


def test_the_splits_are_disjoint_and_together_every_distinct_name():
    corpus = rnn_lib.names_corpus()
    splits = [set(corpus.train), set(corpus.validation), set(corpus.test)]
    assert sum(len(s) for s in splits) == len(corpus.train) + len(corpus.validation) + len(corpus.test)
    assert not (splits[0] & splits[1] or splits[0] & splits[2] or splits[1] & splits[2])
    assert set.union(*splits) == every_name()
    n = len(every_name())
    assert (len(corpus.validation), len(corpus.test)) == (round(0.1 * n), round(0.1 * n))


def test_the_split_is_seeded():
    first, again, other = rnn_lib.names_corpus(seed=0), rnn_lib.names_corpus(seed=0), rnn_lib.names_corpus(seed=1)
    assert first.train == again.train and first.validation == again.validation and first.test == again.test
    assert set(first.test) != set(other.test)
    smaller = rnn_lib.names_corpus(validation_fraction=0.05, test_fraction=0.2)
    assert len(smaller.test) == round(0.2 * len(every_name()))


def test_names_are_lowercase_letters_closed_by_eos():
    corpus = rnn_lib.names_corpus()
    vocabulary = corpus.vocabulary
    assert vocabulary.tokens == (*"abcdefghijklmnopqrstuvwxyz", rnn_lib.EOS)
    eos = vocabulary.index[rnn_lib.EOS]
    for split in ("train", "validation", "test"):
        names, ids = getattr(corpus, split), corpus.ids(split)
        assert len(names) == len(ids)
        for name, row in zip(names, ids):
            assert re.fullmatch("[a-z]+", name) and row[-1] == eos and eos not in row[:-1]
            assert "".join(vocabulary.decode(row[:-1])) == name
    assert isinstance(corpus.ids("test")[0], np.ndarray)


@pytest.mark.parametrize("call, error, match", [
    (lambda: rnn_lib.names_corpus(seed=-1), ValueError, r"seed must be a whole number >= 0"),
    (lambda: rnn_lib.names_corpus(seed=1.0), TypeError, r"seed must be a whole number"),
    (lambda: rnn_lib.names_corpus(test_fraction=1.0), ValueError, r"test_fraction must be a finite number in \(0, 1\)"),
    (lambda: rnn_lib.names_corpus(validation_fraction=0.5, test_fraction=0.5), ValueError, r"leaves no name"),
    (lambda: rnn_lib.names_corpus().ids("dev"), ValueError, r"split must be one of"),
])
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()
