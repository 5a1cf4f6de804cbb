"""Next-token prediction: gradients against central differences (for the RNN, the GRU and the LSTM),
the loss against plain numpy, truncated BPTT across chunks against one pass, sampling, training, and bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rnn_lib
from problems import examples
from rnn_lib import Params, forward, next_token_bptt, next_token_probabilities
from rnn_lib.gradcheck import numerical_gradient, relative_error


def language_problem(seed, N, T, E, H, V, scale=0.8):
    """Random weights with W_hy (H, V), inputs, next-token ids and h0; N = None for one sequence."""
    rng = np.random.default_rng(seed)
    params = Params(
        W_eh=rng.normal(0, scale, (E, H)), W_hh=rng.normal(0, scale, (H, H)), W_hy=rng.normal(0, scale, (H, V)),
        b_h=rng.normal(0, scale, H), b_y=rng.normal(0, scale, V),
    )
    lead = () if N is None else (N,)
    return params, rng.normal(0, 1, lead + (T, E)), rng.integers(0, V, lead + (T,)), rng.normal(0, 0.5, lead + (H,))


def plain_numpy_loss(params, X, targets, h0):
    """The mean next-token cross-entropy by a loop over documents and steps, written from the formulas."""
    X, targets, h0 = np.atleast_3d(X) if X.ndim == 3 else X[None], np.atleast_2d(targets), np.atleast_2d(h0)
    total, count = 0.0, 0
    for n in range(len(X)):
        h = h0[n]
        for t in range(X.shape[1]):
            h = np.tanh(X[n, t] @ params.W_eh + h @ params.W_hh + params.b_h)
            o = h @ params.W_hy + params.b_y
            total -= o[targets[n, t]] - np.log(np.sum(np.exp(o)))  # −ln softmax(o)[target]
            count += 1
    return total / count


@settings(max_examples=examples(60), deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    N=st.one_of(st.none(), st.integers(1, 3)),
    T=st.integers(1, 5),
    E=st.integers(1, 3),
    H=st.integers(1, 4),
    V=st.integers(2, 4),
    with_h0=st.booleans(),
)
def test_every_gradient_matches_central_differences(seed, N, T, E, H, V, with_h0):
    params, X, targets, h0 = language_problem(seed, N, T, E, H, V)
    h0 = h0 if with_h0 else None
    _, grads, _ = next_token_bptt(params, X, targets, h0)
    for name, array in params.items():
        numeric = numerical_gradient(
            lambda value: next_token_bptt(params.replace(**{name: value}), X, targets, h0)[0], array)
        error = relative_error(getattr(grads, name), numeric)
        assert error < 1e-6 or np.abs(numeric).max() < 1e-9, (name, error)


@settings(max_examples=examples(40), deadline=None)
@given(seed=st.integers(0, 2**32 - 1), N=st.one_of(st.none(), st.integers(1, 3)), T=st.integers(1, 6),
       H=st.integers(1, 4), V=st.integers(1, 5))
def test_the_loss_is_the_mean_cross_entropy_over_every_position(seed, N, T, H, V):
    params, X, targets, h0 = language_problem(seed, N, T, 3, H, V)
    loss, _, _ = next_token_bptt(params, X, targets, h0)
    assert loss == pytest.approx(plain_numpy_loss(params, X, targets, h0), rel=1e-12, abs=1e-14)


def test_huge_logits_do_not_overflow_the_softmax():
    """Logits of several thousand: e^o overflows, the shifted softmax does not."""
    params, X, targets, h0 = language_problem(3, 2, 4, 3, 3, 5)
    params = params.replace(W_hy=params.W_hy * 3000)
    loss, grads, _ = next_token_bptt(params, X, targets, h0)
    o = forward(params, X, h0).o
    expected = np.mean(np.logaddexp.reduce(o, axis=-1) - np.take_along_axis(o, targets[..., None], -1)[..., 0])
    assert np.isfinite(loss) and loss == pytest.approx(expected, rel=1e-12)
    assert all(np.isfinite(array).all() for _, array in grads.items())
    p, _ = next_token_probabilities(params, X, h0)
    assert np.isfinite(p).all() and np.allclose(p.sum(axis=-1), 1.0)


@pytest.mark.parametrize("N", [None, 3])
def test_h_last_is_the_last_state_of_the_forward_pass(N):
    params, X, targets, h0 = language_problem(5, N, 6, 3, 4, 5)
    _, _, h_last = next_token_bptt(params, X, targets, h0)
    np.testing.assert_array_equal(h_last, forward(params, X, h0).h[..., -1, :])
    _, h_after = next_token_probabilities(params, X, h0)
    np.testing.assert_array_equal(h_after, h_last)


@pytest.mark.parametrize("N", [None, 2])
def test_carrying_h_across_two_chunks_is_one_pass_over_both(N):
    params, X, targets, h0 = language_problem(11, N, 9, 3, 4, 5)
    whole, h_whole = next_token_probabilities(params, X, h0)
    first, h_first = next_token_probabilities(params, X[..., :4, :], h0)
    second, h_second = next_token_probabilities(params, X[..., 4:, :], h_first)
    np.testing.assert_allclose(np.concatenate([first, second], axis=-2), whole, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(h_second, h_whole, rtol=1e-12, atol=1e-15)
    # and the loss of the two chunks, weighted by their lengths, is the loss of the whole
    loss_1, _, h_1 = next_token_bptt(params, X[..., :4, :], targets[..., :4], h0)
    loss_2, _, _ = next_token_bptt(params, X[..., 4:, :], targets[..., 4:], h_1)
    assert (4 * loss_1 + 5 * loss_2) / 9 == pytest.approx(next_token_bptt(params, X, targets, h0)[0], rel=1e-12)


def test_the_gradient_of_a_chunk_stops_at_its_first_step():
    """Truncated BPTT: the chunk's gradient is that of a fresh sequence starting from the constant h_last."""
    params, X, targets, h0 = language_problem(2, 2, 8, 3, 3, 4)
    _, _, h_mid = next_token_bptt(params, X[:, :3], targets[:, :3], h0)
    _, truncated, _ = next_token_bptt(params, X[:, 3:], targets[:, 3:], h_mid)
    _, full, _ = next_token_bptt(params, X, targets, h0)
    numeric = numerical_gradient(lambda W: next_token_bptt(params.replace(W_hh=W), X[:, 3:], targets[:, 3:], h_mid)[0],
                                 params.W_hh)
    assert relative_error(truncated.W_hh, numeric) < 1e-7
    assert relative_error(truncated.W_hh, full.W_hh) > 1e-3  # the full gradient is another quantity


