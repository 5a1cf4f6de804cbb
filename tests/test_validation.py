"""One rule for bad input, for every public function: a wrong type raises TypeError, a wrong value
ValueError, and the message names the argument. The table below has a row of each kind for every
public function and class of rnn_lib; a function added without its rows fails the last test."""

import importlib
import inspect
import pkgutil

import numpy as np
import pytest

import rnn_lib
import rnn_lib.analysis
from rnn_lib import activations, data, first_names, gradcheck, gru, language, loss, lstm, rnn, train
from rnn_lib.analysis import baseline, jacobians, memory, ngram, overlap, vanishing

EXAMPLE = rnn_lib.worked_example()
P, X, Y = EXAMPLE.params, EXAMPLE.X, EXAMPLE.y
TRACE = rnn_lib.forward(P, X)
GRU = gru.init_params(3, 2)
LSTM = lstm.init_params(3, 2)
STEPS = jacobians.step_jacobians(P, TRACE)
CORPUS = data.long_range_corpus(2, n_train=4, n_test=2)
DOCS = CORPUS.train.ids
V = len(CORPUS.vocabulary)
NET = train.init_params("rnn", V, 3)
LM = train.init_params("rnn", 4, 3, Y=4)
STREAM = np.array([[0, 1, 2, 3, 0, 1]])

