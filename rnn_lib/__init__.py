"""rnn_lib: the small numpy RNN behind *Recurrent Neural Networks, Step by Step*.

Each module holds one idea of the book:

- ``activations``: sigmoid and tanh with their derivatives, softmax
- ``rnn``: Params, the forward pass and backpropagation through time (from any dL/do)
- ``loss``: binary cross-entropy in any log base
- ``gradcheck``: finite-difference gradients
- ``train``: gradient descent; mini-batch training with gradient clipping; truncated BPTT in chunks
- ``data``: tokens, vocabulary, embeddings, the slides' worked example, generated corpora
- ``first_names``: a real corpus, the 1990 US Census first names, split by name
- ``language``: next-token prediction (softmax over V tokens) for any cell, sampling, truncated BPTT in chunks
- ``gru``: the gated recurrent unit, forward pass and BPTT (``from rnn_lib import gru``)
- ``lstm``: the long short-term memory, forward pass and BPTT (``from rnn_lib import lstm``)
- ``analysis``: vanishing and exploding gradients, slide 10 term by term, long-range
  memory, bag-of-words and n-gram baselines, n-gram language models
  (``from rnn_lib.analysis import vanishing``)

The API has one shape: ``import rnn_lib`` gives every public name of the model's
modules (activations, cell, data, first_names, gradcheck, language, loss, rnn, train), as
``rnn_lib.forward``, ``rnn_lib.train_classifier``; the other cells and the analyses are namespaces, because
their names would clash or are not the model: ``rnn_lib.gru.forward``,
``rnn_lib.lstm.forward``, ``rnn_lib.analysis.vanishing.gradient_bound``. One exception,
named so that nothing clashes: the LSTM's weights and its two passes are also
``rnn_lib.LSTMParams``, ``rnn_lib.lstm_forward`` and ``rnn_lib.lstm_bptt`` (the very
objects ``rnn_lib.lstm.LSTMParams``, ``.forward`` and ``.bptt``), as issue 13 asked.
(``rnn_lib.cell``'s check helpers are for writing a new cell, not for users.)

It needs numpy only. The book's figures, widgets and notebook helpers are the
separate package ``rnn_book`` (matplotlib and ipywidgets: the ``book`` extra).
"""

from .activations import sigmoid, sigmoid_prime, softmax, softplus, tanh, tanh_prime
from .cell import Cell
from .data import (
    EOS,
    Corpus,
    Documents,
    Vocabulary,
    WorkedExample,
    embed,
    embedding_weight_fits,
    long_range_corpus,
    one_hot,
    sentiment_corpus,
    tokenize,
    worked_example,
)
from .first_names import NamesCorpus, names_corpus
from .gradcheck import check_gradients, numerical_gradient, numerical_grads, relative_error
from .language import (
    EpochRun,
    LanguageRun,
    next_token_bptt,
    next_token_probabilities,
    per_token_loss,
    sample_tokens,
    token_stream,
    train_by_epoch,
    train_language_model,
)
from .loss import bce_with_logits, log_loss, log_loss_from_logit
from .lstm import LSTMParams
from .lstm import bptt as lstm_bptt
from .lstm import forward as lstm_forward
from .rnn import Contributions, Params, Trace, backward, bptt, evaluate_loss, forward, step_contributions
from .train import (
    History,
    TrainingRun,
    accuracy,
    chunk_slices,
    chunked_bptt,
    clip_gradients,
    gradient_descent,
    gradient_norm,
    gradient_step,
    init_params,
    learning_rate_to_reach,
    predict,
    train_classifier,
    updates_needed,
    updates_to_reach,
)

__all__ = [
    "EOS",
    "Cell",
    "Contributions",
    "Corpus",
    "Documents",
    "History",
    "LSTMParams",
    "EpochRun",
    "LanguageRun",
    "NamesCorpus",
    "Params",
    "Trace",
    "TrainingRun",
    "Vocabulary",
    "WorkedExample",
    "accuracy",
    "backward",
    "bce_with_logits",
    "bptt",
    "check_gradients",
    "chunk_slices",
    "chunked_bptt",
    "clip_gradients",
    "embed",
    "embedding_weight_fits",
    "evaluate_loss",
    "forward",
    "gradient_descent",
    "gradient_norm",
    "gradient_step",
    "init_params",
    "learning_rate_to_reach",
    "log_loss",
    "log_loss_from_logit",
    "long_range_corpus",
    "lstm_bptt",
    "lstm_forward",
    "names_corpus",
    "next_token_bptt",
    "next_token_probabilities",
    "numerical_gradient",
    "numerical_grads",
    "one_hot",
    "per_token_loss",
    "predict",
    "relative_error",
    "sample_tokens",
    "sentiment_corpus",
    "sigmoid",
    "sigmoid_prime",
    "softmax",
    "softplus",
    "step_contributions",
    "tanh",
    "tanh_prime",
    "token_stream",
    "tokenize",
    "train_classifier",
    "train_by_epoch",
    "train_language_model",
    "updates_needed",
    "updates_to_reach",
    "worked_example",
]