def test_the_batch_loss_and_gradient_are_the_means_of_the_sequences():
    params, X, targets, h0 = language_problem(8, 4, 5, 3, 3, 4)
    loss, grads, _ = next_token_bptt(params, X, targets, h0)
    singles = [next_token_bptt(params, X[n], targets[n], h0[n]) for n in range(4)]
    assert loss == pytest.approx(np.mean([s[0] for s in singles]), rel=1e-12)
    for name in Params.names():
        np.testing.assert_allclose(getattr(grads, name), np.mean([getattr(s[1], name) for s in singles], axis=0),
                                   rtol=1e-10, atol=1e-14)


def test_probabilities_are_the_softmax_of_the_scaled_logits():
    params, X, _, h0 = language_problem(4, None, 5, 3, 3, 6)
    o = forward(params, X, h0).o
    for temperature in (0.5, 1.0, 2.0):
        p, _ = next_token_probabilities(params, X, h0, temperature=temperature)
        expected = np.exp(o / temperature) / np.exp(o / temperature).sum(axis=-1, keepdims=True)
        np.testing.assert_allclose(p, expected, rtol=1e-12)


def test_sampling_is_seeded_and_a_cold_temperature_is_greedy():
    params, _, _, _ = language_problem(6, None, 1, 5, 8, 5)
    table = np.eye(5)
    first = rnn_lib.sample_tokens(params, table, [4], 30, seed=3)
    assert np.array_equal(first, rnn_lib.sample_tokens(params, table, [4], 30, seed=3))
    assert not np.array_equal(first, rnn_lib.sample_tokens(params, table, [4], 30, seed=4))
    assert first.shape == (30,) and first.min() >= 0 and first.max() < 5
    greedy, token, h = [], 4, None
    for _ in range(12):
        p, h = next_token_probabilities(params, table[[token]], h)
        token = int(np.argmax(p[-1]))
        greedy.append(token)
    assert rnn_lib.sample_tokens(params, table, [4], 12, temperature=1e-3, seed=0).tolist() == greedy


