"""Truncated BPTT in chunks (rnn_lib.train.chunk_slices, chunked_bptt), for every cell.

The gradients are checked against central differences of each chunk's own loss with its
starting state held fixed, the states taken from one uncut forward pass."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from problems import examples
from rnn_lib import chunk_slices, chunked_bptt, data, numerical_gradient, train_classifier
from rnn_lib.analysis.jacobians import truncated_bptt_whh
from rnn_lib.train import CELLS, init_params


@hypothesis_settings(max_examples=examples(60))
@given(T=st.integers(1, 40), K=st.integers(1, 12), align=st.sampled_from(["start", "end"]))
def test_chunks_cover_every_step_once_in_order(T, K, align):
    parts = chunk_slices(T, K, align)
    assert [t for part in parts for t in range(part.start, part.stop)] == list(range(T))
    lengths = [part.stop - part.start for part in parts]
    assert len(parts) == -(-T // K) and all(1 <= n <= K for n in lengths)
    full = lengths[:-1] if align == "start" else lengths[1:]  # all but the ragged end are K long
    assert all(n == K for n in full)


def test_chunks_refuse_bad_lengths_and_alignments():
    with pytest.raises(ValueError, match=r"K must be a whole number >= 1, got 0"):
        chunk_slices(5, 0)
    with pytest.raises(TypeError, match=r"K must be a whole number"):
        chunk_slices(5, 2.5)
    with pytest.raises(ValueError, match=r"T must be a whole number >= 1, got 0"):
        chunk_slices(0, 2)
    with pytest.raises(ValueError, match=r"align must be one of \['start', 'end'\], got 'middle'"):
        chunk_slices(5, 2, "middle")


def problem(cell, seed=0, N=2, T=5, E=3, H=3):
    rng = np.random.default_rng(seed)
    params = init_params(cell, E, H, seed=seed, input_scale=0.8)
    if cell == "lstm":  # an open forget gate would hide mistakes in the carry of c: start it half open
        params = params.replace(b=rng.normal(0, 0.5, 4 * H))
    return params, rng.normal(size=(N, T, E)), rng.integers(0, 2, N), rng.normal(0, 0.5, (N, H))


def finite_difference_chunks(params, X, y, h0, K, loss_on, align):
    """Σ over chunks of the central-difference gradient of the chunk's loss, its start state fixed."""
    trace = params.forward(X, h0)  # one uncut pass: the states every chunk starts from
    parts = chunk_slices(X.shape[1], K, align)
    total = {name: np.zeros_like(array) for name, array in params.items()}
    for part in parts:
        if loss_on == "last" and part is not parts[-1]:
            continue
        state = {"h0": h0 if part.start == 0 else trace.h[:, part.start - 1]}
        if cell_has_memory(params):
            state["c0"] = np.zeros_like(h0) if part.start == 0 else trace.c[:, part.start - 1]
        for name, array in params.items():
            def loss(value, name=name, state=state, part=part):
                return params.replace(**{name: value}).evaluate_loss(X[:, part], y, loss_on=loss_on, **state)

            total[name] += numerical_gradient(loss, array)
    return total


def cell_has_memory(params):
    return "W_h" in params.names()


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("K, loss_on, align", [(2, "all", "start"), (3, "all", "end"), (2, "last", "start"),
                                               (3, "last", "end"), (1, "all", "start")])
def test_each_chunks_gradient_is_finite_differences_from_its_fixed_start(cell, K, loss_on, align):
    params, X, y, h0 = problem(cell)
    loss, grads = chunked_bptt(params, X, y, K, h0, loss_on, align)
    assert loss == pytest.approx(params.evaluate_loss(X, y, h0, loss_on), rel=1e-12)  # the forward pass is whole
    expected = finite_difference_chunks(params, X, y, h0, K, loss_on, align)
    for name, array in grads.items():
        np.testing.assert_allclose(array, expected[name], rtol=1e-6, atol=1e-9, err_msg=name)
    _, full = params.bptt(X, y, h0, loss_on)
    assert not np.allclose(grads.items()[0][1], getattr(full, grads.names()[0]))  # it did truncate


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("loss_on", ["last", "all"])
def test_chunks_as_long_as_the_sequence_are_full_bptt(cell, loss_on):
    params, X, y, h0 = problem(cell, seed=3)
    loss, full = params.bptt(X, y, h0, loss_on)
    for K, align in [(5, "start"), (5, "end"), (9, "start")]:
        chunked_loss, grads = chunked_bptt(params, X, y, K, h0, loss_on, align)
        assert chunked_loss == loss
        for name, array in grads.items():
            np.testing.assert_array_equal(array, getattr(full, name))
    one_document = chunked_bptt(params, X[0], y[0], 2, h0[0], loss_on)[1]  # unbatched: N = 1
    for name, array in one_document.items():
        np.testing.assert_allclose(array, getattr(chunked_bptt(params, X[:1], y[:1], 2, h0[:1], loss_on)[1], name))


