"""Mini-batch training, clipping, the bag-of-words and n-gram baselines and the long-range measurements."""

import numpy as np
import pytest

from rnn_lib import Params, bptt, data, forward, gru, lstm, numerical_gradient
from rnn_lib.analysis import baseline, memory
from rnn_lib.train import CELLS, clip_gradients, gradient_norm, init_params, predict, train_classifier


def small_params(seed=0, E=4, H=3):
    return init_params("rnn", E, H, seed=seed)


# ---------------------------------------------------------------- clipping


def test_gradient_norm_is_the_norm_of_every_entry_together():
    grads = small_params(1)
    flat = np.concatenate([a.ravel() for _, a in grads.items()])
    assert gradient_norm(grads) == pytest.approx(np.linalg.norm(flat), rel=1e-14)


def test_clipping_rescales_long_gradients_and_keeps_their_direction():
    grads = small_params(2)
    norm = gradient_norm(grads)
    clipped, before = clip_gradients(grads, norm / 4)
    assert before == pytest.approx(norm)
    assert gradient_norm(clipped) == pytest.approx(norm / 4, rel=1e-12)
    for name, array in grads.items():
        np.testing.assert_allclose(getattr(clipped, name), array / 4, rtol=1e-12)


def test_clipping_leaves_short_gradients_alone():
    grads = gru.init_params(3, 2, seed=3)
    clipped, _ = clip_gradients(grads, 10 * gradient_norm(grads))
    assert clipped is grads


@pytest.mark.parametrize("max_norm, error", [(0, ValueError), (-1.0, ValueError), ("1", TypeError), (None, TypeError),
                                             (True, TypeError)])
def test_bad_max_norm(max_norm, error):
    with pytest.raises(error, match=r"max_norm must be a (finite )?number"):
        clip_gradients(small_params(), max_norm)


# ---------------------------------------------------------------- init_params


def test_init_params_gives_each_cell_its_weights_seeded():
    rnn_a, rnn_b = init_params("rnn", 5, 4, seed=7), init_params("rnn", 5, 4, seed=7)
    assert isinstance(rnn_a, Params)
    np.testing.assert_array_equal(rnn_a.W_hh, rnn_b.W_hh)
    cell = init_params("gru", 5, 4, seed=7, update_bias=-2.0)
    assert isinstance(cell, gru.GRUParams)
    np.testing.assert_array_equal(cell.b_u, -2.0)
    wide = init_params("rnn", 5, 400, seed=0, recurrent_scale=2.0)
    assert np.std(wide.W_hh) * np.sqrt(400) == pytest.approx(2.0, rel=0.02)
    with pytest.raises(ValueError, match=r"cell must be one of \['rnn', 'gru', 'lstm'\], got 'cnn'"):
        init_params("cnn", 5, 4)


def test_init_params_draws_the_lstm_like_the_other_cells_with_its_forget_gate_open():
    """input_scale and recurrent_scale set all four gates' weights; only the forget gate's bias is not 0."""
    cell = init_params("lstm", 300, 100, Y=2, seed=3, input_scale=0.5, recurrent_scale=2.0)
    assert isinstance(cell, lstm.LSTMParams) and (cell.E, cell.H, cell.Y) == (300, 100, 2)
    assert np.std(cell.W_e) == pytest.approx(0.5, rel=0.02)
    assert np.std(cell.W_h) * np.sqrt(100) == pytest.approx(2.0, rel=0.02)
    assert np.std(cell.W_hy) * np.sqrt(100) == pytest.approx(1.0, rel=0.1)
    np.testing.assert_array_equal(cell.b[100:200], 3.0)  # f: the second block of i, f, g, o
    np.testing.assert_array_equal(np.delete(cell.b, np.s_[100:200]), 0.0)
    np.testing.assert_array_equal(cell.b_y, 0.0)
    np.testing.assert_array_equal(init_params("lstm", 5, 4, forget_bias=-1.5).b[4:8], -1.5)
    np.testing.assert_array_equal(init_params("lstm", 5, 4, seed=7).W_h, init_params("lstm", 5, 4, seed=7).W_h)