def test_samples_follow_the_distribution():
    """The first draw after a fixed start, over many seeds, has the frequencies p (4 standard errors)."""
    params, _, _, _ = language_problem(9, None, 1, 4, 3, 4)
    p = next_token_probabilities(params, np.eye(4)[[1, 2]])[0][-1]
    draws = np.array([rnn_lib.sample_tokens(params, np.eye(4), [1, 2], 1, seed=s)[0] for s in range(4000)])
    frequencies = np.bincount(draws, minlength=4) / len(draws)
    assert np.all(np.abs(frequencies - p) < 4 * np.sqrt(p * (1 - p) / len(draws)) + 1e-12), (frequencies, p)


def periodic_stream(rows=4, length=61, period=3):
    return np.array([[(r + t) % period for t in range(length)] for r in range(rows)])


def test_training_carries_the_state_from_chunk_to_chunk_and_steps_after_each():
    V, K = 3, 5
    stream = periodic_stream()
    start = rnn_lib.init_params("rnn", V, 4, Y=V, seed=1)
    run = rnn_lib.train_language_model(start, stream, 0.5, K, epochs=1, max_norm=1.0)
    assert len(run.loss) == len(run.gradient_norms) == -(-(stream.shape[1] - 1) // K)
    eye = np.eye(V)
    # by hand: chunk 1 from h = 0, a clipped step, chunk 2 from the state chunk 1 ended in
    loss_1, grads_1, h_1 = next_token_bptt(start, eye[stream[:, :K]], stream[:, 1:K + 1])
    after_1 = rnn_lib.gradient_step(start, rnn_lib.clip_gradients(grads_1, 1.0)[0], 0.5)
    loss_2, _, _ = next_token_bptt(after_1, eye[stream[:, K:2 * K]], stream[:, K + 1:2 * K + 1], h_1)
    assert run.loss[0] == loss_1 and run.loss[1] == pytest.approx(loss_2, rel=1e-12)
    assert run.gradient_norms[0] == pytest.approx(rnn_lib.gradient_norm(grads_1), rel=1e-12)


def test_training_learns_a_periodic_stream_and_is_deterministic():
    stream = periodic_stream()
    params = rnn_lib.init_params("rnn", 3, 6, Y=3, seed=0)
    run = rnn_lib.train_language_model(params, stream, 1.0, 8, epochs=15, max_norm=5.0)
    again = rnn_lib.train_language_model(params, stream, 1.0, 8, epochs=15, max_norm=5.0)
    assert np.array_equal(run.loss, again.loss)
    assert run.loss[0] > 1.0 and run.loss[-1] < 0.05  # ln 3 ≈ 1.1 at the start, the period learned at the end


def test_per_token_loss_scores_every_token_of_every_document_once():
    params = rnn_lib.init_params("rnn", 4, 3, Y=4, seed=2)
    documents = [np.array([0, 1, 3]), np.array([2, 3]), np.array([1, 1, 0, 3]), np.array([0, 3])]
    eye = np.eye(4)
    total = 0.0
    for ids in documents:
        inputs = np.concatenate([[3], ids[:-1]])
        total += len(ids) * next_token_bptt(params, eye[inputs], ids)[0]
    assert rnn_lib.per_token_loss(params, documents, start=3) == pytest.approx(total / 11, rel=1e-12)


def test_token_stream_is_a_seeded_shuffle_of_the_documents_cut_into_rows():
    documents = [np.array([i, i, 9]) for i in range(7)]  # 21 tokens
    stream = rnn_lib.token_stream(documents, rows=4, seed=1)
    assert stream.shape == (4, 5)
    assert np.array_equal(stream, rnn_lib.token_stream(documents, rows=4, seed=1))
    order = np.random.default_rng(1).permutation(7)
    assert np.array_equal(stream.ravel(), np.concatenate([documents[i] for i in order])[:20])


def cell_problem(kind, seed, N, T, E, H, V):
    """Random weights of a GRU or an LSTM with W_hy (H, V), inputs, next-token ids and a state (h, or (h, c))."""
    rng = np.random.default_rng(seed)
    if kind == "gru":
        params = rnn_lib.gru.init_params(E, H, V, seed=seed, update_bias=0.0, recurrent_scale=1.5)
        params = params.replace(**{name: rng.normal(0, 0.5, a.shape) for name, a in params.items() if name[0] == "b"})
    else:
        params = rnn_lib.lstm.init_params(E, H, V, seed=seed)
        params = params.replace(W_e=params.W_e * 3, W_h=params.W_h * 3, b=rng.normal(0, 0.5, 4 * H))
    lead = () if N is None else (N,)
    state = rng.normal(0, 0.5, lead + (H,))
    if kind == "lstm":
        state = (state, rng.normal(0, 0.5, lead + (H,)))
    return params, rng.normal(0, 1, lead + (T, E)), rng.integers(0, V, lead + (T,)), state


@settings(max_examples=examples(30), deadline=None)
@given(
    kind=st.sampled_from(["gru", "lstm"]),
    seed=st.integers(0, 2**32 - 1),
    N=st.one_of(st.none(), st.integers(1, 3)),
    T=st.integers(1, 5),
    E=st.integers(1, 3),
    H=st.integers(1, 3),
    V=st.integers(2, 4),
    with_state=st.booleans(),
)
def test_gru_and_lstm_gradients_match_central_differences(kind, seed, N, T, E, H, V, with_state):
    params, X, targets, state = cell_problem(kind, seed, N, T, E, H, V)
    state = state if with_state else None
    loss, grads, _ = next_token_bptt(params, X, targets, state)
    assert type(grads) is type(params)
    for name, array in params.items():
        numeric = numerical_gradient(
            lambda value: next_token_bptt(params.replace(**{name: value}), X, targets, state)[0], array)
        error = relative_error(getattr(grads, name), numeric)
        # a gradient of ~1e-9 is below the differences' own rounding: then compare absolutely
        assert error < 1e-6 or np.abs(getattr(grads, name) - numeric).max() < 1e-9, (kind, name, error)


@pytest.mark.parametrize("kind", ["gru", "lstm"])
def test_the_loss_of_any_cell_is_the_mean_cross_entropy_of_its_logits(kind):
    params, X, targets, state = cell_problem(kind, 3, 2, 5, 3, 4, 6)
    keywords = params.state_keywords(state)
    o = params.forward(X, **keywords).o
    expected = np.mean(np.logaddexp.reduce(o, axis=-1) - np.take_along_axis(o, targets[..., None], -1)[..., 0])
    assert next_token_bptt(params, X, targets, state)[0] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("kind", ["gru", "lstm"])
@pytest.mark.parametrize("N", [None, 2])
def test_carrying_the_state_of_any_cell_across_chunks_is_one_pass(kind, N):
    """The GRU's h, and the LSTM's pair (h, c), carried from chunk to chunk: the pass over the whole."""
    params, X, targets, state = cell_problem(kind, 7, N, 9, 3, 4, 5)
    whole, state_whole = next_token_probabilities(params, X, state)
    first, state_first = next_token_probabilities(params, X[..., :4, :], state)
    second, state_second = next_token_probabilities(params, X[..., 4:, :], state_first)
    np.testing.assert_allclose(np.concatenate([first, second], axis=-2), whole, rtol=1e-12, atol=1e-15)
    for got, want in zip(np.broadcast_arrays(*state_second) if kind == "lstm" else [state_second],
                         state_whole if kind == "lstm" else [state_whole]):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)
    loss_1, _, carried = next_token_bptt(params, X[..., :4, :], targets[..., :4], state)
    loss_2, _, _ = next_token_bptt(params, X[..., 4:, :], targets[..., 4:], carried)
    assert (4 * loss_1 + 5 * loss_2) / 9 == pytest.approx(next_token_bptt(params, X, targets, state)[0], rel=1e-12)