# (function, a call with an argument of the wrong type, a call with a wrong value, the argument named)
CASES = {
    activations.sigmoid: (lambda: activations.sigmoid("a"), lambda: activations.sigmoid(np.nan), "x"),
    activations.sigmoid_prime: (lambda: activations.sigmoid_prime(None), lambda: activations.sigmoid_prime([np.nan]), "x"),
    activations.tanh: (lambda: activations.tanh("a"), lambda: activations.tanh(np.nan), "x"),
    activations.tanh_prime: (lambda: activations.tanh_prime("a"), lambda: activations.tanh_prime(np.nan), "x"),
    activations.softplus: (lambda: activations.softplus("a"), lambda: activations.softplus(np.nan), "x"),
    activations.softmax: (lambda: activations.softmax("a"), lambda: activations.softmax([1.0, np.inf]), "x"),
    loss.log_loss: (lambda: loss.log_loss(1, "half"), lambda: loss.log_loss(1, 1.5), "p"),
    loss.bce_with_logits: (lambda: loss.bce_with_logits(1, "a"), lambda: loss.bce_with_logits(1, np.nan), "o"),
    loss.log_loss_from_logit: (lambda: loss.log_loss_from_logit(1, 0.0, base="e"),
                               lambda: loss.log_loss_from_logit(1, 0.0, base=1), "base"),
    rnn.Params: (lambda: rnn.Params(P.W_eh, "W", P.W_hy), lambda: rnn.Params(P.W_eh, P.W_hh[:1], P.W_hy), "W_hh"),
    rnn.forward: (lambda: rnn.forward(P, "X"), lambda: rnn.forward(P, X[:, :2]), "X"),
    rnn.step_contributions: (lambda: rnn.step_contributions(P, X, h0="h"), lambda: rnn.step_contributions(P, X, np.ones(3)), "h0"),
    rnn.bptt: (lambda: rnn.bptt(P, X, Y, loss_on=1), lambda: rnn.bptt(P, X, Y, loss_on="first"), "loss_on"),
    rnn.evaluate_loss: (lambda: rnn.evaluate_loss(P, X, "y"), lambda: rnn.evaluate_loss(P, X, 2), "y"),
    rnn.backward: (lambda: rnn.backward(P, X, TRACE.h, np.zeros((4, 1))), lambda: rnn.backward(P, X, TRACE, np.zeros((3, 1))), "trace|dL_do"),
    language.next_token_bptt: (lambda: language.next_token_bptt(LM, np.eye(4), [0.0, 1.0, 2.0, 3.0]),
                               lambda: language.next_token_bptt(LM, np.eye(4), [0, 1, 2, 4]), "targets"),
    language.next_token_probabilities: (lambda: language.next_token_probabilities(LM, np.eye(4), temperature="1"),
                                        lambda: language.next_token_probabilities(LM, np.eye(4), temperature=-1), "temperature"),
    language.sample_tokens: (lambda: language.sample_tokens(LM, np.eye(4), [0], 5, seed=0.5),
                             lambda: language.sample_tokens(LM, np.eye(4), [0], 5, seed=-1), "seed"),
    language.token_stream: (lambda: language.token_stream([[0, 1]], rows="1"), lambda: language.token_stream([[0, 1]], rows=0), "rows"),
    language.train_language_model: (lambda: language.train_language_model(LM, STREAM, 0.1, chunk_length=2.0),
                                    lambda: language.train_language_model(LM, STREAM, 0.1, chunk_length=0), "chunk_length"),
    language.train_by_epoch: (lambda: language.train_by_epoch(LM, STREAM, [(0.1, 1)], 2, [[0, 3]], start="3"),
                              lambda: language.train_by_epoch(LM, STREAM, [(0.1, 1)], 2, [[0, 3]], start=7), "start"),
    language.per_token_loss: (lambda: language.per_token_loss(LM, [[0, 3]], start=3.0), lambda: language.per_token_loss(LM, [[0, 3]], start=4), "start"),
    first_names.names_corpus: (lambda: first_names.names_corpus(test_fraction="0.1"),
                               lambda: first_names.names_corpus(test_fraction=0), "test_fraction"),
    ngram.fit_ngram: (lambda: ngram.fit_ngram([[0, 1]], 2, order=1.0, start=1), lambda: ngram.fit_ngram([[0, 1]], 2, order=-1, start=1), "order"),
    ngram.ngram_perplexity: (lambda: ngram.ngram_perplexity(ngram.fit_ngram([[0, 1]], 2, 1, 1), [[0.5]]),
                             lambda: ngram.ngram_perplexity(ngram.fit_ngram([[0, 1]], 2, 1, 1), [[2]]), "documents"),
    gru.GRUParams: (lambda: GRU.replace(W_er="w"), lambda: GRU.replace(W_er=np.ones((2, 2))), "W_er"),
    gru.init_params: (lambda: gru.init_params(3, "2"), lambda: gru.init_params(3, 0), "H"),
    gru.forward: (lambda: gru.forward(P, X), lambda: gru.forward(GRU, X[:, :2]), "params|X"),
    gru.bptt: (lambda: gru.bptt(GRU, X, Y, h0="h"), lambda: gru.bptt(GRU, X, Y, h0=np.ones(5)), "h0"),
    gru.backward: (lambda: gru.backward(GRU, X, TRACE, np.zeros((4, 1))),
                    lambda: gru.backward(GRU, X, GRU.forward(X), np.zeros((3, 1))), "trace|dL_do"),
    gru.evaluate_loss: (lambda: gru.evaluate_loss(GRU, X, "y"), lambda: gru.evaluate_loss(GRU, X, 0.5), "y"),
    lstm.LSTMParams: (lambda: LSTM.replace(W_h="w"), lambda: LSTM.replace(W_h=np.ones((2, 2))), "W_h"),
    lstm.init_params: (lambda: lstm.init_params(3, 2, forget_bias="1"), lambda: lstm.init_params(3, 2, forget_bias=np.inf),
                       "forget_bias"),
    lstm.forward: (lambda: lstm.forward(GRU, X), lambda: lstm.forward(LSTM, X, c0=np.ones(3)), "params|c0"),
    lstm.bptt: (lambda: lstm.bptt(LSTM, X, Y, c0="c"), lambda: lstm.bptt(LSTM, X, Y, loss_on="first"), "c0|loss_on"),
    lstm.backward: (lambda: lstm.backward(LSTM, X, TRACE, np.zeros((4, 1))),
                     lambda: lstm.backward(LSTM, X, LSTM.forward(X), np.zeros((3, 1))), "trace|dL_do"),
    lstm.evaluate_loss: (lambda: lstm.evaluate_loss(LSTM, X, "y"), lambda: lstm.evaluate_loss(LSTM, X, 0.5), "y"),
    gradcheck.numerical_gradient: (lambda: gradcheck.numerical_gradient("f", 1.0),
                                   lambda: gradcheck.numerical_gradient(np.sin, 1.0, eps=0), "f|eps"),
    gradcheck.numerical_grads: (lambda: gradcheck.numerical_grads({"W_eh": 1}, X, Y),
                                lambda: gradcheck.numerical_grads(P, X, Y, eps=-1), "params|eps"),
    gradcheck.relative_error: (lambda: gradcheck.relative_error("a", 1), lambda: gradcheck.relative_error([1, 2], [1, 2, 3]), "a|b"),
    gradcheck.check_gradients: (lambda: gradcheck.check_gradients(P, X, Y, eps="e"),
                                lambda: gradcheck.check_gradients(P, X, Y, eps=0), "eps"),
    train.gradient_step: (lambda: train.gradient_step(P, P, "a"), lambda: train.gradient_step(P, P, -1), "learning_rate"),
    train.gradient_descent: (lambda: train.gradient_descent(P, X, Y, "fast", 2),
                             lambda: train.gradient_descent(P, X, Y, 0.1, -2), "learning_rate|steps"),
    train.updates_to_reach: (lambda: train.updates_to_reach(P, X, Y, 0.5, "high"),
                             lambda: train.updates_to_reach(P, X, Y, 0.5, 1.2), "target"),
    train.updates_needed: (lambda: train.updates_needed(P, X, Y, [0.5], [0.8], max_steps=2.5),
                           lambda: train.updates_needed(P, X, Y, [0.5], [0.8], max_steps=-1), "max_steps"),
    train.learning_rate_to_reach: (lambda: train.learning_rate_to_reach(P, X, Y, 0.8, steps="1"),
                                   lambda: train.learning_rate_to_reach(P, X, Y, 0.8, steps=0), "steps"),
    train.gradient_norm: (lambda: train.gradient_norm([1, 2]), lambda: train.gradient_norm(P.replace(W_eh=P.W_eh * np.nan)), "grads|W_eh"),
    train.clip_gradients: (lambda: train.clip_gradients(P, "1"), lambda: train.clip_gradients(P, 0), "max_norm"),
    train.init_params: (lambda: train.init_params(3, 3, 2), lambda: train.init_params("lstm-ish", 3, 2), "cell"),
    train.predict: (lambda: train.predict({"W_eh": 1}, DOCS), lambda: train.predict(NET, []), "params|documents"),
    train.accuracy: (lambda: train.accuracy(NET, DOCS, "y"), lambda: train.accuracy(NET, DOCS, CORPUS.train.y[:2]), "y"),
    train.chunk_slices: (lambda: train.chunk_slices(5, 2, align=1), lambda: train.chunk_slices(5, 0), "align|K"),
    train.chunked_bptt: (lambda: train.chunked_bptt(P, X, Y, 2.5), lambda: train.chunked_bptt(P, X, Y, 0), "K"),
    train.train_classifier: (lambda: train.train_classifier(NET, DOCS, CORPUS.train.y, 0.1, epochs=1.5),
                             lambda: train.train_classifier(NET, DOCS, CORPUS.train.y, 0.1, epochs=-1), "epochs"),
    data.tokenize: (lambda: data.tokenize(["I"]), lambda: data.tokenize("   "), "text"),
    data.Vocabulary: (lambda: data.Vocabulary([1, 2]), lambda: data.Vocabulary([]), "tokens"),
    data.embed: (lambda: data.embed(["I"], EXAMPLE.vocabulary, "E"), lambda: data.embed(["I"], EXAMPLE.vocabulary, np.ones((2, 3))), "embeddings"),
    data.worked_example: None,  # takes no argument
    data.embedding_weight_fits: (lambda: data.embedding_weight_fits([0.5]), lambda: data.embedding_weight_fits([]), "values"),
    jacobians.scaled_orthogonal_rnn: (lambda: jacobians.scaled_orthogonal_rnn("2"),
                                      lambda: jacobians.scaled_orthogonal_rnn(-1.0), "scale"),
    data.one_hot: (lambda: data.one_hot([0, 1], "4"), lambda: data.one_hot([0, 1], 0), "size"),
    data.sentiment_corpus: (lambda: data.sentiment_corpus(seed=1.5), lambda: data.sentiment_corpus(seed=-1), "seed"),
    data.long_range_corpus: (lambda: data.long_range_corpus(2.5), lambda: data.long_range_corpus(0), "distance"),
    baseline.bag_of_words: (lambda: baseline.bag_of_words(DOCS, "21"), lambda: baseline.bag_of_words(DOCS, 3), "size|documents"),
    baseline.ngrams: (lambda: baseline.ngrams(DOCS[0], "2"), lambda: baseline.ngrams(DOCS[0], 0), "n"),
    baseline.ngram_bag: (lambda: baseline.ngram_bag(DOCS, V, 1.5), lambda: baseline.ngram_bag(DOCS, V, 0), "n"),
    baseline.fit_bag_of_ngrams: (lambda: baseline.fit_bag_of_ngrams(DOCS, CORPUS.train.y, V, l2="0"),
                                 lambda: baseline.fit_bag_of_ngrams(DOCS, CORPUS.train.y, V, l2=-1), "l2"),
    overlap.nearest_distances: (lambda: overlap.nearest_distances("I love cats", ["I"]),
                                lambda: overlap.nearest_distances(["I"], []), "held_out|training"),
    jacobians.step_jacobians: (lambda: jacobians.step_jacobians(P, TRACE.h), lambda: jacobians.step_jacobians(NET, TRACE), "trace"),
    jacobians.jacobian_product: (lambda: jacobians.jacobian_product(STEPS, 2, 1.0), lambda: jacobians.jacobian_product(STEPS, 2, 3), "k"),
    jacobians.immediate_dh_dW_hh: (lambda: jacobians.immediate_dh_dW_hh(TRACE, "1"), lambda: jacobians.immediate_dh_dW_hh(TRACE, 0), "k"),
    jacobians.whh_gradient_terms: (lambda: jacobians.whh_gradient_terms(P, X, Y, loss_on=None),
                                   lambda: jacobians.whh_gradient_terms(P, np.stack([X, X]), [1, 1]), "loss_on|X"),
    jacobians.truncated_bptt_whh: (lambda: jacobians.truncated_bptt_whh(P, X, Y, 1.5), lambda: jacobians.truncated_bptt_whh(P, X, Y, 0), "K"),
    jacobians.truncation_errors: (lambda: jacobians.truncation_errors(P, X, Y, 3), lambda: jacobians.truncation_errors(P, X, Y, []), "Ks"),
    memory.gradient_to_token: (lambda: memory.gradient_to_token(NET, DOCS[0], 1, 1.5), lambda: memory.gradient_to_token(NET, DOCS[0], 1, 99), "step"),
    memory.deciding_word_gradients: (lambda: memory.deciding_word_gradients(NET, CORPUS.test, "2"),
                                     lambda: memory.deciding_word_gradients(NET, CORPUS.test, 0), "distance"),
    memory.accuracy_against_distance: (lambda: memory.accuracy_against_distance(3, [2], [0], 0.1, 1),
                                lambda: memory.accuracy_against_distance("cnn", [2], [0], 0.1, 1), "cell"),
    vanishing.scalar_rnn_states: (lambda: vanishing.scalar_rnn_states(2.0, 0.5, "3"), lambda: vanishing.scalar_rnn_states(2.0, 0.5, -1), "T"),
    vanishing.scalar_step_factors: (lambda: vanishing.scalar_step_factors(2.0, 0.5, 3, activation=1),
                                    lambda: vanishing.scalar_step_factors(2.0, 0.5, 3, activation="relu"), "activation"),
    vanishing.scalar_gradient_product: (lambda: vanishing.scalar_gradient_product("w", 0.5, 3),
                                        lambda: vanishing.scalar_gradient_product(np.nan, 0.5, 3), "w"),
    vanishing.gradient_bound: (lambda: vanishing.gradient_bound(2.0, 3.5), lambda: vanishing.gradient_bound(2.0, -1), "distance"),
    vanishing.gradient_curves: (lambda: vanishing.gradient_curves([2.0], 0.5, "9"), lambda: vanishing.gradient_curves([2.0], 0.5, -1), "distance"),
    vanishing.gradient_magnitudes: (lambda: vanishing.gradient_magnitudes(2.0, 0.5, [1], start=0.5),
                                    lambda: vanishing.gradient_magnitudes(2.0, 0.5, [1], start=-1), "start"),
    vanishing.largest_gradients: (lambda: vanishing.largest_gradients(2.0, 0.5, 5), lambda: vanishing.largest_gradients(2.0, 0.5, []), "distances"),
    vanishing.long_run_factor: (lambda: vanishing.long_run_factor(2.0, steps=1.5), lambda: vanishing.long_run_factor(2.0, steps=0), "steps"),
    vanishing.fixed_point: (lambda: vanishing.fixed_point("w"), lambda: vanishing.fixed_point(np.inf), "w"),
    vanishing.fixed_point_factor: (lambda: vanishing.fixed_point_factor("w"), lambda: vanishing.fixed_point_factor(np.nan), "w"),
    vanishing.period_doubling_weight: None,  # takes no argument
    vanishing.spectral_radius: (lambda: vanishing.spectral_radius("W"), lambda: vanishing.spectral_radius(np.ones((2, 3))), "W"),
    vanishing.scale_to_spectral_radius: (lambda: vanishing.scale_to_spectral_radius(np.eye(2), "1"),
                                         lambda: vanishing.scale_to_spectral_radius(np.eye(2), 0), "rho"),
    vanishing.tanh_rnn_states: (lambda: vanishing.tanh_rnn_states(np.eye(2), np.zeros(2), "3"),
                                lambda: vanishing.tanh_rnn_states(np.eye(2), np.zeros(2), -1), "T"),
    vanishing.jacobian_chain: (lambda: vanishing.jacobian_chain(np.eye(2), distance="3"),
                               lambda: vanishing.jacobian_chain(np.eye(2), distance=-1), "distance"),
    vanishing.jacobian_product_norms: (lambda: vanishing.jacobian_product_norms("W", distance=3),
                                       lambda: vanishing.jacobian_product_norms(np.ones((2, 3)), distance=3), "W_hh"),
}