@pytest.mark.parametrize("cell, bias, message", [
    ("rnn", "forget_bias", r"forget_bias is the LSTM's forget-gate bias, but cell='rnn' has no forget gate"),
    ("gru", "forget_bias", r"forget_bias is the LSTM's forget-gate bias, but cell='gru' has no forget gate"),
    ("lstm", "update_bias", r"update_bias is the GRU's update-gate bias, but cell='lstm' has no update gate"),
])
def test_init_params_refuses_a_gate_bias_the_cell_does_not_have(cell, bias, message):
    with pytest.raises(ValueError, match=message):
        init_params(cell, 5, 4, **{bias: 1.0})
    with pytest.raises(TypeError, match=rf"{bias} must be a number"):
        init_params(cell, 5, 4, **{bias: "1"})
    with pytest.raises(ValueError, match=rf"{bias} must be a finite number"):
        init_params(cell, 5, 4, **{bias: np.inf})


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("scale", ["input_scale", "recurrent_scale"])
def test_init_params_checks_the_scales_of_either_cell(cell, scale):
    with pytest.raises(ValueError, match=rf"{scale} must be a finite number >= 0, got -1.0"):
        init_params(cell, 5, 4, **{scale: -1.0})
    with pytest.raises(ValueError, match=rf"{scale} must be a finite number >= 0, got nan"):
        init_params(cell, 5, 4, **{scale: np.nan})
    with pytest.raises(TypeError, match=rf"{scale} must be a number, got '1'"):
        init_params(cell, 5, 4, **{scale: "1"})


def test_init_params_refuses_an_update_bias_for_the_plain_rnn():
    for bias in (-3.0, 0, 2.5):  # the GRU's default included: given at all, it would be ignored
        with pytest.raises(ValueError, match=r"update_bias is the GRU's .* cell='rnn' has no update gate"):
            init_params("rnn", 5, 4, update_bias=bias)
    with pytest.raises(TypeError, match=r"update_bias must be a number"):
        init_params("rnn", 5, 4, update_bias="-3")
    assert isinstance(init_params("rnn", 5, 4, update_bias=None), Params)
    np.testing.assert_array_equal(init_params("gru", 5, 4).b_u, -3.0)  # None: the GRU's default −3
    np.testing.assert_array_equal(init_params("gru", 5, 4, update_bias=None).b_u, -3.0)


# ---------------------------------------------------------------- training


@pytest.fixture(scope="module")
def corpus():
    return data.sentiment_corpus()


def test_predict_matches_forward_one_document_at_a_time(corpus):
    params = init_params("gru", len(corpus.vocabulary), 5, seed=1)
    y_hat = predict(params, corpus.test.ids[:20])
    for ids, p in zip(corpus.test.ids[:20], y_hat):
        assert p == gru.forward(params, data.one_hot(ids, params.E)).y_hat[-1, 0]


def test_one_epoch_of_one_batch_is_one_gradient_step():
    rng = np.random.default_rng(0)
    documents = [rng.integers(0, 4, 5) for _ in range(6)]
    y = np.array([1, 0, 1, 1, 0, 0])
    params = small_params(3)
    run = train_classifier(params, documents, y, learning_rate=0.3, epochs=1, batch_size=6)
    X = np.stack([data.one_hot(ids, 4) for ids in documents])
    loss, grads = bptt(params, X, y)
    assert run.loss[0] == pytest.approx(loss) and run.loss[1] == pytest.approx(loss)
    for name, array in params.items():
        np.testing.assert_allclose(getattr(run.params, name), array - 0.3 * getattr(grads, name))
    assert run.gradient_norms == pytest.approx([gradient_norm(grads)])
    assert np.isnan(run.test_accuracy).all()