def test_without_its_memory_the_lstm_continues_differently():
    """Carrying h alone is not enough for the LSTM: c_T matters, so the state is the pair."""
    params, X, _, state = cell_problem("lstm", 5, None, 6, 3, 4, 5)
    _, (h, c) = next_token_probabilities(params, X[:3], state)
    carried = next_token_probabilities(params, X[3:], (h, c))[0]
    forgotten = next_token_probabilities(params, X[3:], (h, np.zeros_like(c)))[0]
    assert np.abs(carried - forgotten).max() > 1e-3


@pytest.mark.parametrize("kind", ["gru", "lstm"])
def test_every_cell_learns_a_periodic_stream_and_samples_it(kind):
    stream = periodic_stream()
    params = rnn_lib.gru.init_params(3, 6, 3, seed=0) if kind == "gru" else rnn_lib.lstm.init_params(3, 6, 3, seed=0)
    run = rnn_lib.train_language_model(params, stream, 2.0, 8, epochs=40, max_norm=5.0)
    assert type(run.params) is type(params)
    assert run.loss[0] > 1.0 and run.loss[-1] < 0.05, run.loss[-1]
    assert rnn_lib.sample_tokens(run.params, np.eye(3), [0], 9, temperature=0.5).tolist() == [1, 2, 0] * 3