@pytest.mark.parametrize("K", [1, 2, 4, 7])
def test_the_last_chunk_aligned_to_the_end_is_the_sliding_window(K):
    """With the loss on the last step, chunks ending at T keep slide 10's terms with t − k < K."""
    rng = np.random.default_rng(5)
    params = init_params("rnn", 3, 4, seed=5, recurrent_scale=1.5)
    X, h0 = rng.normal(size=(7, 3)), rng.normal(0, 0.5, 4)
    window = truncated_bptt_whh(params, X, 1, K, h0)
    np.testing.assert_allclose(chunked_bptt(params, X, 1, K, h0, align="end")[1].W_hh, window, rtol=1e-10, atol=1e-14)


def test_the_deciding_word_gets_its_whole_gradient_or_none():
    """On the long-range task (k = 8, T = 11) the word at step 3 is in the last chunk or not at all."""
    corpus = data.long_range_corpus(8, n_train=1, n_test=4)
    params = init_params("gru", len(corpus.vocabulary), 4, seed=0)
    X = np.stack([data.one_hot(ids, params.E) for ids in corpus.test.ids])
    words = [ids[2] for ids in corpus.test.ids]
    full = params.bptt(X, corpus.test.y)[1]
    for K, align, reaches in [(4, "start", False), (9, "start", False), (9, "end", True), (8, "end", False)]:
        grads = chunked_bptt(params, X, corpus.test.y, K, align=align)[1]
        for name in params.input_weights:
            rows, full_rows = getattr(grads, name)[words], getattr(full, name)[words]
            if reaches:
                np.testing.assert_allclose(rows, full_rows, rtol=1e-10, atol=1e-15)
            else:
                np.testing.assert_array_equal(rows, 0.0)


def test_training_in_chunks_steps_along_the_chunked_gradient():
    rng = np.random.default_rng(0)
    documents = [rng.integers(0, 4, 6) for _ in range(5)]
    y = np.array([1, 0, 1, 1, 0])
    params = init_params("lstm", 4, 3, seed=1)
    run = train_classifier(params, documents, y, 0.5, epochs=1, batch_size=5, chunk_length=4, align="end")
    X = np.stack([data.one_hot(ids, 4) for ids in documents])
    _, grads = chunked_bptt(params, X, y, 4, align="end")
    for name, array in params.items():
        np.testing.assert_allclose(getattr(run.params, name), array - 0.5 * getattr(grads, name))
    whole = train_classifier(params, documents, y, 0.5, epochs=1, batch_size=5, chunk_length=6)
    plain = train_classifier(params, documents, y, 0.5, epochs=1, batch_size=5)
    np.testing.assert_array_equal(whole.params.W_h, plain.params.W_h)


@pytest.mark.parametrize("call, error, message", [
    (lambda p, X: chunked_bptt(p, X, 1, 0), ValueError, r"K must be a whole number >= 1, got 0"),
    (lambda p, X: chunked_bptt(p, X, 1, "2"), TypeError, r"K must be a whole number"),
    (lambda p, X: chunked_bptt(p, X, 1, 2, align="both"), ValueError, r"align must be one of"),
    (lambda p, X: chunked_bptt(p, X, 1, 2, loss_on="first"), ValueError, r"loss_on must be one of"),
    (lambda p, X: chunked_bptt(p, X[:, :2], 1, 2), ValueError, r"X has shape \(5, 2\) but W_eh expects"),
    (lambda p, X: chunked_bptt(p, X, 2, 2), ValueError, r"label"),
    (lambda p, X: chunked_bptt("params", X, 1, 2), TypeError, r"params must be the weights of a cell"),
    (lambda p, X: train_classifier(p, [np.array([0, 1])], [1], 0.1, 1, chunk_length=0), ValueError,
     r"chunk_length must be a whole number >= 1, got 0"),
    (lambda p, X: train_classifier(p, [np.array([0, 1])], [1], 0.1, 1, chunk_length=2, align=None), TypeError,
     r"align must be one of"),
])
def test_bad_input_is_named(call, error, message):
    params = init_params("rnn", 3, 2)
    with pytest.raises(error, match=message):
        call(params, np.zeros((5, 3)))