def test_training_is_deterministic_and_learns_the_sentiment_corpus(corpus):
    V = len(corpus.vocabulary)
    test = (corpus.test.ids, corpus.test.y)
    runs = [
        train_classifier(init_params("rnn", V, 8, seed=0), corpus.train.ids, corpus.train.y,
                         0.5, 16, max_norm=5.0, seed=0, test=test)
        for _ in range(2)
    ]
    np.testing.assert_array_equal(runs[0].loss, runs[1].loss)
    np.testing.assert_array_equal(runs[0].params.W_hh, runs[1].params.W_hh)
    assert runs[0].loss[-1] < 0.5 * runs[0].loss[0]
    assert runs[0].test_accuracy[-1] > 0.8
    assert len(runs[0].gradient_norms) == 16 * sum(
        -(-n // 32) for n in np.unique([len(i) for i in corpus.train.ids], return_counts=True)[1]
    )


def test_bad_training_arguments(corpus):
    params = small_params(E=len(corpus.vocabulary))
    ids, y = corpus.train.ids, corpus.train.y
    with pytest.raises(ValueError, match=r"y has 3 labels but there are"):
        train_classifier(params, ids, y[:3], 0.1, 1)
    with pytest.raises(ValueError, match=r"batch_size must be a whole number >= 1, got 0"):
        train_classifier(params, ids, y, 0.1, 1, batch_size=0)
    with pytest.raises(ValueError, match=r"learning_rate must be a finite number > 0"):
        train_classifier(params, ids, y, -0.1, 1)
    with pytest.raises(ValueError, match=r"ids must hold ids in 0 … 3"):
        train_classifier(small_params(E=4), ids, y, 0.1, 1)
    with pytest.raises(TypeError,
                       match=r"params must be the weights of a cell \(an rnn_lib.Params, GRUParams or LSTMParams\)"):
        predict({"W_eh": 1}, ids)
    with pytest.raises(ValueError, match=r"documents is empty"):
        predict(params, [])


# ---------------------------------------------------------------- the bag-of-words baseline


def test_bag_of_words_counts_tokens():
    counts = baseline.bag_of_words([np.array([0, 2, 2]), np.array([1])], 3)
    np.testing.assert_array_equal(counts, [[1, 0, 2], [0, 1, 0]])


def test_bag_of_words_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    counts = rng.integers(0, 3, (10, 4)).astype(float)
    y = rng.integers(0, 2, 10).astype(float)
    w, b, l2 = rng.normal(size=4), 0.3, 0.01
    _, d_w, d_b = baseline._loss_and_grads(counts, y, w, b, l2)
    np.testing.assert_allclose(
        d_w, numerical_gradient(lambda v: baseline._loss_and_grads(counts, y, v, b, l2)[0], w), rtol=1e-7
    )
    assert d_b == pytest.approx(
        numerical_gradient(lambda v: baseline._loss_and_grads(counts, y, w, v, l2)[0], b), rel=1e-7
    )


def test_bag_of_words_ignores_order_and_so_fails_the_but_twins(corpus):
    model = baseline.fit_bag_of_ngrams(corpus.train.ids, corpus.train.y, len(corpus.vocabulary))
    assert model.loss[-1] < model.loss[0]
    twins = corpus.test.select(np.array([k == "but" for k in corpus.test.kinds]))
    p = model.predict(twins.ids)
    np.testing.assert_allclose(p[::2], p[1::2], rtol=1e-12)  # same words, same prediction
    assert np.mean((p > 0.5) == twins.y) == 0.5


def test_ngrams_of_a_hand_example():
    assert baseline.ngrams(np.array([4, 7, 9]), 2) == [(4,), (7,), (9,), (4, 7), (7, 9)]
    assert baseline.ngrams([4, 7], 3) == [(4,), (7,), (4, 7)]  # no run longer than the document


def test_bag_of_ngrams_counts_a_hand_example():
    # "a b a b" and "b a": ids a = 0, b = 1, c = 2; c never occurs
    training = [np.array([0, 1, 0, 1]), np.array([1, 0])]
    bag = baseline.ngram_bag(training, 3, 2)
    assert bag.grams == ((0,), (1,), (2,), (0, 1), (1, 0))
    np.testing.assert_array_equal(bag.counts(training), [[2, 2, 0, 2, 1], [1, 1, 0, 0, 1]])
    np.testing.assert_array_equal(bag.counts([np.array([2, 2, 1])]), [[0, 1, 2, 0, 0]])  # (2, 2), (2, 1) unseen
    trigrams = baseline.ngram_bag(training, 3, 3)
    assert trigrams.grams[5:] == ((0, 1, 0), (1, 0, 1))
    np.testing.assert_array_equal(trigrams.counts(training)[:, 5:], [[1, 1], [0, 0]])


def test_a_bag_of_one_grams_is_the_bag_of_words():
    rng = np.random.default_rng(0)
    documents = [rng.integers(0, 5, int(rng.integers(1, 8))) for _ in range(10)]
    counts = baseline.ngram_bag(documents[:3], 5, 1).counts(documents)
    np.testing.assert_array_equal(counts, baseline.bag_of_words(documents, 5))
    np.testing.assert_array_equal(counts.sum(axis=1), [len(d) for d in documents])


def test_trigrams_read_a_negation_that_fits_in_their_window_and_a_bag_of_words_cannot(corpus):
    V = len(corpus.vocabulary)
    scores = [corpus.test.accuracy_by_kind(baseline.fit_bag_of_ngrams(corpus.train.ids, corpus.train.y, V, n=n)
                                           .predict(corpus.test.ids)) for n in (1, 3)]
    assert scores[0]["negated"] < 0.5 < 0.9 < scores[1]["negated"]  # "not love" is a bigram


def test_bad_baseline_arguments():
    with pytest.raises(ValueError, match=r"documents\[1\] must hold ids in 0 … 2"):
        baseline.bag_of_words([np.array([0]), np.array([3])], 3)
    with pytest.raises(ValueError, match=r"y has 1 labels but there are 2 documents"):
        baseline.fit_bag_of_ngrams([np.array([0]), np.array([1])], [1], 3)
    with pytest.raises(ValueError, match=r"y must hold labels 0 or 1"):
        baseline.fit_bag_of_ngrams([np.array([0])], [0.5], 3)
    with pytest.raises(ValueError, match=r"n must be a whole number >= 1, got 0"):
        baseline.fit_bag_of_ngrams([np.array([0])], [1], 3, n=0)
    with pytest.raises(TypeError, match=r"n must be a whole number >= 1, got 2.0"):
        baseline.ngram_bag([np.array([0])], 3, 2.0)
    with pytest.raises(TypeError, match=r"ids must hold token ids as whole numbers"):
        baseline.ngrams([0.5, 1.0], 2)
    with pytest.raises(ValueError, match=r"documents\[0\] must hold ids in 0 … 2"):
        baseline.ngram_bag([np.array([0, 3])], 3, 2)
    with pytest.raises(ValueError, match=r"documents\[1\] must hold ids in 0 … 2"):
        baseline.ngram_bag([np.array([0])], 3, 2).counts([np.array([1]), np.array([-1])])


def test_an_empty_list_is_no_ids():
    assert data.one_hot([], 3).shape == (0, 3)


@pytest.mark.parametrize("ids", [np.array([0.0, 1.0]), ["a"], np.array([True])])
def test_ids_of_a_wrong_dtype_are_a_type_error_for_the_baseline_as_for_one_hot(ids):
    with pytest.raises(TypeError, match=r"ids must hold token ids as whole numbers"):
        data.one_hot(ids, 3)
    with pytest.raises(TypeError, match=r"documents\[1\] must hold token ids as whole numbers"):
        baseline.bag_of_words([np.array([0]), ids], 3)
    with pytest.raises(ValueError, match=r"documents\[1\] must have 1 dimensions, got 2 \(shape \(1, 1\)\)"):
        baseline.bag_of_words([np.array([0]), np.array([[0]])], 3)


# ---------------------------------------------------------------- long-range measurements


def finite_difference_reach(params, ids, y, step):
    """‖∂L/∂(rows of the token at ``step`` in every input weight)‖ by central differences of the loss."""
    token = ids[step - 1]
    X = data.one_hot(ids, params.E)
    widths = [getattr(params, name).shape[1] for name in params.input_weights]

    def loss_with_rows(rows):
        changed = {}
        for name, row in zip(params.input_weights, np.split(rows, np.cumsum(widths)[:-1])):
            W = getattr(params, name).copy()
            W[token] = row
            changed[name] = W
        return params.replace(**changed).evaluate_loss(X, y)

    rows = np.concatenate([getattr(params, n)[token] for n in params.input_weights])
    return np.linalg.norm(numerical_gradient(loss_with_rows, rows))


@pytest.mark.parametrize("cell", CELLS)
def test_gradient_to_token_is_the_embedding_rows_gradient(cell):
    """Against finite differences of the loss in the token's embedding rows (for the LSTM, one row of 4H)."""
    corpus = data.long_range_corpus(3, n_train=1, n_test=1)
    ids, y = corpus.test.ids[0], corpus.test.y[0]
    V = len(corpus.vocabulary)
    starts = [init_params(cell, V, 4, seed=2)] + ([lstm.init_params(V, 4, seed=2)] if cell == "lstm" else [])
    for params in starts:  # the LSTM also from PyTorch's uniform draw
        step = len(ids) - 3
        expected = finite_difference_reach(params, ids, y, step)
        assert memory.gradient_to_token(params, ids, y, step) == pytest.approx(expected, rel=1e-7)


@pytest.mark.parametrize("cell", CELLS)
def test_deciding_word_gradients_are_finite_differences_of_each_document(cell):
    """Every document's entry, against central differences in the deciding word's rows (n = 5, three documents)."""
    corpus = data.long_range_corpus(5, n_train=1, n_test=3)
    params = init_params(cell, len(corpus.vocabulary), 4, seed=1, input_scale=0.5)
    reach = memory.deciding_word_gradients(params, corpus.test, 5)
    expected = [finite_difference_reach(params, ids, y, len(ids) - 5) for ids, y in zip(corpus.test.ids, corpus.test.y)]
    np.testing.assert_allclose(reach, expected, rtol=1e-6)
    assert (reach > 1e-6).all()  # a real gradient, not two zeros that agree


def test_gradient_to_token_refuses_a_repeated_token():
    params = small_params(E=4)
    with pytest.raises(ValueError, match=r"the token at step 1 \(id 2\) occurs 2 times"):
        memory.gradient_to_token(params, np.array([2, 1, 2]), 1, 1)
    with pytest.raises(ValueError, match=r"step must be a whole number in 1 … 3"):
        memory.gradient_to_token(params, np.array([2, 1, 0]), 1, 4)


def test_the_plain_rnn_gradient_vanishes_with_the_distance_and_the_gru_one_does_not():
    ratios = {}
    for cell in ("rnn", "gru"):
        params = init_params(cell, 21, 16, seed=0)
        means = [
            memory.deciding_word_gradients(params, data.long_range_corpus(n, 1, 16).test, n).mean()
            for n in (4, 16)
        ]
        ratios[cell] = means[1] / means[0]
    assert ratios["rnn"] < 1e-2 < 0.2 < ratios["gru"]


def test_accuracy_against_distance_is_the_held_out_accuracy_of_each_run():
    """Each entry is one training run, distance by row and seed by column, scored on held-out documents."""
    table = memory.accuracy_against_distance("rnn", [1, 2], [0, 3], 0.5, 1, H=4)
    assert table.shape == (2, 2)
    for i, n in enumerate([1, 2]):
        corpus = data.long_range_corpus(n)
        for j, seed in enumerate([0, 3]):
            start = init_params("rnn", len(corpus.vocabulary), 4, seed=seed)
            run = train_classifier(start, corpus.train.ids, corpus.train.y, 0.5, 1, max_norm=5.0, seed=seed)
            V = len(corpus.vocabulary)
            predictions = np.array([forward(run.params, data.one_hot(ids, V)).y_hat[-1, 0]
                                    for ids in corpus.test.ids]) > 0.5
            assert table[i, j] == np.mean(predictions == corpus.test.y), (n, seed)
    np.testing.assert_array_equal(table, memory.accuracy_against_distance("rnn", [1, 2], [0, 3], 0.5, 1, H=4))


def test_accuracy_against_distance_trains_an_lstm_from_init_params():
    """The LSTM's run is train_classifier from init_params("lstm", ..., forget_bias), scored on held-out documents."""
    table = memory.accuracy_against_distance("lstm", [2], [1], 1.0, 1, H=3, forget_bias=1.0)
    corpus = data.long_range_corpus(2)
    start = init_params("lstm", len(corpus.vocabulary), 3, seed=1, forget_bias=1.0)
    run = train_classifier(start, corpus.train.ids, corpus.train.y, 1.0, 1, max_norm=5.0, seed=1)
    assert table[0, 0] == np.mean((predict(run.params, corpus.test.ids) > 0.5) == corpus.test.y)


def test_deciding_word_gradients_checks_the_distance_against_the_documents():
    params = init_params("rnn", 21, 4, seed=0)
    documents = data.long_range_corpus(3, n_train=1, n_test=4).test  # T = 6, the deciding word at step 3
    for n in (1, 2, 4, 5):
        with pytest.raises(ValueError, match=rf"distance = {n} does not match the documents"):
            memory.deciding_word_gradients(params, documents, n)
    # T = 6 too, but the deciding word 1 step before the end: the length alone would not tell
    shifted = data.long_range_corpus(1, n_train=1, n_test=4, lead=4).test
    with pytest.raises(ValueError, match=r"distance = 3 does not match the documents"):
        memory.deciding_word_gradients(params, shifted, 3)
    with pytest.raises(ValueError, match=r"distance = 2 does not match the documents"):
        memory.deciding_word_gradients(params, data.sentiment_corpus().test, 2)
    with pytest.raises(TypeError, match=r"documents must be an rnn_lib.data.Documents, got tuple"):
        memory.deciding_word_gradients(params, documents.ids, 3)
    for corpus in (documents, data.long_range_corpus(3, n_train=1, n_test=4, lead=0).test):  # any lead
        expected = [memory.gradient_to_token(params, ids, y, len(ids) - 3) for ids, y in zip(corpus.ids, corpus.y)]
        np.testing.assert_array_equal(memory.deciding_word_gradients(params, corpus, 3), expected)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: memory.accuracy_against_distance("rnn", [2.7], [0], 0.5, 0), TypeError,
         r"distances\[0\] must be a whole number >= 1, got 2.7"),
        (lambda: memory.accuracy_against_distance("rnn", np.array([2.0]), [0], 0.5, 0), TypeError,
         r"distances\[0\] must be a whole number >= 1, got 2.0"),
        (lambda: memory.accuracy_against_distance("rnn", [2], [0, 1.5], 0.5, 0), TypeError,
         r"seeds\[1\] must be a whole number >= 0, got 1.5"),
        (lambda: memory.accuracy_against_distance("rnn", [0], [0], 0.5, 0), ValueError,
         r"distances\[0\] must be a whole number >= 1, got 0"),
        (lambda: memory.accuracy_against_distance("rnn", [2], [-1], 0.5, 0), ValueError,
         r"seeds\[0\] must be a whole number >= 0, got -1"),
        (lambda: memory.accuracy_against_distance("rnn", [], [0], 0.5, 0), ValueError, r"distances is empty"),
        (lambda: memory.accuracy_against_distance("rnn", [2], np.array([], dtype=int), 0.5, 0), ValueError,
         r"seeds is empty"),
        (lambda: memory.accuracy_against_distance("rnn", 2, [0], 0.5, 0), TypeError,
         r"distances must be a list or 1-D array"),
        (lambda: memory.accuracy_against_distance("rnn", np.array([[2]]), [0], 0.5, 0), ValueError,
         r"distances must be a 1-D array of whole numbers, got shape \(1, 1\)"),
        (lambda: memory.accuracy_against_distance("cnn", [], [0], 0.5, 0), ValueError,
         r"cell must be one of \['rnn', 'gru', 'lstm'\]"),
        (lambda: memory.accuracy_against_distance("lstm", [2], [0], 0.5, 0, update_bias=-3.0), ValueError,
         r"update_bias is the GRU's update-gate bias, but cell='lstm' has no update gate"),
        (lambda: memory.accuracy_against_distance(None, [2], [], 0.5, 0), TypeError, r"cell must be one of"),
    ],
)
def test_accuracy_against_distance_checks_every_distance_seed_and_the_cell_first(call, error, message):
    with pytest.raises(error, match=message):
        call()