def test_train_by_epoch_is_train_language_model_one_epoch_at_a_time():
    stream, validation = periodic_stream(), [np.array([1, 2, 0]), np.array([2, 0])]
    params = rnn_lib.init_params("rnn", 3, 4, Y=3, seed=2)
    run = rnn_lib.train_by_epoch(params, stream, [(1.0, 2), (0.3, 1)], 8, validation, start=0, max_norm=5.0)
    assert len(run.params) == len(run.train_loss) == len(run.validation_loss) == 3
    for epoch, learning_rate in enumerate([1.0, 1.0, 0.3]):
        one = rnn_lib.train_language_model(params, stream, learning_rate, 8, epochs=1, max_norm=5.0)
        params = one.params
        assert run.train_loss[epoch] == pytest.approx(one.loss.mean(), rel=1e-12)
        assert run.validation_loss[epoch] == rnn_lib.per_token_loss(params, validation, 0)
        np.testing.assert_array_equal(run.params[epoch].W_hh, params.W_hh)
    assert len(run.gradient_norms) == 3 * -(-(stream.shape[1] - 1) // 8)


P, X, TARGETS, H0 = language_problem(0, 2, 3, 3, 2, 4)
GRU = rnn_lib.gru.init_params(3, 2, 4)
LSTM = rnn_lib.lstm.init_params(3, 2, 4)


@pytest.mark.parametrize("call, error, match", [
    (lambda: next_token_bptt(P, X, TARGETS + 1), ValueError, r"targets must hold ids in 0 … 3 \(V = 4 .*\[4\]"),
    (lambda: next_token_bptt(P, X, -TARGETS - 1), ValueError, r"targets must hold ids in 0 … 3"),
    (lambda: next_token_bptt(P, X, TARGETS[:, :2]), ValueError, r"targets has shape \(2, 2\) but X has \(2, 3\)"),
    (lambda: next_token_bptt(P, X, TARGETS[0]), ValueError, r"targets must have 2 dimensions"),
    (lambda: next_token_bptt(P, X, TARGETS.astype(float)), TypeError, r"targets must hold token ids .* float64"),
    (lambda: next_token_bptt(P, X, TARGETS > 1), TypeError, r"targets must hold token ids .* bool"),
    (lambda: next_token_bptt(P, X, "abc"), TypeError, r"targets must be token ids"),
    (lambda: next_token_bptt(P, np.where(X > 0, np.nan, X), TARGETS), ValueError, r"X must be finite"),
    (lambda: next_token_bptt(P, X[..., :2], TARGETS), ValueError, r"X has shape .* E = 3"),
    (lambda: next_token_bptt(P, X, TARGETS, np.ones(3)), ValueError, r"h0 has shape \(3,\) .* H = 2"),
    (lambda: next_token_bptt(dict(P.items()), X, TARGETS), TypeError, r"params must be the weights of a cell"),
    (lambda: next_token_bptt(LSTM, X, TARGETS, H0), TypeError, r"state must be the LSTM's pair \(h, c\).* ndarray"),
    (lambda: next_token_bptt(LSTM, X, TARGETS, (H0,)), TypeError, r"pair \(h, c\).* tuple of length 1"),
    (lambda: next_token_bptt(LSTM, X, TARGETS, (H0, np.ones(3))), ValueError, r"c0 has shape \(3,\) .* H = 2"),
    (lambda: next_token_bptt(GRU, X, TARGETS, np.ones((2, 3))), ValueError, r"h0 has shape \(2, 3\) .* H = 2"),
    (lambda: rnn_lib.train_by_epoch(rnn_lib.init_params("rnn", 3, 2, Y=3), [[0, 1, 2]], [], 2, [[0, 2]], 2),
     ValueError, r"schedule holds no epoch"),
    (lambda: rnn_lib.train_by_epoch(rnn_lib.init_params("rnn", 3, 2, Y=3), [[0, 1, 2]], [(0.1, 1.5)], 2, [[0, 2]], 2),
     TypeError, r"schedule\[0\]'s epochs must be a whole number"),
    (lambda: rnn_lib.train_by_epoch(rnn_lib.init_params("rnn", 3, 2, Y=3), [[0, 1, 2]], [0.1], 2, [[0, 2]], 2),
     TypeError, r"schedule\[0\] must be a \(learning rate, epochs\) pair"),
    (lambda: rnn_lib.train_by_epoch(rnn_lib.init_params("rnn", 3, 2, Y=3), [[0, 1, 2]], [(-1, 1)], 2, [[0, 2]], 2),
     ValueError, r"schedule\[0\]'s learning rate must be a finite number > 0"),
    (lambda: next_token_probabilities(P, X, temperature=0), ValueError, r"temperature must be a finite number > 0"),
    (lambda: next_token_probabilities(P, X, temperature="hot"), TypeError, r"temperature must be a number"),
    (lambda: next_token_probabilities(P, X, temperature=True), TypeError, r"temperature must be a number"),
    (lambda: next_token_probabilities(P.replace(W_hy=P.W_hy * 1e10), X, temperature=1e-300), FloatingPointError,
     r"o / temperature is not finite"),
    (lambda: rnn_lib.sample_tokens(P, np.eye(4)[:, :3], [], 3), ValueError, r"start is empty"),
    (lambda: rnn_lib.sample_tokens(P, np.eye(4)[:, :3], [4], 3), ValueError, r"start must hold ids in 0 … 3"),
    (lambda: rnn_lib.sample_tokens(P, np.eye(3), [0], 3), ValueError, r"embeddings has shape \(3, 3\) .* \(4, 3\)"),
    (lambda: rnn_lib.sample_tokens(P, np.eye(4)[:, :3], [0], 2.0), TypeError, r"n must be a whole number"),
    (lambda: rnn_lib.train_language_model(P, [[0, 1, 2]], 0.1, 2), ValueError, r"E = 3 inputs but predict Y = 4"),
    (lambda: rnn_lib.train_language_model(rnn_lib.init_params("rnn", 3, 2, Y=3), [[0, 1, 3]], 0.1, 2), ValueError,
     r"stream must hold ids in 0 … 2"),
    (lambda: rnn_lib.train_language_model(rnn_lib.init_params("rnn", 3, 2, Y=3), [[0], [1]], 0.1, 2), ValueError,
     r"each row needs at least 2 tokens"),
    (lambda: rnn_lib.train_language_model(rnn_lib.init_params("rnn", 3, 2, Y=3), [[0, 1]], 0.1, 0), ValueError,
     r"chunk_length must be a whole number >= 1"),
    (lambda: rnn_lib.token_stream([np.array([0, 1])], rows=2), ValueError, r"too few for rows = 2"),
    (lambda: rnn_lib.token_stream([[0.0, 1.0]], rows=1), TypeError, r"documents\[0\] must hold token ids"),
    (lambda: rnn_lib.per_token_loss(rnn_lib.init_params("rnn", 3, 2, Y=3), [np.array([], dtype=int)], 2), ValueError,
     r"documents\[0\] is empty"),
])
def test_bad_input_gets_a_clear_error(call, error, match):
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize("loss_on", ["last", "all"])
def test_backward_from_the_binary_loss_is_bptt(loss_on):
    """rnn.backward is the BPTT of any dL/do: given the binary cross-entropy's, it is bptt."""
    from problems import random_problem

    params, X, y, h0 = random_problem(4, 3, 5, 3, 4, 2, biases=True)
    trace = forward(params, X, h0)
    d_o = (trace.y_hat - y[:, None, :]) / 3
    if loss_on == "last":
        d_o[:, :-1] = 0.0
    expected = rnn_lib.bptt(params, X, y, h0, loss_on)[1]
    for name, array in rnn_lib.backward(params, X, trace, d_o).items():
        np.testing.assert_allclose(array, getattr(expected, name), rtol=1e-12, atol=1e-15, err_msg=name)


@settings(max_examples=examples(50), deadline=None)
@given(x=st.lists(st.floats(-1e300, 1e300), min_size=1, max_size=6), shift=st.floats(-100, 100))
def test_softmax_is_a_distribution_unchanged_by_a_shift(x, shift):
    p = rnn_lib.softmax(x)
    assert np.all(p >= 0) and p.sum() == pytest.approx(1.0, abs=1e-12) and p[np.argmax(x)] == p.max()
    small = np.clip(x, -1e3, 1e3)
    np.testing.assert_allclose(rnn_lib.softmax(small + shift), rnn_lib.softmax(small), rtol=1e-9, atol=1e-300)