@pytest.mark.parametrize("function", [f for f, case in CASES.items() if case], ids=lambda f: f.__qualname__)
def test_a_wrong_type_raises_type_error_and_a_wrong_value_value_error(function):
    wrong_type, wrong_value, argument = CASES[function]
    with pytest.raises(TypeError, match=rf"\b({argument})\b"):
        wrong_type()
    with pytest.raises(ValueError, match=rf"\b({argument})\b"):
        wrong_value()


DATA_HOLDERS = {"Trace", "Contributions", "GRUTrace", "LSTMTrace", "History", "TrainingRun", "WorkedExample",
                "Documents", "Corpus", "BagOfNgrams", "NgramBag", "Cell", "LanguageRun", "EpochRun", "NamesCorpus", "NGramModel"}


def public_functions():
    modules = [m.name for m in pkgutil.iter_modules(rnn_lib.__path__) if m.name not in ("checks", "cell")]
    modules = [f"rnn_lib.{m}" for m in modules] + [f"rnn_lib.analysis.{m.name}"
                                                   for m in pkgutil.iter_modules(rnn_lib.analysis.__path__)]
    for name in modules:
        module = importlib.import_module(name)
        if hasattr(module, "__path__"):
            continue
        for attribute, value in vars(module).items():
            if (not attribute.startswith("_") and (inspect.isfunction(value) or inspect.isclass(value))
                    and value.__module__ == name and attribute not in DATA_HOLDERS):
                yield value


def test_every_public_function_has_its_rows():
    missing = [f"{f.__module__}.{f.__qualname__}" for f in public_functions() if f not in CASES]
    assert not missing, missing
